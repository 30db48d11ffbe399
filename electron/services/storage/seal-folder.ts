import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic';
import { isSealedFile, type SealedFiles } from './sealed-file';

/**
 * Where content lives in the data folder: everything under these paths is
 * read and written through the sealed-file layer, and sealed by
 * `sealFolder` when a PIN is chosen or entered. A new kind of content file
 * (e.g. state checkpoints) goes in one of them or is added here.
 * Not listed, and plain by design: folder.json, lock.json (holds the data key
 * sealed by the PIN), settings.json, local.json (ids, no content),
 * identity/device.json (the public key) and identity/private.key (sealed on
 * its own, see identity/data-key-box.ts).
 */
export const SEALED_PATHS = ['attachments', 'log', 'packages/out', 'exports', 'notes', 'checkpoints', 'identity/ca.json', 'identity/signing.json'] as const;

/**
 * Seals every plain file under SEALED_PATHS with the data key. Each file is
 * replaced atomically (temp file, fsync, rename) and keeps its modification
 * time (outgoing packages are pruned by age), so a run that is killed midway
 * leaves every file whole, plain or sealed, and the next unlock goes on where
 * it stopped. Files already sealed are skipped. Returns how many were sealed.
 */
export async function sealFolder(root: string, files: SealedFiles): Promise<number> {
  if (!files.sealing()) return 0;
  // Writes begun before the PIN was chosen finish first (plain): then the walk finds them and seals them.
  await files.plainWritesSettled();
  let sealed = 0;
  const visit = async (path: string): Promise<void> => {
    const stat = await fs.lstat(path).catch(() => null);
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of await fs.readdir(path)) if (!name.startsWith('.')) await visit(join(path, name));
      return;
    }
    // Symlinks and other special files are never followed or rewritten; temp files are left to their cleaners.
    if (!stat.isFile() || (await isSealedFile(path))) return;
    await files.write(path, await fs.readFile(path));
    await fs.utimes(path, stat.atime, stat.mtime);
    sealed++;
  };
  for (const rel of SEALED_PATHS) await visit(join(root, rel));
  return sealed;
}

/** Written once a full `sealFolder` pass has finished with the PIN set: from then on every write is sealed. */
export const SEALED_MARKER = 'sealed.json';

/**
 * At unlock: seals what a pass before did not reach (a run killed midway, a folder of an older version),
 * then records that the folder is sealed, so later unlocks do not walk and read every file again (the
 * walk was most of what opening a sealed förbund cost beyond the plain one, see bench/encryption.bench.ts).
 * `force` (the PIN just chosen) always walks.
 */
export async function sealFolderOnce(root: string, files: SealedFiles, force = false): Promise<number> {
  if (!files.sealing()) return 0;
  const marker = join(root, SEALED_MARKER);
  if (!force && (await fs.access(marker).then(() => true, () => false))) return 0;
  const sealed = await sealFolder(root, files);
  await writeFileAtomic(marker, `${JSON.stringify({ format: 1, sealedAt: new Date().toISOString() })}\n`);
  return sealed;
}
