import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { removeStaleTempFiles, writeFileAtomic } from './atomic';

/** Bumped when the folder's layout changes; an older app refuses a newer folder. */
export const DATA_FOLDER_FORMAT = 1;

/**
 * The main side's data folder. Layout:
 *   folder.json              format version and creation time
 *   attachments/index.json   metadata of stored attachments
 *   attachments/<aa>/<sha256>.pdf   the files, named by content hash
 *   exports/                 documents the app generated (PDFs)
 */
export interface DataFolder {
  readonly root: string;
  readonly attachmentsDir: string;
  readonly exportsDir: string;
}

export async function openDataFolder(dir: string): Promise<DataFolder> {
  const root = resolve(dir);
  const folder: DataFolder = {
    root,
    attachmentsDir: join(root, 'attachments'),
    exportsDir: join(root, 'exports'),
  };
  await fs.mkdir(folder.attachmentsDir, { recursive: true, mode: 0o700 });
  await fs.mkdir(folder.exportsDir, { recursive: true, mode: 0o700 });
  // The folder is its user's alone. The entry points also set umask 077, so
  // what is created later is private too; this closes folders made before.
  await closeFolders(root);

  const marker = join(root, 'folder.json');
  const existing = await fs.readFile(marker, 'utf8').catch(() => null);
  if (existing === null) {
    await writeFileAtomic(
      marker,
      JSON.stringify({ app: 'Styrelsebordet', format: DATA_FOLDER_FORMAT, createdAt: new Date().toISOString() }, null, 2),
    );
  } else {
    const format = safeFormat(existing);
    if (format > DATA_FOLDER_FORMAT) {
      throw new Error(
        `Datamappen ${root} är skapad av en nyare version av Styrelsebordet (format ${format}). Uppdatera programmet.`,
      );
    }
  }
  await removeStaleTempFiles(root);
  await removeStaleTempFiles(folder.attachmentsDir);
  await removeStaleTempFiles(folder.exportsDir);
  return folder;
}

/** chmod 0700 on the folder and every folder below it that is open to others (symlinks are not followed). */
async function closeFolders(dir: string): Promise<void> {
  const stat = await fs.lstat(dir);
  if (!stat.isDirectory()) return;
  if ((stat.mode & 0o077) !== 0) await fs.chmod(dir, 0o700);
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) await closeFolders(join(dir, entry.name));
  }
}

function safeFormat(text: string): number {
  try {
    const value = (JSON.parse(text) as { format?: unknown }).format;
    return typeof value === 'number' ? value : 0;
  } catch {
    return 0;
  }
}
