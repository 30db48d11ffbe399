import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import yauzl, { type Entry, type RandomAccessReader, type ZipFile } from 'yauzl';
import { AppError } from '../../../shared/contract/errors';
import { capFor, HOSTILE, LIMITS, refuse, RESEND, unsafeNameReason } from './format';

/**
 * The hostile-ZIP layer under read.ts. It trusts nothing the archive declares:
 * names are checked from their raw bytes, links and special files are refused,
 * and every entry is inflated by our own zlib stream so that the bytes going
 * in (bounded by the file itself) and the bytes coming out are both counted;
 * the size, total and ratio caps are enforced chunk by chunk as data inflates.
 */

export interface ZipEntry {
  name: string;
  entry: Entry;
}

/** Where a package is read from: a file, its bytes in memory, or random access to a sealed upload (sealed-upload.ts). */
export type ZipSource = string | Buffer | { reader: RandomAccessReader; size: number };

export interface OpenedZip {
  zip: ZipFile;
  entries: Map<string, ZipEntry>;
  close(): void;
}

const CORRUPT = `filen är skadad eller ofullständig (till exempel en avbruten överföring). ${RESEND}`;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;

/**
 * Opens a package (a file, or its bytes held in memory) and reads its central directory, refusing anything
 * that is not a plain, safe ZIP. From memory nothing of the package is written to disk.
 */
export async function openZip(source: ZipSource): Promise<OpenedZip> {
  const size = typeof source === 'string' ? (await fs.stat(source).catch(() => null))?.size : Buffer.isBuffer(source) ? source.length : source.size;
  if (typeof source === 'string' && size === undefined) throw new AppError('not_found', 'Paketet kunde inte importeras: filen finns inte.');
  const unref = () => {
    if (typeof source === 'object' && !Buffer.isBuffer(source)) source.reader.close(() => undefined);
  };
  if (size! > LIMITS.maxTotalBytes + 64 * 1024 * 1024) {
    unref();
    throw refuse(`paketet är för stort (över ${LIMITS.maxTotalBytes / 1024 / 1024} MB).`);
  }
  let head: Buffer = Buffer.alloc(4);
  let bytesRead = 0;
  if (typeof source === 'string') {
    const fh = await fs.open(source, 'r');
    bytesRead = (await fh.read(head, 0, 4, 0).finally(() => fh.close())).bytesRead;
  } else if (Buffer.isBuffer(source)) {
    head = source.subarray(0, 4);
    bytesRead = head.length;
  } else if (source.size >= 4) {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of source.reader._readStreamForRange(0, 4)) chunks.push(chunk as Buffer);
    } catch {
      unref();
      throw refuse(CORRUPT);
    }
    head = Buffer.concat(chunks);
    bytesRead = head.length;
  }
  // Every package starts with a local file header; an empty ZIP cannot be a package either.
  if (bytesRead < 4 || head.readUInt32LE(0) !== 0x04034b50) {
    unref();
    throw refuse('filen är inte ett Styrelsebordet-paket (den är inte en ZIP-fil). Kontrollera att du valt rätt fil (.sbpaket).');
  }
  let zip: ZipFile;
  try {
    // decodeStrings: false — we decode and judge names ourselves (yauzl would turn `\` into `/`).
    const options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: true };
    zip =
      typeof source === 'string'
        ? await yauzl.openPromise(source, options)
        : Buffer.isBuffer(source)
          ? await yauzl.fromBufferPromise(source, options)
          : await yauzl.fromRandomAccessReaderPromise(source.reader, source.size, options);
  } catch {
    unref();
    throw refuse(CORRUPT);
  }
  const close = () => zip.close();
  try {
    if (zip.entryCount > LIMITS.maxEntries) throw refuse(`paketet innehåller för många filer (${zip.entryCount}, högst ${LIMITS.maxEntries}). ${HOSTILE}`);
    const entries = new Map<string, ZipEntry>();
    for await (const entry of zip.eachEntry()) {
      const name = checkEntry(entry);
      if (entries.has(name)) throw refuse(`filen ”${name}” finns två gånger i paketet. ${HOSTILE}`);
      const cap = capFor(name);
      if (cap > 0 && entry.uncompressedSize > cap) throw refuse(`filen ”${name}” är för stor (${mb(entry.uncompressedSize)}, högst ${mb(cap)}). ${HOSTILE}`);
      entries.set(name, { name, entry });
    }
    return { zip, entries, close };
  } catch (err) {
    close();
    throw err instanceof AppError ? err : refuse(CORRUPT);
  }
}

