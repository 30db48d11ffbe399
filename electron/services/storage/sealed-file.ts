import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { createReadStream, promises as fs, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { AppError } from '../../../shared/contract/errors';
import { syncDir, writeFileAtomicWith } from './atomic';

/**
 * The data folder's ONE storage layer for content: every reader and writer of
 * attachments, extracted texts, the event log, outgoing packages, exported
 * documents and the PKI keys goes through a `SealedFiles`. New files with
 * content (e.g. state checkpoints) must use it too; see docs/storage.md.
 *
 * Without a PIN (the demo förbund, or before one is chosen) files are written
 * plain. Once a PIN is set, every write is sealed with the app lock's data key
 * and a locked app cannot read or write at all (AppError 'locked').
 * Reads accept both forms, so a folder being sealed (migration, see
 * seal-folder.ts) stays readable throughout.
 *
 * Envelope (format 1), node:crypto primitives only:
 *
 *   0   6  magic "SBSEAL"
 *   6   1  version = 1
 *   7   1  chunk size as a power of two (16 → 64 KiB)
 *   8  16  random salt
 *   24  …  chunks: AES-256-GCM ciphertext (chunk size, the last one shorter
 *          or empty) followed by its 16-byte tag
 *
 * File key = HKDF-SHA256(data key, salt, "styrelsebordet/sealed-file/v1"),
 * fresh per file, so nonces never repeat across files. Chunk i's nonce is
 * i as a 64-bit big-endian number in bytes 3–10 and 1 in byte 11 for the last
 * chunk (the STREAM construction): chunks cannot be reordered, dropped or
 * the file cut short without the tag check failing. The 24-byte header is
 * every chunk's additional authenticated data. A 64 MB attachment is read and
 * written one chunk at a time: one copy of the plaintext in memory, no more.
 */

export const SEAL_MAGIC = Buffer.from('SBSEAL');
const VERSION = 1;
export const CHUNK_LOG2 = 16;
export const HEADER = 24;
export const TAG = 16;
const INFO = Buffer.from('styrelsebordet/sealed-file/v1');

/** Null: write plain (no PIN). A Buffer: seal with it. Throws AppError 'locked' while the data key is not released. */
export type DataKeySource = () => Buffer | null;

export interface SealedFiles {
  /** True when writes are sealed (a PIN is set); throws while locked. */
  sealing(): boolean;
  read(path: string): Promise<Buffer>;
  readText(path: string): Promise<string>;
  /** As read, null when the file does not exist. */
  readIfExists(path: string): Promise<Buffer | null>;
  readTextIfExists(path: string): Promise<string | null>;
  /**
   * Atomic write (temp file, fsync, rename), sealed when a PIN is set. `durable: false` leaves out the fsyncs
   * (scratch files; whoever keeps one makes it durable then, as AttachmentStore.adoptChecked does).
   */
  write(path: string, data: Uint8Array | string, opts?: { durable?: boolean }): Promise<void>;
  /**
   * As write, from pieces produced one after another (an event log's lines, a
   * checkpoint's JSON): never more than one chunk of it in memory at once, so a
   * large file costs no string or buffer of its whole size.
   */
  writePieces(path: string, pieces: Iterable<string | Uint8Array>): Promise<void>;
  /**
   * Moves a file this layer wrote (possibly without fsync: `durable: false`) to `targetPath`, durably: a
   * rename, or, when it was written plain and a PIN is set now, sealed on the way in.
   */
  moveIn(sourcePath: string, targetPath: string): Promise<void>;
  /** Copies a plain file into the store (sealed when a PIN is set), chunk by chunk. */
  importFile(sourcePath: string, targetPath: string): Promise<void>;
  /** The plaintext's size and a stream of it, chunk by chunk (packages stream attachments this way). */
  openRead(path: string): Promise<{ size: number; stream: Readable }>;
  /**
   * Resolves once no plain write is in flight. A write that began before the PIN was chosen lands plain;
   * sealFolder waits for these before it walks, or it could list a folder before such a file is renamed into it.
   */
  plainWritesSettled(): Promise<void>;
}

const locked = () => new AppError('locked', 'Styrelsebordet är låst. Lås upp med din PIN-kod.');

/** Whether bytes (at least the first 7) start a sealed file. */
export const isSealedHeader = (head: Uint8Array): boolean =>
  head.length >= 7 && Buffer.from(head.buffer, head.byteOffset, 6).equals(SEAL_MAGIC) && head[6] === VERSION;

export async function isSealedFile(path: string): Promise<boolean> {
  const h = await fs.open(path, 'r');
  try {
    const head = Buffer.alloc(7);
    const { bytesRead } = await h.read(head, 0, 7, 0);
    return isSealedHeader(head.subarray(0, bytesRead));
  } finally {
    await h.close();
  }
}

export function fileKey(dataKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, salt, INFO, 32));
}

function nonce(index: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  n.writeBigUInt64BE(BigInt(index), 3);
  n[11] = last ? 1 : 0;
  return n;
}

