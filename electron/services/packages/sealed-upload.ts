import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
type FileHandle = fs.FileHandle;
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { CHUNK_LOG2, fileKey, header, HEADER, openChunk, plainSizeOf, sealChunk, TAG } from '../storage/sealed-file';

/**
 * A package file that arrives over the browser host (an upload) is kept
 * encrypted from its first byte: the sealed-file envelope of docs/storage.md
 * (AES-256-GCM in 64 KiB chunks, STREAM nonces, header as AAD) under a key
 * made for this one file and held only in memory. An invitation (format 1) is
 * plain inside, so nothing of it may reach the disk in clear during a
 * preview (issue #14); a process that dies leaves ciphertext nobody can open,
 * and start-up removes it. The reader gives yauzl random access (the central
 * directory first, then each entry), decrypting only the chunks it touches.
 */

const CHUNK = 2 ** CHUNK_LOG2;
/** Chunks read at once (1 MiB). */
const WINDOW = 16;

export class UploadTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`upload over ${limit} bytes`);
  }
}

export interface SealedUpload {
  path: string;
  /** Plain size in bytes. */
  size: number;
  key: Buffer;
}

/**
 * Streams `source` into a new file at `path` (mode 0600, never replacing one),
 * sealing as it goes. Stops as soon as more than `limit` bytes arrived
 * (UploadTooLarge); on any failure the partial file is removed.
 */
export async function writeSealedUpload(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, path: string, limit: number): Promise<SealedUpload> {
  const dataKey = randomBytes(32);
  const head = header();
  const key = fileKey(dataKey, head.subarray(8, 24));
  let handle: FileHandle | null = null;
  try {
    handle = await fs.open(path, 'wx', 0o600);
    await handle.write(head);
    let held: Buffer[] = [];
    let heldBytes = 0;
    let index = 0;
    let size = 0;
    // A full chunk is sealed only once more bytes follow: the last chunk carries the STREAM end flag.
    const sealFull = async () => {
      while (heldBytes > CHUNK) {
        const all = held.length === 1 ? held[0]! : Buffer.concat(held);
        await handle!.write(sealChunk(key, head, index++, false, all.subarray(0, CHUNK)));
        held = [all.subarray(CHUNK)];
        heldBytes = all.length - CHUNK;
      }
    };
    for await (const piece of source) {
      size += piece.length;
      if (size > limit) throw new UploadTooLarge(limit);
      held.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
      heldBytes += piece.length;
      await sealFull();
    }
    await handle.write(sealChunk(key, head, index, true, held.length === 1 ? held[0]! : Buffer.concat(held)));
    await handle.sync();
    await handle.close();
    handle = null;
    key.fill(0);
    return { path, size, key: dataKey };
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await fs.rm(path, { force: true });
    dataKey.fill(0);
    throw err;
  }
}

/** Random access to a sealed upload's plain bytes, for yauzl.fromRandomAccessReader. */
export class SealedUploadReader extends yauzl.RandomAccessReader {
  private handle: Promise<FileHandle>;
  private head: Promise<Buffer>;
  private cache: { index: number; plain: Buffer } | null = null;
  private window: { first: number; count: number; bytes: Buffer } | null = null;
  private readonly key: Promise<Buffer>;
  private readonly count: number;

  constructor(private readonly upload: SealedUpload) {
    super();
    this.handle = fs.open(upload.path, 'r');
    this.head = this.handle.then(async (h) => {
      const b = Buffer.alloc(HEADER);
      await h.read(b, 0, HEADER, 0);
      return b;
    });
    this.key = this.head.then((head) => fileKey(upload.key, head.subarray(8, 24)));
    this.count = Math.max(1, Math.ceil(upload.size / CHUNK));
  }

  /**
   * The plain bytes of one chunk (authenticated), the last one kept for the many small reads yauzl makes.
   * The file is read a window of WINDOW chunks at a time: one read of a mebibyte instead of sixteen of 64 KiB
   * (a ten-year invitation is 6 600 chunks, and each read is a round trip through the thread pool).
   */
  private async chunk(index: number): Promise<Buffer> {
    if (this.cache?.index === index) return this.cache.plain;
    const [h, head, key] = await Promise.all([this.handle, this.head, this.key]);
    const sealedLength = (i: number) => Math.min(CHUNK, this.upload.size - i * CHUNK) + TAG;
    let window = this.window;
    if (!window || index < window.first || index >= window.first + window.count) {
      const count = Math.min(WINDOW, this.count - index);
      const length = (count - 1) * (CHUNK + TAG) + sealedLength(index + count - 1);
      const bytes = Buffer.alloc(length);
      const { bytesRead } = await h.read(bytes, 0, length, HEADER + index * (CHUNK + TAG));
      if (bytesRead !== length) throw new Error('sealed upload truncated');
      window = this.window = { first: index, count, bytes };
    }
    const at = (index - window.first) * (CHUNK + TAG);
    const plain = openChunk(key, head, index, index === this.count - 1, window.bytes.subarray(at, at + sealedLength(index)));
    this.cache = { index, plain };
    return plain;
  }

  override _readStreamForRange(start: number, end: number): Readable {
    const chunk = (index: number) => this.chunk(index);
    return Readable.from(
      (async function* () {
        for (let at = start; at < end; ) {
          const index = Math.floor(at / CHUNK);
          const plain = await chunk(index);
          const from = at - index * CHUNK;
          const to = Math.min(plain.length, end - index * CHUNK);
          yield Buffer.from(plain.subarray(from, to));
          at = index * CHUNK + to;
        }
      })(),
      { objectMode: false },
    );
  }

  override close(callback: (err: Error | null) => void): void {
    void this.key.then((k) => k.fill(0), () => undefined);
    this.handle.then((h) => h.close()).then(() => callback(null), (err: Error) => callback(err));
  }
}

/** The plain size a sealed upload file of `total` bytes holds (−1: not one). */
export const sealedUploadPlainSize = (total: number): number => plainSizeOf(total, CHUNK);
