import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import { isSafeFileName } from '../../../shared/domain/safe-text';
import { SealedUploadReader, UploadTooLarge, writeSealedUpload, type SealedUpload } from './sealed-upload';
import type { ZipSource } from './zip-reader';

/**
 * Package files on their way in, known to the renderer only by an opaque id
 * (issue #16: packages by path, not by bytes). Two ways in:
 * - Electron: a path the main side got from its own open dialog, a
 *   double-click or the command line (the user's file, read where it is and
 *   never removed);
 * - the browser host: an upload streamed into `dir`, sealed as it arrives
 *   (sealed-upload.ts), removed once read or when the preview is dropped.
 * The package service takes a file by its id to read it once.
 */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
/** Files waiting for their preview; the oldest is dropped (and an upload removed) beyond this. */
const MAX_WAITING = 8;

export interface IncomingFile {
  fileName: string;
  source: ZipSource;
}

export interface IncomingFiles {
  /** A file the main side chose or was given (Electron). */
  addPath(path: string): { fileId: string; fileName: string };
  /**
   * An upload: streams `source` into a sealed file, refusing more than
   * MAX_UPLOAD_BYTES (announced or arriving); nothing is left behind on failure.
   */
  receive(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, fileName: string, announced: number | null): Promise<{ fileId: string; fileName: string }>;
  /** Takes the file out of the registry for reading; `done()` removes an upload. */
  take(fileId: string): { file: IncomingFile; done(): Promise<void> } | null;
  /** Removes everything (start-up, tests). */
  clear(): Promise<void>;
}

const TOO_LARGE = `Filen är för stor för att importeras (högst ${MAX_UPLOAD_BYTES / 1024 / 1024 / 1024} GB). Kontrollera att du valt rätt fil.`;

export function createIncomingFiles(dir: string, limit = MAX_UPLOAD_BYTES): IncomingFiles {
  const waiting = new Map<string, { fileName: string; path: string; upload: SealedUpload | null }>();

  async function remove(entry: { upload: SealedUpload | null }): Promise<void> {
    if (!entry.upload) return;
    entry.upload.key.fill(0);
    await fs.rm(entry.upload.path, { force: true });
  }

  function register(entry: { fileName: string; path: string; upload: SealedUpload | null }): string {
    const fileId = randomBytes(12).toString('hex');
    waiting.set(fileId, entry);
    while (waiting.size > MAX_WAITING) {
      const [oldest, old] = waiting.entries().next().value as [string, typeof entry];
      waiting.delete(oldest);
      void remove(old);
    }
    return fileId;
  }

  const nameOf = (fileName: string) => (isSafeFileName(fileName) ? fileName : 'paket.sbpaket');

  return {
    addPath(path) {
      if (!isAbsolute(path)) throw new AppError('bad_request', 'Filen kunde inte öppnas.');
      const fileName = nameOf(basename(path));
      return { fileId: register({ fileName, path, upload: null }), fileName };
    },

    async receive(source, fileName, announced) {
      if (announced !== null && announced > limit) throw new AppError('too_large', TOO_LARGE);
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      const path = join(dir, `upload-${randomBytes(12).toString('hex')}`);
      try {
        const upload = await writeSealedUpload(source, path, limit);
        const name = nameOf(fileName);
        return { fileId: register({ fileName: name, path, upload }), fileName: name };
      } catch (err) {
        if (err instanceof UploadTooLarge) throw new AppError('too_large', TOO_LARGE);
        if ((err as NodeJS.ErrnoException).code === 'ENOSPC') throw new AppError('internal', 'Filen kunde inte tas emot: disken är full. Frigör utrymme och försök igen.');
        throw new AppError('bad_request', 'Filen kom inte fram hela vägen. Försök igen.');
      }
    },

    take(fileId) {
      const entry = waiting.get(fileId);
      if (!entry) return null;
      waiting.delete(fileId);
      const source: ZipSource = entry.upload ? { reader: new SealedUploadReader(entry.upload), size: entry.upload.size } : entry.path;
      return { file: { fileName: entry.fileName, source }, done: () => remove(entry) };
    },

    async clear() {
      const all = [...waiting.values()];
      waiting.clear();
      await Promise.all(all.map(remove));
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
