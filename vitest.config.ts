import { defineConfig } from 'vitest/config';

// Two projects: Node for shared/ and the main side; jsdom with fake-indexeddb for the renderer.
// Options are set per project: projects do not inherit the root's `test` block.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'node', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/renderer/setup-dom.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
