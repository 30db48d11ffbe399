import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../../../shared/contract/errors';
import { locateForReveal, type SavedFiles } from '../files/reveal';
import { writeFileAtomicWith } from '../storage/atomic';
import type { SealedFiles } from '../storage/sealed-file';

/**
 * The packages this laptop exported, by the file name the export answered
 * (issue #16: packages by path, not by bytes). The renderer never names a
 * path: a name is looked up in the outgoing folders only (no folders in it,
 * no links, see files/reveal.ts), and the file is read through the
 * sealed-file layer (the kept copy is sealed once a PIN is set).
 */
export const outgoingRoots = (dataDir: string): string[] => [join(dataDir, 'packages', 'out'), join(dataDir, 'packages', 'out', 'inbjudningar')];

/** The main side's own dialogs for package files (Electron); the browser host has none. */
export interface PackageDialogs {
  /** The path of a package file the user chose to import; null when cancelled. */
  open(): Promise<string | null>;
  /** Where the user wants `fileName` saved; null when cancelled. */
  saveAs(fileName: string): Promise<string | null>;
}

const NOT_FOUND = 'Paketet finns inte längre i mappen för skickade paket. Skapa det igen.';

/** The plain bytes of an exported package as a stream (the browser host's download); null when there is no such package. */
export async function openOutgoing(files: SealedFiles, roots: readonly string[], fileName: string): Promise<{ size: number; stream: Readable } | null> {
  if (!fileName.endsWith('.sbpaket')) return null;
  const path = await locateForReveal(fileName, roots, null);
  return path ? files.openRead(path) : null;
}

/** Copies an exported package to where the user chose in the save dialog (atomically); false when cancelled. */
export async function saveOutgoingAs(
  files: SealedFiles,
  roots: readonly string[],
  fileName: string,
  dialogs: PackageDialogs | null,
  saved: SavedFiles | null,
): Promise<boolean> {
  if (!dialogs) throw new AppError('bad_request', 'Här sparas paketet genom webbläsarens hämtning.');
  if (!(await openOutgoing(files, roots, fileName).then((s) => (s?.stream.destroy(), s !== null)))) throw new AppError('not_found', NOT_FOUND);
  const target = await dialogs.saveAs(fileName);
  if (!target) return false;
  const source = await openOutgoing(files, roots, fileName);
  if (!source) throw new AppError('not_found', NOT_FOUND);
  await writeFileAtomicWith(target, async (h) => {
    for await (const chunk of source.stream) await h.write(chunk as Buffer);
  });
  saved?.record(fileName, target);
  return true;
}