export function header(): Buffer {
  const h = Buffer.alloc(HEADER);
  SEAL_MAGIC.copy(h, 0);
  h[6] = VERSION;
  h[7] = CHUNK_LOG2;
  randomBytes(16).copy(h, 8);
  return h;
}

export function sealChunk(key: Buffer, aad: Buffer, index: number, last: boolean, plain: Uint8Array): Buffer {
  const c = createCipheriv('aes-256-gcm', key, nonce(index, last));
  c.setAAD(aad);
  return Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
}

export function openChunk(key: Buffer, aad: Buffer, index: number, last: boolean, sealed: Buffer): Buffer {
  const d = createDecipheriv('aes-256-gcm', key, nonce(index, last));
  d.setAAD(aad);
  d.setAuthTag(sealed.subarray(sealed.length - TAG));
  return Buffer.concat([d.update(sealed.subarray(0, sealed.length - TAG)), d.final()]);
}

const damaged = (path: string) => new AppError('invalid_file', `Filen ${path} kunde inte öppnas: den är skadad eller inte krypterad med den här datorns nyckel.`);

/** The plaintext size of a sealed file of `total` bytes with chunks of `chunk` bytes. */
export function plainSizeOf(total: number, chunk: number): number {
  const body = total - HEADER;
  const chunks = Math.max(1, Math.ceil(body / (chunk + TAG)));
  return body - chunks * TAG;
}

/** The opened chunks of a sealed file, in order, read one at a time (a damaged or foreign file throws before its first bad chunk is used). */
async function* sealedChunks(path: string, dataKey: Buffer): AsyncGenerator<Buffer> {
  const h = await fs.open(path, 'r');
  try {
    const { size } = await h.stat();
    const head = Buffer.alloc(HEADER);
    if (size < HEADER + TAG || (await h.read(head, 0, HEADER, 0)).bytesRead !== HEADER || !isSealedHeader(head)) throw damaged(path);
    const log2 = head[7]!;
    if (log2 < 10 || log2 > 24) throw damaged(path);
    const chunk = 2 ** log2;
    const key = fileKey(dataKey, head.subarray(8, 24));
    const buf = Buffer.alloc(chunk + TAG);
    let pos = HEADER;
    for (let i = 0; pos < size; i++) {
      const len = Math.min(chunk + TAG, size - pos);
      if (len < TAG) throw damaged(path);
      await h.read(buf, 0, len, pos);
      pos += len;
      let plain: Buffer;
      try {
        plain = openChunk(key, head, i, pos >= size, buf.subarray(0, len));
      } catch {
        throw damaged(path);
      }
      yield plain;
    }
  } finally {
    await h.close();
  }
}

async function sealedChunkSize(path: string): Promise<number> {
  const h = await fs.open(path, 'r');
  try {
    const head = Buffer.alloc(8);
    await h.read(head, 0, 8, 0);
    return 2 ** Math.min(24, Math.max(10, head[7]!));
  } finally {
    await h.close();
  }
}

