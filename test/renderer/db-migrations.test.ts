import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_VERSIONS } from '../../renderer/src/db/database';

const sample = (n: number) => ({
  sha256: String(n).repeat(64).slice(0, 64),
  fileName: n === 1 ? 'Ärende Åtgärd.pdf' : `b${n}.pdf`,
  size: 1000 * n,
  pageCount: n,
  addedAt: `2026-03-1${n}T09:00:00.000Z`,
});

describe('renderer database', () => {
  it('opens at the newest version', async () => {
    const db = openDatabase(`fresh-${Math.random()}`);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version);
    db.close();
  });

  it('migrates version 1 data to version 2 without losing rows, adding the Swedish sort key', async () => {
    const name = `migrate-${Math.random()}`;
    const v1 = openDatabase(name, 1);
    await v1.open();
    await v1.table('attachments').bulkPut([sample(1), sample(2)]);
    v1.close();

    const v2 = openDatabase(name);
    await v2.open();
    expect(v2.verno).toBe(2);
    const rows = await v2.attachments.orderBy('addedAt').toArray();
    expect(rows.map((r) => r.fileName)).toEqual(['Ärende Åtgärd.pdf', 'b2.pdf']);
    expect(rows[0]!.nameKey).toBe('ärende åtgärd.pdf');
    // The new table works.
    await v2.viewState.put({ sha256: rows[0]!.sha256, page: 3, zoom: 1.25, updatedAt: '2026-03-14T10:00:00.000Z' });
    expect((await v2.viewState.get(rows[0]!.sha256))?.page).toBe(3);
    v2.close();
  });

  it('lists versions in strictly increasing order (an old version is never edited away)', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(Dexie.semVer).toBeTruthy();
  });
});
