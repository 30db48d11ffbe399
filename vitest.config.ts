import { defineConfig } from 'vitest/config';

// Two projects: Node for shared/ and the main side; jsdom with fake-indexeddb for the renderer.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      { test: { name: 'node', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/renderer/setup-dom.ts'],
        },
      },
    ],
  },
});
