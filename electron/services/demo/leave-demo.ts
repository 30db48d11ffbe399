import { promises as fs } from 'node:fs';
import { join } from 'node:path';

/** Folders that earlier demos were moved to: kept where they are. */
export const DEMO_ARCHIVE_PREFIX = 'demo-arkiv-';

/**
 * "Lämna demoförbundet": moves everything the demo wrote (log, key, local
 * state, attachments, exports) into `demo-arkiv-<time>/` inside the data
 * folder, so the installation starts afresh and nothing is deleted. Renames
 * only: each entry is either in its old place or in the archive.
 */
export async function archiveDemo(root: string, now = new Date()): Promise<string> {
  const archive = join(root, `${DEMO_ARCHIVE_PREFIX}${now.toISOString().replace(/[:.]/g, '-')}`);
  await fs.mkdir(archive);
  for (const entry of await fs.readdir(root)) {
    if (entry.startsWith(DEMO_ARCHIVE_PREFIX)) continue;
    await fs.rename(join(root, entry), join(archive, entry));
  }
  return archive;
}
