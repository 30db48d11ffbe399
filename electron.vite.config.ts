import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { noImportCycles } from './scripts/import-cycles.mjs';

// One build for the three targets. The preload is emitted as CommonJS:
// sandboxed preloads cannot be ES modules.
export default defineConfig({
  main: {
    plugins: [noImportCycles()],
    build: {
      outDir: 'out/main',
      // The PDF worker thread is its own entry: out/main/pdf-worker.js beside index.js (see electron/services/pdf/sandbox.ts).
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'pdf-worker': resolve(__dirname, 'electron/services/pdf/pdf-worker.ts'),
        },
      },
    },
  },
  preload: {
    plugins: [noImportCycles()],
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), noImportCycles()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
      chunkSizeWarningLimit: 4000,
    },
  },
});
