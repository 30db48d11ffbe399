import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError, AttachmentMeta, FileName } from '../../../shared/contract';
import { extractPdfTextGuarded as extractPdfText, inspectPdfGuarded as inspectPdf, inspectPdfWithTextGuarded, releasePdfWorker } from '../pdf/sandbox';
import { plainFiles, type SealedFiles } from '../storage/sealed-file';
import type { DataFolder } from '../storage/data-folder';
import { createSerialQueue } from '../storage/serial';
import { parseJsonOrNull } from '../storage/json';

const Index = z.object({ version: z.literal(1), attachments: z.array(AttachmentMeta) });
type Index = z.infer<typeof Index>;

/** The check of one file extracted from a package (checkIncoming). */
/** `textPath`: the file's text for the search, read in the same check (a preview's scratch, beside the file). */
export type IncomingCheck = { ok: true; size: number; pageCount: number; textPath?: string } | { ok: false; message: string };

export interface AttachmentStore {
  add(fileName: string, bytes: Uint8Array, now?: Date): Promise<AttachmentMeta>;
  list(): Promise<AttachmentMeta[]>;
  read(sha256: string): Promise<{ meta: AttachmentMeta; bytes: Uint8Array }>;
  /** Where a stored file lives (sealed once a PIN is set: read it through `openBlob`/`readBlob`). */
  blobPath(sha256: string): string;
  /** A stored file's plaintext size and stream (packages stream attachments this way). */
  openBlob(sha256: string): Promise<{ size: number; stream: NodeJS.ReadableStream }>;
  /** A stored file's bytes, without the index (the file may not be listed yet). */
  readBlob(sha256: string): Promise<Uint8Array>;
  hasBlob(sha256: string): Promise<boolean>;
  /**
   * Checks files extracted from a package before anything is stored (the preview): each is read
   * once, its SHA-256 compared and its PDF checked in the worker, which reads its text for the search
   * from the same opening (kept as scratch beside the file until apply). The worker thread ends after
   * the batch, so its memory is free again before the package's events are folded, and an import
   * leaves no PDF work behind it.
   */
  checkIncoming(items: readonly { sha256: string; path: string }[], report?: (p: { done: number; total: number }) => void): Promise<Map<string, IncomingCheck>>;
  /**
   * Moves a file checkIncoming accepted into the store by hash, without an index entry (invisible until
   * listed): a rename, because the extracted file is already sealed as the store's files are. Its text,
   * when the check read it, moves in beside it.
   */
  adoptChecked(sha256: string, sourcePath: string, textPath?: string): Promise<void>;
  /** Removes a stored file that is not in the index (one that failed the PDF check). */
  discardBlob(sha256: string): Promise<void>;
  /**
   * Lists stored files that arrived in packages (their blobs are here, not yet in the index): each is
   * checked as a PDF once, a file that fails is removed, and the index is written once for all of them.
   * A file in `checked` (accepted by checkIncoming, then adopted) is listed without a second check.
   */
  listStored(files: readonly { fileName: string; sha256: string }[], now?: Date, checked?: ReadonlyMap<string, IncomingCheck>): Promise<{ added: number; refused: { sha256: string; message: string }[] }>;
  /** The text of a stored PDF, for full-text search; extracted once and kept beside the file. */
  text(sha256: string): Promise<string>;
  /** Ends the PDF worker thread once its queued jobs are done (after a batch: its memory goes back). */
  releasePdfReader(): Promise<void>;
}


export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * PDF attachments stored by SHA-256. The same file added twice is stored once;
 * the file is validated before anything is written, so a refused file leaves
 * the folder exactly as it was.
 */
