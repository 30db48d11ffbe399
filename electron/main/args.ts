/**
 * Reads what the shell needs from the command line. Pure, so it is tested
 * without Electron.
 */
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export const PACKAGE_EXTENSION = '.sbpaket';

/**
 * `--data <folder>` or `--data=<folder>`: use this data folder instead of
 * userData/data. Meant for tests and for running two copies side by side.
 */
export function parseDataArg(argv: readonly string[], cwd: string = process.cwd()): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data') {
      const value = argv[i + 1];
      return value && !value.startsWith('-') ? resolve(cwd, value) : null;
    }
    if (arg?.startsWith('--data=')) {
      const value = arg.slice('--data='.length);
      return value ? resolve(cwd, value) : null;
    }
  }
  return null;
}

/**
 * With a data override, Chromium's own profile (cache, single-instance lock)
 * must move too, or two test runs with different data folders would share one
 * lock and the second would quit. Kept outside the data folder so that folder
 * holds only the app's own data; one profile per data folder.
 */
export function profileDirFor(dataDir: string): string {
  const key = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  return join(tmpdir(), `styrelsebordet-profile-${key}`);
}

/**
 * `.sbpaket` files named on a command line (file association on Windows and
 * Linux, or a second launch). Relative paths are resolved against the
 * launching process's working directory.
 */
export function findPackagePaths(argv: readonly string[], cwd: string): string[] {
  return argv
    .filter(
      (a, i) =>
        !a.startsWith('-') &&
        argv[i - 1] !== '--data' && // the data folder's name is not a package
        a.toLowerCase().endsWith(PACKAGE_EXTENSION),
    )
    .map((a) => (isAbsolute(a) ? a : resolve(cwd, a)));
}
