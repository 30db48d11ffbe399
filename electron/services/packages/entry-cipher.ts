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

/** Plain bytes in → envelope out. Holds back one chunk so the last one is marked as last. */
export function sealStream(contentKey: Buffer, name: string): Transform {
  const head = header();
  const key = fileKey(entryKey(contentKey, name), head.subarray(8, 24));
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let index = 0;
  let started = false;
  const take = (n: number): Buffer => {
    const all = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    const out = all.subarray(0, n);
    pending = all.length > n ? [all.subarray(n)] : [];
    pendingBytes = all.length - n;
    return out;
  };
  return new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
      if (!started) {
        started = true;
        this.push(head);
      }
      pending.push(chunk);
      pendingBytes += chunk.length;
      // Strictly more than one chunk: the first one is not the last.
      while (pendingBytes > CHUNK) this.push(sealChunk(key, head, index++, false, take(CHUNK)));
      cb();
    },
    flush(cb: TransformCallback) {
      if (!started) this.push(head);
      cb(null, sealChunk(key, head, index, true, take(pendingBytes)));
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
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let index = 0;
  const take = (n: number): Buffer => {
    const all = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    const out = all.subarray(0, n);
    pending = all.length > n ? [all.subarray(n)] : [];
    pendingBytes = all.length - n;
    return out;
  };
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
        pendingBytes += chunk.length;
        if (!head) {
          if (pendingBytes < HEADER) return cb();
          head = Buffer.from(take(HEADER));
          if (!isSealedHeader(head) || head[7] !== CHUNK_LOG2) throw onDamage();
          key = fileKey(entryKey(contentKey, name), head.subarray(8, 24));
        }
        while (pendingBytes > CHUNK + TAG) this.push(open(take(CHUNK + TAG), false));
        cb();
      } catch (err) {
        cb(err as Error);
      }
    },
    flush(cb: TransformCallback) {
      try {
        if (!head || pendingBytes < TAG) throw onDamage();
        cb(null, open(take(pendingBytes), true));
      } catch (err) {
        cb(err as Error);
      }
    },
  });
}
