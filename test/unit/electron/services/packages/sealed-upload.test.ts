import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SealedUploadReader, UploadTooLarge, writeSealedUpload } from '../../../../../electron/services/packages/sealed-upload';

/** The browser host's upload is sealed as it arrives and read back with random access (issue #16). */
const dir = mkdtempSync(join(tmpdir(), 'sb-sealed-upload-'));
const CHUNK = 64 * 1024;

async function readRange(reader: SealedUploadReader, start: number, end: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of reader._readStreamForRange(start, end)) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

/** Arrives in uneven pieces, as a network body does. */
function* pieces(bytes: Buffer): Generator<Buffer> {
  for (let at = 0, n = 1; at < bytes.length; at += n, n = (n * 7 + 13) % 100_000 || 1) yield bytes.subarray(at, at + n);
}

describe('sealed upload', () => {
  for (const size of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17]) {
    it(`${size} bytes: nothing in clear on disk, every range reads back`, async () => {
      const plain = randomBytes(size);
      const path = join(dir, `u-${size}`);
      const upload = await writeSealedUpload(pieces(plain), path, 1 << 30);
      expect(upload.size).toBe(size);
      const onDisk = readFileSync(path);
      expect(onDisk.subarray(0, 6).toString()).toBe('SBSEAL');
      if (size >= 32) expect(onDisk.includes(plain.subarray(0, 32))).toBe(false);
      const reader = new SealedUploadReader(upload);
      expect((await readRange(reader, 0, size)).equals(plain)).toBe(true);
      for (const [a, b] of [[0, Math.min(4, size)], [Math.max(0, size - 22), size], [Math.floor(size / 3), Math.floor((2 * size) / 3)]] as const) {
        expect((await readRange(reader, a, b)).equals(plain.subarray(a, b)), `${a}-${b}`).toBe(true);
      }
      await new Promise<void>((r) => reader.close(() => r()));
    });
  }

  it('a changed byte on disk is refused, not read', async () => {
    const plain = randomBytes(2 * CHUNK + 5);
    const path = join(dir, 'tampered');
    const upload = await writeSealedUpload([plain], path, 1 << 30);
    const bytes = readFileSync(path);
    bytes[24 + CHUNK + 16 + 3]! ^= 1;
    writeFileSync(path, bytes);
    await expect(readRange(new SealedUploadReader(upload), CHUNK + 10, CHUNK + 20)).rejects.toThrow();
  });

  it('stops past the cap and leaves no file', async () => {
    const path = join(dir, 'too-large');
    await expect(writeSealedUpload(pieces(randomBytes(300_000)), path, 200_000)).rejects.toBeInstanceOf(UploadTooLarge);
    expect(existsSync(path)).toBe(false);
  });
});
