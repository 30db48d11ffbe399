// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const NODE_BUILTINS = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'zlib', 'worker_threads', 'module', 'events', 'buffer'];
const nodeModules = [{ group: ['node:*'], message: 'Node modules belong to electron/services, not here.' }];
const builtinPaths = NODE_BUILTINS.map((name) => ({ name, message: 'Node modules belong to electron/services, not here.' }));

/**
 * Imports flow one way: renderer → shared; electron → shared; shared is pure.
 * These rules are the architecture, enforced (see ../shared/tech/ARCHITECTURE.md).
 */
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/artifacts/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ is pure: no Electron.' }, ...builtinPaths],
          patterns: [
            ...nodeModules,
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ never imports electron/ or renderer/.' },
            { group: ['react', 'react-*', '@mantine/*', 'dexie*'], message: 'shared/ is pure: no UI or storage libraries.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches the main side only through the contract.' }, ...builtinPaths],
          patterns: [...nodeModules, { group: ['**/electron/**'], message: 'The renderer never imports electron/: use the API client.' }],
        },
      ],
    },
  },
  {
    // Issue #15: a time is shown as a Swedish date (formatDate / swedishDate), never by cutting its ISO text,
    // which gives the UTC date ("Justerat 2026-12-05" for a justering made 2026-12-06 at 00.30).
    files: ['renderer/**/*.{ts,tsx}', 'electron/services/pdf/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(slice|substring|substr)$/][callee.object.property.name=/^(at|.+At)$/]",
          message: 'Show a time with formatDate/swedishDate from shared/domain/format, not by slicing its ISO text.',
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Services, the host and the CLI are plain Node: only electron/main and electron/preload may import Electron.' }],
          patterns: [{ group: ['**/renderer/**'], message: 'The main side never imports the renderer.' }, { group: ['**/electron/main/**', '**/main/**'], message: 'Services never import the Electron glue.' }],
        },
      ],
    },
  },
  {
    // Issue #16: the event kernel knows no feature and not the registry that composes them.
    files: ['shared/domain/events/kernel/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./(?!\\.\\./)', message: 'The kernel imports nothing of the registry (events/*): the registry builds on the kernel.' },
            { regex: '^\\.\\./\\.\\./(?!log/|format$)', message: 'The kernel imports no feature: only the signed event line (log/) and formats.' },
          ],
        },
      ],
    },
  },
  {
    // Issue #16: no import cycles anywhere. A cycle hides a wrong direction of
    // dependency (a screen importing the frame that imports it, a feature
    // importing the catalogue that imports it); the build fails on one.
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { ...importX.flatConfigs.typescript.settings, 'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.node.json', 'tsconfig.web.json'], noWarnOnMultipleProjects: true })] },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'The main side never imports the renderer.' }] }],
    },
  },
);
