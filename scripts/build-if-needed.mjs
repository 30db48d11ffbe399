// Builds with electron-vite when the output is missing or older than any source.
// Build chatter goes to stderr so callers keep stdout for their own first line.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['renderer', 'shared', 'electron/main', 'electron/preload', 'electron/security', 'electron.vite.config.ts', 'package.json'];
const OUTPUTS = ['out/renderer/index.html', 'out/main/index.js', 'out/preload/index.cjs'];

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

export function buildIfNeeded(root) {
  const built = Math.min(...OUTPUTS.map((p) => (existsSync(join(root, p)) ? statSync(join(root, p)).mtimeMs : 0)));
  const source = Math.max(...SOURCES.map((p) => newest(join(root, p))));
  if (built > 0 && built >= source) return;
  process.stderr.write('Bygger Styrelsebordet …\n');
  const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
  const result = spawnSync(bin, ['build'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr], shell: process.platform === 'win32' });
  if (result.status !== 0) {
    process.stderr.write('Bygget misslyckades.\n');
    process.exit(1);
  }
}
