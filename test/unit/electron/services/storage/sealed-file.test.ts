import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/contract/errors';
import { createSealedFiles, isSealedFile, plainFiles } from '../../../../../electron/services/storage/sealed-file';

const dir = () => mkdtempSync(join(tmpdir(), 'sb-sealed-'));
const KEY = randomBytes(32);
const sealed = createSealedFiles(() => KEY);
const CHUNK = 65_536;
const streamed = async (s: NodeJS.ReadableStream) => {
  const parts: Buffer[] = [];
  for await (const p of s) parts.push(p as Buffer);
  return Buffer.concat(parts);
};

describe('sealed files (AES-256-GCM, chunked)', () => {
  it.each([0, 1, 100, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17])('round-trips %i bytes and holds no plaintext', async (n) => {
    const d = dir();
    const path = join(d, 'f.bin');
    const data = randomBytes(n);
    await sealed.write(path, data);
    expect(await isSealedFile(path)).toBe(true);
    expect((await sealed.read(path)).equals(data)).toBe(true);
    const { size, stream } = await sealed.openRead(path);
    expect(size).toBe(n);
    expect((await streamed(stream)).equals(data)).toBe(true);
    if (n >= 32) expect(readFileSync(path).includes(data.subarray(0, 32))).toBe(false);
  });

  it.each([0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17])('writes %i bytes given piece by piece as write() writes them whole (sealed and plain)', async (n) => {
    const d = dir();
    const data = randomBytes(n);
    // Pieces of uneven sizes, strings and bytes mixed, that straddle the chunk boundaries.
    const pieces: (string | Uint8Array)[] = [];
    for (let at = 0, k = 1; at < n; k = (k * 7919) % 100_003) {
      const piece = data.subarray(at, Math.min(n, at + k));
      pieces.push(piece);
      at += piece.length;
    }
    await sealed.writePieces(join(d, 'pieces.bin'), pieces);
    await sealed.write(join(d, 'whole.bin'), data);
    expect(readFileSync(join(d, 'pieces.bin')).length).toBe(readFileSync(join(d, 'whole.bin')).length);
    expect((await sealed.read(join(d, 'pieces.bin'))).equals(data)).toBe(true);
    await plainFiles.writePieces(join(d, 'plain.bin'), pieces);
    expect(readFileSync(join(d, 'plain.bin')).equals(data)).toBe(true);
  });

  it('writes text pieces as UTF-8, multi-byte characters split across chunks included', async () => {
    const d = dir();
    const text = 'åäö–§'.repeat(40_000);
    await sealed.writePieces(join(d, 't.txt'), [text.slice(0, 12_345), text.slice(12_345)]);
    expect(await sealed.readText(join(d, 't.txt'))).toBe(text);
  });

  it('moves a scratch file into place: renamed as it was written, or sealed on the way in when a PIN came since', async () => {
    const d = dir();
    let key: Buffer | null = null;
    const files = createSealedFiles(() => key);
    const data = randomBytes(CHUNK + 9);
    await files.write(join(d, 'scratch-1.pdf'), data, { durable: false });
    await files.moveIn(join(d, 'scratch-1.pdf'), join(d, 'kept-1.pdf'));
    expect(readFileSync(join(d, 'kept-1.pdf')).equals(data)).toBe(true); // no PIN: plain, as written
    await files.write(join(d, 'scratch-2.pdf'), data, { durable: false });
    key = KEY; // a PIN is chosen between the preview and apply
    await files.moveIn(join(d, 'scratch-2.pdf'), join(d, 'kept-2.pdf'));
    expect(await isSealedFile(join(d, 'kept-2.pdf'))).toBe(true);
    expect((await files.read(join(d, 'kept-2.pdf'))).equals(data)).toBe(true);
    expect(existsSync(join(d, 'scratch-2.pdf'))).toBe(false);
  });

  it('imports a plain file chunk by chunk, and reads plain files as they are (a folder being sealed)', async () => {
    const d = dir();
    const src = join(d, 'src.pdf');
    const data = randomBytes(2 * CHUNK + 5);
    writeFileSync(src, data);
    await sealed.importFile(src, join(d, 'dst.pdf'));
    expect(readFileSync(join(d, 'dst.pdf')).includes(data.subarray(100, 164))).toBe(false);
    expect((await sealed.read(join(d, 'dst.pdf'))).equals(data)).toBe(true);
    expect((await sealed.read(src)).equals(data)).toBe(true);
    expect(await sealed.readTextIfExists(join(d, 'missing.txt'))).toBeNull();
  });

  it('writes plain without a PIN, and refuses a sealed file it has no key for', async () => {
    const d = dir();
    await plainFiles.write(join(d, 'a.txt'), 'hej');
    expect(readFileSync(join(d, 'a.txt'), 'utf8')).toBe('hej');
    await sealed.write(join(d, 'b.txt'), 'hemligt');
    await expect(plainFiles.read(join(d, 'b.txt'))).rejects.toMatchObject({ code: 'invalid_file' });
    await expect(createSealedFiles(() => randomBytes(32)).read(join(d, 'b.txt'))).rejects.toMatchObject({ code: 'invalid_file' });
  });

  it('refuses to read or write while locked', async () => {
    const d = dir();
    const lockedFiles = createSealedFiles(() => {
      throw new AppError('locked', 'Styrelsebordet är låst.');
    });
    await expect(lockedFiles.write(join(d, 'x'), 'data')).rejects.toMatchObject({ code: 'locked' });
    await sealed.write(join(d, 'y'), 'data');
    await expect(lockedFiles.read(join(d, 'y'))).rejects.toMatchObject({ code: 'locked' });
  });

  it('detects a changed byte, a file cut at a chunk boundary, swapped chunks and a swapped header', async () => {
    const d = dir();
    const path = join(d, 'f');
    const data = randomBytes(3 * CHUNK);
    await sealed.write(path, data);
    const good = readFileSync(path);
    const variants: Record<string, Buffer> = {
      flipped: Buffer.from(good).fill(good[1000]! ^ 1, 1000, 1001),
      truncated: good.subarray(0, 24 + 2 * (CHUNK + 16)),
      swapped: Buffer.concat([good.subarray(0, 24), good.subarray(24 + CHUNK + 16, 24 + 2 * (CHUNK + 16)), good.subarray(24, 24 + CHUNK + 16), good.subarray(24 + 2 * (CHUNK + 16))]),
      otherSalt: Buffer.concat([good.subarray(0, 8), randomBytes(16), good.subarray(24)]),
      headerOnly: good.subarray(0, 30),
    };
    for (const [name, bytes] of Object.entries(variants)) {
      const p = join(d, name);
      writeFileSync(p, bytes);
      await expect(sealed.read(p), name).rejects.toMatchObject({ code: 'invalid_file' });
      await expect(streamed((await sealed.openRead(p)).stream), name).rejects.toMatchObject({ code: 'invalid_file' });
    }
  });
});
