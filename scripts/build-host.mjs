// Bundles the browser host and the CLI into out/host/main.mjs and
// out/cli/main.mjs with esbuild, so they start with plain node: under tsx the
// sources are compiled on every start and pdf.js alone takes ~10 s to load,
// against ~0.5 s from a bundle. Dependencies stay external (read from
// node_modules as the Electron main bundle does). Neither bundle ever ships
// (build/electron-builder.yml excludes out/host and out/cli).
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cyclesInMetafile, describeCycles } from './import-cycles.mjs';

export const HOST_BUNDLES = [
  { entry: 'electron/host/main.ts', out: 'out/host/main.mjs' },
  { entry: 'electron/cli/main.ts', out: 'out/cli/main.mjs' },
  // The PDF worker thread, beside each bundle that starts it (electron/services/pdf/sandbox.ts).
  { entry: 'electron/services/pdf/pdf-worker.ts', out: 'out/host/pdf-worker.js' },
  { entry: 'electron/services/pdf/pdf-worker.ts', out: 'out/cli/pdf-worker.js' },
];

/**
 * Builds both bundles. Each is written to a temporary file and renamed into
 * place, so a CLI or host starting meanwhile (tests run several at once)
 * never loads a half-written bundle.
 */
export async function buildHostBundles(root) {
  await buildBundles(root, HOST_BUNDLES);
}

/** Builds the given bundles the same way (the scale bench builds its import child so). */
export async function buildBundles(root, bundles) {
  await Promise.all(
    bundles.map(async ({ entry, out }) => {
      const result = await build({
        entryPoints: [join(root, entry)],
        outfile: join(root, out),
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        logLevel: 'warning',
        legalComments: 'none',
        write: false,
        metafile: true,
      });
      const cycles = cyclesInMetafile(result.metafile);
      if (cycles.length > 0) throw new Error(describeCycles(cycles));
      const target = join(root, out);
      mkdirSync(dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.tmp`;
      writeFileSync(temp, result.outputFiles[0].contents);
      renameSync(temp, target);
    }),
  );
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { fileURLToPath } = await import('node:url');
  await buildHostBundles(join(dirname(fileURLToPath(import.meta.url)), '..'));
}
