import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOpenedPackages } from '../../../../../electron/services/sync/opened-packages';

describe('opened packages (double-click, menu)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sb-opened-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('hands out a file opened before anyone asked', async () => {
    const q = createOpenedPackages();
    q.push(file('a.sbpaket', 'A'));
    const got = await q.next(10);
    expect(got?.fileName).toBe('a.sbpaket');
    expect(Buffer.from(got!.bytes).toString()).toBe('A');
    expect(await q.next(10)).toBeNull();
  });

  it('wakes a waiting caller when a file is opened, once per file', async () => {
    const q = createOpenedPackages();
    const waiting = q.next(5_000);
    const path = file('b.sbpaket', 'B');
    q.push(path);
    q.push(path);
    expect((await waiting)?.fileName).toBe('b.sbpaket');
    expect(await q.next(10)).toBeNull();
  });

  it('skips a file that disappeared before it was taken', async () => {
    const q = createOpenedPackages();
    q.push(join(dir, 'saknas.sbpaket'));
    q.push(file('c.sbpaket', 'C'));
    expect((await q.next(10))?.fileName).toBe('c.sbpaket');
  });
});
