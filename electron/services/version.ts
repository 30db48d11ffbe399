import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The app's version from package.json, for the CLI and the browser host (Electron uses app.getVersion()). */
export function packageVersion(): string {
  const require = createRequire(import.meta.url);
  const pkg = JSON.parse(readFileSync(require.resolve('../../package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
