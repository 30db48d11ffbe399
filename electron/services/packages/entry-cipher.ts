import { hkdfSync } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { CHUNK_LOG2, fileKey, header, HEADER, isSealedHeader, openChunk, sealChunk, TAG } from '../storage/sealed-file';

/**
 * Entries of a format-2 package (events.jsonl, attachments) are encrypted
 * with the sealed-file envelope of docs/storage.md (AES-256-GCM in 64 KiB
 * chunks, STREAM nonces, header as AAD), streaming, under an entry key
 *   HKDF-SHA256(content key, salt = none, info "styrelsebordet/package/v2/entry/" + entry name)
 * so an entry cannot be moved to another name (or another package) and still open.
 */
const CHUNK = 2 ** CHUNK_LOG2;

export function entryKey(contentKey: Buffer, name: string): Buffer {
  return Buffer.from(hkdfSync('sha256', contentKey, Buffer.alloc(0), Buffer.from(`styrelsebordet/package/v2/entry/${name}`, 'utf8'), 32));
}

/** The encrypted size of `plain` bytes. */
export function sealedSize(plain: number): number {
  return HEADER + plain + Math.max(1, Math.ceil(plain / CHUNK)) * TAG;
}

/** Bytes held back between stream chunks, taken from the front. */
function byteQueue() {
  let parts: Buffer[] = [];
  let bytes = 0;
  return {
    get bytes(): number {
      return bytes;
    },
    push(chunk: Buffer): void {
      parts.push(chunk);
      bytes += chunk.length;
    },
    take(n: number): Buffer {
      const all = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      parts = all.length > n ? [all.subarray(n)] : [];
      bytes = all.length - n;
      return all.subarray(0, n);
    },
  };
}

/** Plain bytes in → envelope out. Holds back one chunk so the last one is marked as last. */
export function sealStream(contentKey: Buffer, name: string): Transform {
  const head = header();
  const key = fileKey(entryKey(contentKey, name), head.subarray(8, 24));
  const pending = byteQueue();
  let index = 0;
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
      if (!started) {
        started = true;
        this.push(head);
      }
      pending.push(chunk);
      // Strictly more than one chunk: the first one is not the last.
      while (pending.bytes > CHUNK) this.push(sealChunk(key, head, index++, false, pending.take(CHUNK)));
      cb();
    },
    flush(cb: TransformCallback) {
      if (!started) this.push(head);
      cb(null, sealChunk(key, head, index, true, pending.take(pending.bytes)));
    },
  });
}

/**
 * Envelope in → plain bytes out; throws `onDamage()` on any tag failure, a
 * bad header or a cut-off stream. Holds back one sealed chunk to know the last.
 */
export function openStream(contentKey: Buffer, name: string, onDamage: () => Error): Transform {
  let head: Buffer | null = null;
  let key: Buffer | null = null;
  const pending = byteQueue();
  let index = 0;
  const open = (sealed: Buffer, last: boolean): Buffer => {
    try {
      return openChunk(key!, head!, index++, last, sealed);
    } catch {
      throw onDamage();
    }
  };
  return new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
      try {
        pending.push(chunk);
        if (!head) {
          if (pending.bytes < HEADER) return cb();
          head = Buffer.from(pending.take(HEADER));
          if (!isSealedHeader(head) || head[7] !== CHUNK_LOG2) throw onDamage();
          key = fileKey(entryKey(contentKey, name), head.subarray(8, 24));
        }
        while (pending.bytes > CHUNK + TAG) this.push(open(pending.take(CHUNK + TAG), false));
        cb();
      } catch (err) {
        cb(err as Error);
      }
    },
    flush(cb: TransformCallback) {
      try {
        if (!head || pending.bytes < TAG) throw onDamage();
        cb(null, open(pending.take(pending.bytes), true));
      } catch (err) {
        cb(err as Error);
      }
    },
  });
}
