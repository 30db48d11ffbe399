// `npm start`: build if needed and open the Electron app. Where no Electron
// binary can be had (as on the build machines), say so in one line and start
// the browser host on a default data folder instead.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded } from './build-if-needed.mjs';
import { runHost } from './web.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await buildIfNeeded(root);

function electronBinary() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const dist = override ?? join(root, 'node_modules', 'electron', 'dist');
  const pathTxt = join(root, 'node_modules', 'electron', 'path.txt');
  const name = existsSync(pathTxt)
    ? readFileSync(pathTxt, 'utf8').trim()
    : process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
  const bin = join(dist, name);
  return existsSync(bin) ? bin : null;
}

const bin = electronBinary();
if (bin) {
  const child = spawn(bin, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const data = join(root, '.data', 'web');
  process.stderr.write(`Ingen Electron-binär finns här – startar webbvärden i stället med datamappen ${data}.\n`);
  runHost(['--data', data, ...process.argv.slice(2)]);
}
