// Builds what is missing or older than any of its sources: the app with
// electron-vite (renderer, main, preload) and the host/CLI bundles with
// esbuild (see build-host.mjs). Build chatter goes to stderr so callers keep
// stdout for their own first line.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HOST_BUNDLES, buildHostBundles } from './build-host.mjs';

const APP_SOURCES = ['renderer', 'shared', 'electron/main', 'electron/preload', 'electron/security', 'electron.vite.config.ts', 'package.json'];
const APP_OUTPUTS = ['out/renderer/index.html', 'out/main/index.js', 'out/preload/index.cjs'];
const HOST_SOURCES = ['electron', 'shared', 'package.json', 'scripts/build-host.mjs'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules') continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

function isFresh(root, outputs, sources) {
  const built = Math.min(...outputs.map((p) => (existsSync(join(root, p)) ? statSync(join(root, p)).mtimeMs : 0)));
  const source = Math.max(...sources.map((p) => newest(join(root, p))));
  return built > 0 && built >= source;
}

function fail() {
  process.stderr.write('Bygget misslyckades.\n');
  process.exit(1);
}

/** The renderer and Electron bundles (electron-vite). */
export function buildAppIfNeeded(root) {
  if (isFresh(root, APP_OUTPUTS, APP_SOURCES)) return;
  process.stderr.write('Bygger Styrelsebordet …\n');
  const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
  const result = spawnSync(bin, ['build'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr], shell: process.platform === 'win32' });
  if (result.status !== 0) fail();
}

/** The browser host and CLI bundles (esbuild, about a second). */
export async function buildHostIfNeeded(root) {
  if (isFresh(root, HOST_BUNDLES.map((b) => b.out), HOST_SOURCES)) return;
  try {
    await buildHostBundles(root);
  } catch {
    fail();
  }
}

export async function buildIfNeeded(root) {
  buildAppIfNeeded(root);
  await buildHostIfNeeded(root);
}
