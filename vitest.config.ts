import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Two projects: Node for shared/ and the main side; jsdom with fake-indexeddb for the renderer.
// Options are set per project: projects do not inherit the root's `test` block.
// The time-outs are ceilings against a hung test, not timing goals (those live
// in `npm run bench`): a form test in jsdom takes 16 s on a quiet machine and
// over 30 s on a shared one, and a flake throws away correct work.
const CEILING = 120_000;
// Two workers even on two cores: vitest's default (cores − 1) runs one file at a
// time here, while many files wait on child processes, disk and PDF workers.
const WORKERS = Math.max(2, (os.availableParallelism?.() ?? os.cpus().length) - 1);
export default defineConfig({
  test: {
    maxWorkers: WORKERS,
    projects: [
      { test: { name: 'node', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: CEILING, hookTimeout: CEILING } },
      {
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/renderer/setup-dom.ts'],
          testTimeout: CEILING, hookTimeout: CEILING,
        },
      },
    ],
  },
});
