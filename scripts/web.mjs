// `npm run web -- --data <folder> [--port <n>]`: build if needed, then run the
// browser host from its bundle with plain node. Its first stdout line is the
// address (see electron/host/main.ts).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded } from './build-if-needed.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export function runHost(args) {
  const child = spawn(process.execPath, [join(root, 'out/host/main.mjs'), ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 1));
}
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildIfNeeded(root);
  runHost(process.argv.slice(2));
}
