import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Bundles a TypeScript entry for a child process that runs with plain node
 * (under tsx every child compiles the services and pdf.js again, ~10 s each on
 * a busy machine). Written beside the app's bundles in out/test/, so the
 * external packages resolve from node_modules; renamed into place whole.
 */
export async function bundleForNode(entry: string): Promise<string> {
  // The PDF worker thread is loaded from beside the bundle (electron/services/pdf/sandbox.ts).
  if (!entry.endsWith('pdf-worker.ts')) await bundleForNode('electron/services/pdf/pdf-worker.ts');
  const name = basename(entry).replace(/\.ts$/, '');
  const target = join(ROOT, 'out', 'test', name === 'pdf-worker' ? 'pdf-worker.js' : `${name}.mjs`);
  const result = await build({
    entryPoints: [resolve(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    write: false,
    outfile: target,
  });
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, result.outputFiles[0]!.contents);
  renameSync(temp, target);
  return target;
}