function checkEntry(entry: Entry): string {
  let name: string;
  try {
    name = utf8.decode(entry.fileNameRaw);
  } catch {
    throw refuse(`paketet innehåller ett filnamn som inte är giltig text. ${HOSTILE}`);
  }
  // An Info-ZIP "Unicode path" field lets other tools show a different name than the one we checked.
  const reason = unsafeNameReason(name) ?? (entry.extraFields.some((f) => f.id === 0x7075) ? 'dubbla filnamn' : null);
  if (reason) throw refuse(`paketet innehåller ett otillåtet filnamn (”${name}”: ${reason}). ${HOSTILE}`);
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (mode !== 0 && mode !== S_IFREG) {
    const what = mode === 0o120000 ? 'en länk' : mode === 0o040000 ? 'en mapp' : 'en specialfil';
    throw refuse(`”${name}” i paketet är ${what}, inte en vanlig fil. ${HOSTILE}`);
  }
  if (entry.isEncrypted()) throw refuse(`filen ”${name}” i paketet är krypterad. ${HOSTILE}`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw refuse(`filen ”${name}” är packad på ett sätt som inte stöds. ${RESEND}`);
  return name;
}

/** Shared across the entries of one package: the total inflated so far. */
export interface Budget {
  total: number;
  onBytes?: (n: number) => void;
}

/**
 * Streams one entry through the caps into `sink` and returns its real size
 * and SHA-256. `expectedSize` (from the signed manifest) is a hard ceiling
 * too, so an entry cannot inflate past what the sender signed for.
 */
export async function streamEntry(
  opened: OpenedZip,
  item: ZipEntry,
  budget: Budget,
  expectedSize: number | null,
  sink: (source: AsyncIterable<Buffer>) => Promise<void>,
): Promise<{ size: number; sha256: string }> {
  const { zip } = opened;
  const { entry, name } = item;
  const cap = Math.min(capFor(name), expectedSize ?? Infinity);
  let compressed = 0;
  let inflated = 0;
  const hash = createHash('sha256');
  // pipeline() may report a follow-on AbortError instead of the error that caused
  // the teardown, so our own refusals (from the guard or the sink) are kept here.
  let cause: unknown = null;
  const stop = (err: AppError): AppError => {
    cause ??= err;
    return err;
  };
  const guardedSink = async (source: AsyncIterable<Buffer>) => {
    try {
      await sink(source);
    } catch (err) {
      cause ??= err;
      throw err;
    }
  };
  try {
    const header = await zip.readLocalFileHeaderPromise(entry);
    // Other tools read the local header's name; it must be the name we checked.
    if (!header.fileName.equals(entry.fileNameRaw)) throw refuse(`filnamnen i paketet stämmer inte överens (”${name}”). ${HOSTILE}`);
    const raw = await zip.openReadStreamPromise(entry, { decodeFileData: false });
    const countIn = new Transform({
      transform(chunk: Buffer, _e: BufferEncoding, cb: TransformCallback) {
        compressed += chunk.length;
        cb(null, chunk);
      },
    });
    const guard = new Transform({
      transform(chunk: Buffer, _e: BufferEncoding, cb: TransformCallback) {
        inflated += chunk.length;
        budget.total += chunk.length;
        if (inflated > LIMITS.ratioFloorBytes && inflated > LIMITS.maxRatio * Math.max(compressed, 1)) {
          return cb(stop(refuse(`filen ”${name}” packas upp till orimligt mycket data (möjlig zip-bomb). ${HOSTILE}`)));
        }
        if (inflated > cap) {
          return cb(stop(expectedSize !== null && inflated > expectedSize
            ? refuse(`storleken på ”${name}” stämmer inte med innehållsförteckningen. ${RESEND}`)
            : refuse(`filen ”${name}” är för stor (över ${mb(cap)}). ${HOSTILE}`)));
        }
        if (budget.total > LIMITS.maxTotalBytes) return cb(stop(refuse(`paketet packas upp till mer än ${mb(LIMITS.maxTotalBytes)}. ${HOSTILE}`)));
        hash.update(chunk);
        budget.onBytes?.(chunk.length);
        cb(null, chunk);
      },
    });
    if (entry.compressionMethod === 8) await pipeline(raw, countIn, createInflateRaw(), guard, guardedSink);
    else await pipeline(raw, countIn, guard, guardedSink);
  } catch (caught) {
    const err = cause ?? caught;
    if (err instanceof AppError || isSystemError(err)) throw err;
    throw refuse(CORRUPT); // yauzl and zlib errors: truncated data, bad headers, broken deflate streams
  }
  // A stored entry must hold exactly its declared bytes; deflate may not stop short either.
  if (inflated !== entry.uncompressedSize) throw refuse(CORRUPT);
  if (expectedSize !== null && inflated !== expectedSize) throw refuse(`storleken på ”${name}” stämmer inte med innehållsförteckningen. ${RESEND}`);
  return { size: inflated, sha256: hash.digest('hex') };
}

/** Reads a small entry (manifest, signature, key) fully into memory, under its cap. */
export async function readSmallEntry(opened: OpenedZip, item: ZipEntry, budget: Budget): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await streamEntry(opened, item, budget, null, async (source) => {
    for await (const chunk of source) chunks.push(chunk);
  });
  return Buffer.concat(chunks);
}

/** Errors from the file system (disk full, no access) are not the package's fault. */
export function isSystemError(err: unknown): err is NodeJS.ErrnoException {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

const mb = (bytes: number) => (bytes < 1024 * 1024 ? `${bytes} byte` : `${Math.round(bytes / 1024 / 1024)} MB`);
