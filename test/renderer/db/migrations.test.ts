import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { LEGACY_NOTES_PREFIX, openDatabase, SCHEMA_VERSIONS } from '../../../renderer/src/db/database';
import { genesis, kommunAdded } from '../fixtures';

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

    const v2 = openDatabase(name, 2);
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

  it('migrates version 2 data to version 3, keeping attachments and reading positions, adding the event cache', async () => {
    const name = `migrate3-${Math.random()}`;
    const v2 = openDatabase(name, 2);
    await v2.open();
    await v2.table('attachments').bulkPut([{ ...sample(1), nameKey: 'ärende åtgärd.pdf' }, { ...sample(2), nameKey: 'b2.pdf' }]);
    await v2.table('viewState').put({ sha256: sample(1).sha256, page: 4, zoom: 1.5, updatedAt: '2026-03-14T10:00:00.000Z' });
    v2.close();

    const v3 = openDatabase(name, 3);
    await v3.open();
    expect(v3.verno).toBe(3);
    expect((await v3.attachments.where('nameKey').equals('ärende åtgärd.pdf').first())?.fileName).toBe('Ärende Åtgärd.pdf');
    expect(await v3.attachments.count()).toBe(2);
    expect((await v3.viewState.get(sample(1).sha256))?.page).toBe(4);
    // The event cache: keyed by seq, one row per event id.
    const events = v3.table('events');
    await events.bulkPut([genesis(1), kommunAdded(2)]);
    expect((await events.orderBy('seq').last())?.seq).toBe(2);
    expect((await events.where('id').equals(genesis().id).first())?.seq).toBe(1);
    await expect(events.add({ ...genesis(), seq: 3 })).rejects.toThrow();
    v3.close();
  });

  it('migrates version 3 to version 4: notes move from localStorage to Dexie, read markers per version', async () => {
    const name = `migrate4-${Math.random()}`;
    const storage = memoryStorage({
      [`${LEGACY_NOTES_PREFIX}app-1`]: 'Fråga om lokalerna – åäö',
      [`${LEGACY_NOTES_PREFIX}app-2`]: '   ',
      'something.else': 'orörd',
    });
    const v3 = openDatabase(name, 3, storage);
    await v3.open();
    await v3.table('events').bulkPut([genesis(1)]);
    await v3.viewState.put({ sha256: sample(1).sha256, page: 2, zoom: 1, updatedAt: '2026-03-14T10:00:00.000Z' });
    v3.close();
    // Version 3 never touched the notes.
    expect(storage.getItem(`${LEGACY_NOTES_PREFIX}app-1`)).toBe('Fråga om lokalerna – åäö');

    const v4 = openDatabase(name, 4, storage);
    await v4.open();
    expect(v4.verno).toBe(4);
    expect(await v4.table('events').count()).toBe(1);
    expect((await v4.viewState.get(sample(1).sha256))?.page).toBe(2);
    expect((await v4.notes.get('app-1'))?.text).toBe('Fråga om lokalerna – åäö');
    // Empty notes are not carried over; the moved keys are gone, others stay.
    expect(await v4.notes.get('app-2')).toBeUndefined();
    expect(storage.getItem(`${LEGACY_NOTES_PREFIX}app-1`)).toBeNull();
    expect(storage.getItem('something.else')).toBe('orörd');

    await v4.readMarks.put({ applicationId: 'app-1', version: 1, readAt: '2026-03-12T09:00:00.000Z' });
    expect(await v4.readMarks.get(['app-1', 1])).toMatchObject({ readAt: '2026-03-12T09:00:00.000Z' });
    expect(await v4.readMarks.get(['app-1', 2])).toBeUndefined();
    expect(await v4.readMarks.where('applicationId').equals('app-1').count()).toBe(1);
    v4.close();

    // Opening again with a note that reappeared does not overwrite the one in Dexie.
    storage.setItem(`${LEGACY_NOTES_PREFIX}app-1`, 'gammal kopia');
    const again = openDatabase(name, 4, storage);
    await again.open();
    expect((await again.notes.get('app-1'))?.text).toBe('Fråga om lokalerna – åäö');
    expect(storage.getItem(`${LEGACY_NOTES_PREFIX}app-1`)).toBeNull();
    again.close();
  });

  it('migrates version 4 to version 5: the copy of the event log is deleted, the renderer’s own data stays', async () => {
    const name = `migrate5-${Math.random()}`;
    const v4 = openDatabase(name, 4, memoryStorage({}));
    await v4.open();
    await v4.table('events').bulkPut([genesis(1), kommunAdded(2)]);
    await v4.notes.put({ applicationId: 'app-1', text: 'Min anteckning', updatedAt: '2026-03-14T10:00:00.000Z' });
    await v4.readMarks.put({ applicationId: 'app-1', version: 1, readAt: '2026-03-12T09:00:00.000Z' });
    await v4.viewState.put({ sha256: sample(1).sha256, page: 2, zoom: 1, updatedAt: '2026-03-14T10:00:00.000Z' });
    v4.close();

    const v5 = openDatabase(name, 5, memoryStorage({}));
    await v5.open();
    expect(v5.verno).toBe(5);
    expect(v5.tables.map((t) => t.name).sort()).toEqual(['attachments', 'notes', 'readMarks', 'viewState']);
    expect((await v5.notes.get('app-1'))?.text).toBe('Min anteckning');
    expect(await v5.readMarks.count()).toBe(1);
    expect((await v5.viewState.get(sample(1).sha256))?.page).toBe(2);
    v5.close();
  });

  it('lists versions in strictly increasing order (an old version is never edited away)', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(Dexie.semVer).toBeTruthy();
  });
});

function memoryStorage(initial: Record<string, string>): Storage {
  const map = new Map(Object.entries(initial));
  return {
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    clear: () => map.clear(),
  };
}