export function createAttachmentStore(folder: DataFolder, opts: { textBudgetMs?: number; files?: SealedFiles } = {}): AttachmentStore {
  // Every file here goes through the sealed-file layer: encrypted at rest once a PIN is set.
  const files = opts.files ?? plainFiles;
  const indexPath = join(folder.attachmentsDir, 'index.json');
  const blobPath = (sha: string) => join(folder.attachmentsDir, sha.slice(0, 2), `${sha}.pdf`);
  const textPath = (sha: string) => join(folder.attachmentsDir, sha.slice(0, 2), `${sha}.txt`);
  const serial = createSerialQueue();

  async function readIndex(): Promise<Index> {
    // A sealed index that no longer opens is damaged like a broken one; a locked app is not (that error goes on).
    const text = await files.readTextIfExists(indexPath).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'invalid_file') return 'damaged';
      throw err;
    });
    if (text === null) return { version: 1, attachments: [] };
    const parsed = Index.safeParse(parseJsonOrNull(text));
    if (parsed.success) return parsed.data;
    // A damaged index must not hide the files: keep it aside and rebuild from the blobs.
    await fs.rename(indexPath, `${indexPath}.damaged-${Date.now()}`);
    return rebuildIndex();
  }

  async function rebuildIndex(): Promise<Index> {
    const attachments: AttachmentMeta[] = [];
    for (const sub of await fs.readdir(folder.attachmentsDir, { withFileTypes: true })) {
      if (!sub.isDirectory()) continue;
      for (const name of await fs.readdir(join(folder.attachmentsDir, sub.name))) {
        const sha = name.replace(/\.pdf$/, '');
        if (!/^[0-9a-f]{64}$/.test(sha)) continue;
        const path = join(folder.attachmentsDir, sub.name, name);
        const [bytes, stat] = await Promise.all([files.read(path).catch(() => null), fs.stat(path)]);
        if (!bytes) continue;
        // One junk file must not hide the others: it is left out of the list (and stays on disk for a look).
        const inspected = await inspectPdf(bytes).catch((err: unknown) => {
          console.warn(`[attachments] ${name} is not a readable PDF; left out of the rebuilt index`, err);
          return null;
        });
        if (!inspected || sha256Hex(bytes) !== sha) continue;
        const { pageCount } = inspected;
        attachments.push({ sha256: sha, fileName: `${sha.slice(0, 12)}.pdf`, size: bytes.length, pageCount, addedAt: stat.mtime.toISOString() });
      }
    }
    const index: Index = { version: 1, attachments };
    await files.write(indexPath, JSON.stringify(index, null, 2));
    return index;
  }

  /**
   * One incoming file, read once by pdf.js: checked, and its text kept as scratch beside it. The bytes are
   * handed over to the worker. The check and the text have a budget each (sandbox.ts): a file whose text runs
   * over is kept without text (tried again in the background after the import), as before.
   */
  async function checkWithText(path: string, bytes: Uint8Array): Promise<IncomingCheck> {
    const size = bytes.byteLength;
    let read: { pageCount: number; text: { pages: string[] } | null };
    try {
      read = await inspectPdfWithTextGuarded(bytes, { handOver: true });
    } catch (err) {
      if (err instanceof AppError) return { ok: false, message: err.message };
      throw err;
    }
    if (!read.text) return { ok: true, size, pageCount: read.pageCount };
    const scratch = `${path}.txt`;
    await files.write(scratch, read.text.pages.join('\n'), { durable: false });
    return { ok: true, size, pageCount: read.pageCount, textPath: scratch };
  }

  return {
    add: (fileName, bytes, now = new Date()) =>
      serial(async () => {
        // The contract checked the name already; a name from an event or a package is checked here the same way.
        if (!FileName.safeParse(fileName).success) throw new AppError('bad_request', 'Filnamnet får inte innehålla mappar, styrtecken eller riktningstecken.');
        const { pageCount } = await inspectPdf(bytes); // throws a Swedish AppError before any write
        const sha = sha256Hex(bytes);
        const index = await readIndex();
        const known = index.attachments.find((a) => a.sha256 === sha);
        if (known) return known;
        const path = blobPath(sha);
        await fs.mkdir(join(folder.attachmentsDir, sha.slice(0, 2)), { recursive: true });
        await files.write(path, bytes);
        const meta: AttachmentMeta = { sha256: sha, fileName, size: bytes.byteLength, pageCount, addedAt: now.toISOString() };
        await files.write(indexPath, JSON.stringify({ version: 1, attachments: [...index.attachments, meta] }, null, 2));
        return meta;
      }),

    listStored: (items, now = new Date(), checked = new Map()) =>
      serial(async () => {
        const index = await readIndex();
        const known = new Set(index.attachments.map((a) => a.sha256));
        const added: AttachmentMeta[] = [];
        const refused: { sha256: string; message: string }[] = [];
        for (const item of items) {
          if (known.has(item.sha256) || !(await fs.access(blobPath(item.sha256)).then(() => true, () => false))) continue;
          known.add(item.sha256);
          try {
            if (!FileName.safeParse(item.fileName).success) throw new AppError('bad_request', 'Filnamnet får inte innehålla mappar, styrtecken eller riktningstecken.');
            const known = checked.get(item.sha256);
            if (known?.ok) {
              added.push({ sha256: item.sha256, fileName: item.fileName, size: known.size, pageCount: known.pageCount, addedAt: now.toISOString() });
              continue;
            }
            const bytes = await files.read(blobPath(item.sha256));
            if (sha256Hex(bytes) !== item.sha256) throw new AppError('invalid_file', 'Filen stämmer inte med sin kontrollsumma.');
            const { pageCount } = await inspectPdf(bytes);
            added.push({ sha256: item.sha256, fileName: item.fileName, size: bytes.byteLength, pageCount, addedAt: now.toISOString() });
          } catch (err) {
            // A file that fails the PDF check (or its budget) is not kept; the other documents still appear.
            if (!(err instanceof AppError)) throw err;
            refused.push({ sha256: item.sha256, message: err.message });
            await fs.rm(blobPath(item.sha256), { force: true });
            await fs.rm(textPath(item.sha256), { force: true });
          }
        }
        if (added.length > 0) await files.write(indexPath, JSON.stringify({ version: 1, attachments: [...index.attachments, ...added] }, null, 2));
        return { added: added.length, refused };
      }),

    list: () => serial(async () => [...(await readIndex()).attachments].sort((a, b) => b.addedAt.localeCompare(a.addedAt))),

    blobPath,
    text: async (sha) => {
      const cached = await files.readTextIfExists(textPath(sha)).catch(() => null);
      if (cached !== null) return cached;
      if (!(await fs.access(blobPath(sha)).then(() => true, () => false))) {
        throw new AppError('not_found', 'Bilagan finns inte på den här datorn.');
      }
      // A PDF without a text layer (a scan) simply has no searchable text.
      // A file over the worker's time or memory budget is kept without text: searching never tries it again.
      // Read only for this: handed over to the worker, not copied.
      const text = await extractPdfText(await files.read(blobPath(sha)), { handOver: true, ...(opts.textBudgetMs ? { budgetMs: opts.textBudgetMs } : {}) }).then(
        (r) => r.pages.join('\n'),
        (err: unknown) => {
          console.warn(`[attachments] no text for ${sha.slice(0, 12)}: ${(err as Error).message}`);
          return '';
        },
      );
      await files.write(textPath(sha), text);
      return text;
    },
    releasePdfReader: () => releasePdfWorker(),
    openBlob: (sha) => files.openRead(blobPath(sha)),
    readBlob: (sha) => files.read(blobPath(sha)),
    hasBlob: async (sha) => fs.access(blobPath(sha)).then(() => true, () => false),
    checkIncoming: async (items, report) => {
      const out = new Map<string, IncomingCheck>();
      const total = items.length;
      // The next file is read while the worker checks this one.
      const reading = (i: number) => (items[i] ? files.read(items[i].path) : null);
      let next = reading(0);
      report?.({ done: 0, total });
      try {
        for (let i = 0; i < items.length; i++) {
          const item = items[i]!;
          const bytes = await next!;
          next = reading(i + 1);
          out.set(item.sha256, sha256Hex(bytes) === item.sha256 ? await checkWithText(item.path, bytes) : { ok: false, message: 'Filen stämmer inte med sin kontrollsumma.' });
          report?.({ done: i + 1, total });
        }
      } finally {
        await next?.catch(() => undefined);
        if (items.length > 0) await releasePdfWorker();
      }
      return out;
    },
    adoptChecked: async (sha, sourcePath, sourceText) => {
      await fs.mkdir(join(folder.attachmentsDir, sha.slice(0, 2)), { recursive: true });
      // The extracted file was a preview's scratch (no fsync): made durable and renamed into place, or sealed on
      // the way in if a PIN was set since it was extracted. The text first: a file is never in place without it
      // when the check read it (text() would read it again).
      if (sourceText) await files.moveIn(sourceText, textPath(sha));
      await files.moveIn(sourcePath, blobPath(sha));
    },
    discardBlob: (sha) =>
      serial(async () => {
        if ((await readIndex()).attachments.some((a) => a.sha256 === sha)) return;
        await fs.rm(blobPath(sha), { force: true });
        await fs.rm(textPath(sha), { force: true });
      }),

    read: (sha256) =>
      serial(async () => {
        const meta = (await readIndex()).attachments.find((a) => a.sha256 === sha256);
        if (!meta) throw new AppError('not_found', 'Bilagan finns inte på den här datorn.');
        const bytes = await files.read(blobPath(sha256));
        // Content addressing lets us detect a file changed or damaged on disk.
        if (sha256Hex(bytes) !== sha256) {
          throw new AppError('invalid_file', 'Bilagans fil på disken har ändrats eller skadats och visas därför inte.');
        }
        return { meta, bytes };
      }),
  };
}

