import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTempFiles, writeFileAtomic } from '../../../../../electron/services/storage/atomic';
import { createSerialQueue } from '../../../../../electron/services/storage/serial';

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temp file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-atomic-'));
    const path = join(dir, 'index.json');
    await writeFileAtomic(path, 'gammal');
    await writeFileAtomic(path, 'ny – åäö');
    expect(readFileSync(path, 'utf8')).toBe('ny – åäö');
    expect(readdirSync(dir)).toEqual(['index.json']);
  });

  it('keeps the old content when the write cannot complete', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-atomic-'));
    const path = join(dir, 'index.json');
    await writeFileAtomic(path, 'gammal');
    // A directory where the file should go makes the rename fail, as a full or broken disk would.
    await expect(writeFileAtomic(join(dir, 'missing', 'x.json'), 'ny')).rejects.toThrow();
    expect(readFileSync(path, 'utf8')).toBe('gammal');
    expect(readdirSync(dir)).toEqual(['index.json']);
  });

  it('cleans up temp files from a write that was killed midway', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-atomic-'));
    writeFileSync(join(dir, '.index.json.abc123.tmp'), 'halvskriven');
    writeFileSync(join(dir, 'index.json'), 'hel');
    expect(await removeStaleTempFiles(dir)).toBe(1);
    expect(readdirSync(dir)).toEqual(['index.json']);
  });
});

describe('createSerialQueue', () => {
  it('runs tasks one at a time, in order, even when one fails', async () => {
    const serial = createSerialQueue();
    const log: string[] = [];
    const slow = (name: string, ms: number, fail = false) =>
      serial(async () => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([slow('a', 20), slow('b', 1, true), slow('c', 5)]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
