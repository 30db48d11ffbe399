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
    const path = file('a.sbpaket', 'A');
    q.push(path);
    // A package is handed on by its path (read where it is, issue #16), never as bytes.
    expect(await q.next(10)).toEqual({ kind: 'package', path });
    expect(await q.next(10)).toBeNull();
  });

  it('hands a protokoll PDF to check over with its bytes', async () => {
    const q = createOpenedPackages();
    q.push(file('protokoll.pdf', '%PDF-'));
    const got = await q.next(10);
    expect(got?.kind === 'pdf' && got.fileName).toBe('protokoll.pdf');
    expect(got?.kind === 'pdf' && Buffer.from(got.bytes).toString()).toBe('%PDF-');
  });

  it('wakes a waiting caller when a file is opened, once per file', async () => {
    const q = createOpenedPackages();
    const waiting = q.next(5_000);
    const path = file('b.sbpaket', 'B');
    q.push(path);
    q.push(path);
    expect(await waiting).toEqual({ kind: 'package', path });
    expect(await q.next(10)).toBeNull();
  });

  it('skips a file that disappeared before it was taken', async () => {
    const q = createOpenedPackages();
    q.push(join(dir, 'saknas.sbpaket'));
    const path = file('c.sbpaket', 'C');
    q.push(path);
    expect(await q.next(10)).toEqual({ kind: 'package', path });
  });
});
