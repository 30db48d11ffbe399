import { promises as fs } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import { isSafeFileName } from '../../../shared/domain/safe-text';

/**
 * "Visa i mappen" (issue #15 item 11): which file the operating system's file
 * manager may be asked to show. The renderer names a file only by the name
 * the main side gave it (a contract FileName: no folders); this module turns
 * that name into a path the main side itself wrote, or the path the save
 * dialog returned for it, and nothing else. Plain Node (no Electron): the
 * Electron main passes `show` (shell.showItemInFolder) and records the save
 * dialog's paths; the browser host passes nothing and the call is refused.
 */

/** The save dialog's answers, by the file name the app suggested. Filled by the Electron main only. */
export interface SavedFiles {
  record(fileName: string, path: string): void;
  get(fileName: string): string | null;
}

/** Remembers the last `max` saved files (a session's worth), oldest forgotten first. */
export function createSavedFiles(max = 50): SavedFiles {
  const paths = new Map<string, string>();
  return {
    record(fileName, path) {
      if (!isSafeFileName(fileName) || typeof path !== 'string' || !isAbsolute(path)) return;
      paths.delete(fileName);
      paths.set(fileName, resolve(path));
      while (paths.size > max) paths.delete(paths.keys().next().value as string);
    },
    get: (fileName) => paths.get(fileName) ?? null,
  };
}

export interface Reveal {
  /** Shows the file in the file manager (Electron: shell.showItemInFolder). */
  show(path: string): Promise<void>;
  saved: SavedFiles;
}

/** A regular file, not a link to somewhere else, not a folder. */
async function isPlainFile(path: string): Promise<boolean> {
  const s = await fs.lstat(path).catch(() => null);
  return s !== null && s.isFile();
}

/**
 * The path to show for `fileName`: the user's own copy where the save dialog
 * put it, else the app's copy in one of `roots` (the exports folder, the
 * outgoing packages). Null when there is none.
 */
export async function locateForReveal(fileName: string, roots: readonly string[], saved: SavedFiles | null): Promise<string | null> {
  if (!isSafeFileName(fileName)) return null;
  const chosen = saved?.get(fileName) ?? null;
  if (chosen && isAbsolute(chosen) && (await isPlainFile(chosen))) return chosen;
  for (const root of roots) {
    const path = join(root, fileName);
    // A contract file name has no folders; checked again here so a change there cannot open a way out.
    if (relative(root, path) !== fileName) continue;
    if (await isPlainFile(path)) return path;
  }
  return null;
}

/** The handler of `files.showInFolder`. */
export function showInFolderHandler(roots: readonly string[], reveal: Reveal | null) {
  return async ({ fileName }: { fileName: string }): Promise<Record<string, never>> => {
    if (!reveal) throw new AppError('bad_request', 'Webbläsaren kan inte öppna mappar. Filen finns i webbläsarens mapp för hämtade filer.');
    const path = await locateForReveal(fileName, roots, reveal.saved);
    if (!path) throw new AppError('not_found', `Filen ${fileName} finns inte längre där den sparades. Skapa den igen.`);
    await reveal.show(path);
    return {};
  };
}
