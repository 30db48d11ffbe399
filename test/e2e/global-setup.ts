import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds the app and the host bundle if any source is newer, once before the
 * suite, so every host starts from the bundle with plain node (`npm test`
 * has built already; a lone `npx playwright test` builds here).
 */
export default async function globalSetup(): Promise<void> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const { buildIfNeeded } = (await import(join(root, 'scripts', 'build-if-needed.mjs'))) as { buildIfNeeded(root: string): Promise<void> };
  await buildIfNeeded(root);
}