export function createSealedFiles(keySource: DataKeySource): SealedFiles {
  const key = (): Buffer | null => {
    const k = keySource();
    return k ? Buffer.from(k) : null; // a copy: locking zeroes the lock's buffer
  };

  async function read(path: string): Promise<Buffer> {
    if (!(await isSealedFile(path))) return fs.readFile(path);
    const k = key();
    if (!k) throw damaged(path); // a sealed file in a folder without a PIN: no key can open it
    const { size } = await fs.stat(path);
    const expected = plainSizeOf(size, await sealedChunkSize(path));
    if (expected < 0) throw damaged(path);
    const out = Buffer.alloc(expected);
    let filled = 0;
    for await (const plain of sealedChunks(path, k)) {
      if (filled + plain.length > out.length) throw damaged(path);
      plain.copy(out, filled);
      filled += plain.length;
    }
    if (filled !== out.length) throw damaged(path);
    return out;
  }

  async function writeSealed(path: string, k: Buffer, size: number, chunkAt: (offset: number, length: number) => Promise<Uint8Array>, durable = true): Promise<void> {
    const head = header();
    const fk = fileKey(k, head.subarray(8, 24));
    const chunk = 2 ** CHUNK_LOG2;
    await writeFileAtomicWith(path, async (h) => {
      await h.write(head);
      const count = Math.max(1, Math.ceil(size / chunk));
      for (let i = 0; i < count; i++) {
        const plain = await chunkAt(i * chunk, Math.min(chunk, size - i * chunk));
        await h.write(sealChunk(fk, head, i, i === count - 1, plain));
      }
    }, { durable });
  }

  let plainInFlight = 0;
  const settled: (() => void)[] = [];
  /** Runs a write that decided to write plain, counted for plainWritesSettled. */
  async function plainWrite<T>(work: () => Promise<T>): Promise<T> {
    plainInFlight++;
    try {
      return await work();
    } finally {
      if (--plainInFlight === 0) for (const resolve of settled.splice(0)) resolve();
    }
  }

  const ifExists = async <T>(p: Promise<T>): Promise<T | null> =>
    p.catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });

  const api: SealedFiles = {
    sealing: () => key() !== null,
    read,
    readText: async (path) => (await read(path)).toString('utf8'),
    readIfExists: (path) => ifExists(read(path)),
    readTextIfExists: async (path) => (await ifExists(read(path)))?.toString('utf8') ?? null,

    async write(path, data, opts = {}) {
      const k = key();
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      if (!k) return plainWrite(() => writeFileAtomicWith(path, (h) => h.writeFile(bytes).then(() => undefined), opts));
      await writeSealed(path, k, bytes.length, async (offset, length) => bytes.subarray(offset, offset + length), opts.durable ?? true);
    },

    async writePieces(path, pieces) {
      const k = key();
      const chunk = 2 ** CHUNK_LOG2;
      const run = (work: () => Promise<void>) => (k ? work() : plainWrite(work));
      await run(() => writeFileAtomicWith(path, async (h) => {
        const head = k ? header() : null;
        const fk = k && head ? fileKey(k, head.subarray(8, 24)) : null;
        if (head) await h.write(head);
        // Sealed: a chunk is written once the next one has begun, so the last chunk is known when it is sealed.
        let held: Buffer | null = null;
        let index = 0;
        const emit = async (plain: Buffer, last: boolean): Promise<void> => {
          await h.write(fk && head ? sealChunk(fk, head, index++, last, plain) : plain);
        };
        const buffer = Buffer.alloc(chunk);
        let filled = 0;
        const flush = async (): Promise<void> => {
          if (held) await emit(held, false);
          held = Buffer.from(buffer.subarray(0, filled));
          filled = 0;
        };
        for (const piece of pieces) {
          const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
          for (let at = 0; at < bytes.length; ) {
            const n = Math.min(chunk - filled, bytes.length - at);
            bytes.copy(buffer, filled, at, at + n);
            filled += n;
            at += n;
            if (filled === chunk) await flush();
          }
        }
        // The rest becomes the last chunk; as in write(), a file that ends on a chunk boundary has no empty chunk after it,
        // and an empty file is one empty sealed chunk.
        if (filled > 0) await flush();
        const last: Buffer = held ?? Buffer.alloc(0);
        if (last.length > 0 || fk) await emit(last, true);
      }));
    },

    async importFile(sourcePath, targetPath) {
      const k = key();
      // Counted from the moment it decided to write plain (see plainWritesSettled).
      const run = (work: () => Promise<void>) => (k ? work() : plainWrite(work));
      await run(async () => {
        const src = await fs.open(sourcePath, 'r');
        try {
          const { size } = await src.stat();
          if (!k) {
            await writeFileAtomicWith(targetPath, async (h) => {
              for await (const piece of src.createReadStream({ highWaterMark: 1 << 20, autoClose: false })) await h.write(piece as Buffer);
            });
            return;
          }
          await writeSealed(targetPath, k, size, async (offset, length) => {
            const buf = Buffer.alloc(length);
            const { bytesRead } = await src.read(buf, 0, length, offset);
            if (bytesRead !== length) throw new Error(`${sourcePath} changed while it was stored`);
            return buf;
          });
        } finally {
          await src.close();
        }
      });
    },

    async moveIn(sourcePath, targetPath) {
      const k = key();
      if (k && !(await isSealedFile(sourcePath))) {
        await api.importFile(sourcePath, targetPath);
        await fs.rm(sourcePath, { force: true });
        return;
      }
      const run = (work: () => Promise<void>) => (k ? work() : plainWrite(work));
      await run(async () => {
        const handle = await fs.open(sourcePath, 'r+');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        const renamed = await fs.rename(sourcePath, targetPath).then(
          () => true,
          (err: NodeJS.ErrnoException) => {
            if (err.code !== 'EXDEV') throw err;
            return false;
          },
        );
        if (renamed) await syncDir(dirname(targetPath));
        else await writeFileAtomicWith(targetPath, (h) => h.writeFile(readFileSync(sourcePath)).then(() => undefined)); // another volume: an atomic, durable copy of the same bytes
      });
    },

    plainWritesSettled: () => (plainInFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => settled.push(resolve))),

    async openRead(path) {
      if (!(await isSealedFile(path))) {
        const { size } = await fs.stat(path);
        return { size, stream: createReadStream(path, { highWaterMark: 1 << 20 }) };
      }
      const k = key();
      if (!k) throw damaged(path);
      const { size } = await fs.stat(path);
      return { size: plainSizeOf(size, await sealedChunkSize(path)), stream: Readable.from(sealedChunks(path, k), { objectMode: false }) };
    },
  };
  return api;
}

/** For tools and tests that never have a PIN: plain files through the same interface. */
export const plainFiles: SealedFiles = createSealedFiles(() => null);

/** The key source of an app lock: plain without a PIN, the data key while unlocked, refused while locked. */
export function lockKeySource(lock: { status(): { configured: boolean }; dataKey(): Buffer | null }): DataKeySource {
  return () => {
    if (!lock.status().configured) return null;
    const k = lock.dataKey();
    if (!k) throw locked();
    return k;
  };
}
