import Dexie, { type EntityTable } from 'dexie';
import type { AttachmentMeta } from '../../../shared/contract';

/** Where the reader was in a document, so it opens there next time. */
export interface ViewState {
  sha256: string;
  page: number;
  zoom: number;
  updatedAt: string;
}

/** A board member's private note on an ansökan: stays on this laptop (never an event unless shared). */
export interface NoteRow {
  applicationId: string;
  text: string;
  updatedAt: string;
}

/** "Markera som läst": per ansökan and version, so a new version is unread again. */
export interface ReadMark {
  applicationId: string;
  version: number;
  readAt: string;
}

/** The renderer's local database (IndexedDB through Dexie). */
export type StyrelsebordetDb = Dexie & {
  attachments: EntityTable<AttachmentMeta & { nameKey?: string }, 'sha256'>;
  viewState: EntityTable<ViewState, 'sha256'>;
  notes: EntityTable<NoteRow, 'applicationId'>;
  readMarks: Dexie.Table<ReadMark, [string, number]>;
};

/**
 * The schema, version by version. Never change an old version: add a new one
 * with an upgrade function, and a test in test/renderer/db/migrations.test.ts.
 *   1  attachments (a cache of the main side's list)
 *   2  + viewState; attachments get a `nameKey` (Swedish-lowercased name) for sorting and search
 *   3  + events (a cache of the main side's signed event log; `seq` key, `id` unique)
 *   4  + notes (private notes per ansökan, moved here from localStorage) and
 *        readMarks (read marker per ansökan and version)
 *   5  − events: the renderer reads the main side's state and keeps no copy
 *        of the log (issue #16), so none of it lies in clear in the browser
 *        profile (issue #14); the table and its rows are deleted
 */
export const SCHEMA_VERSIONS = [
  { version: 1, stores: { attachments: 'sha256, addedAt, fileName' } },
  { version: 2, stores: { attachments: 'sha256, addedAt, fileName, nameKey', viewState: 'sha256' } },
  { version: 3, stores: { attachments: 'sha256, addedAt, fileName, nameKey', viewState: 'sha256', events: 'seq, &id' } },
  {
    version: 4,
    stores: {
      attachments: 'sha256, addedAt, fileName, nameKey',
      viewState: 'sha256',
      events: 'seq, &id',
      notes: 'applicationId, updatedAt',
      readMarks: '[applicationId+version], applicationId',
    },
  },
  {
    version: 5,
    stores: {
      attachments: 'sha256, addedAt, fileName, nameKey',
      viewState: 'sha256',
      events: null,
      notes: 'applicationId, updatedAt',
      readMarks: '[applicationId+version], applicationId',
    },
  },
] as const;

/** Where notes lived before version 4 (renderer/src/lib/applications.ts, first release of Ansökningar). */
export const LEGACY_NOTES_PREFIX = 'styrelsebordet.notes.application.';

type LegacyStorage = Pick<Storage, 'length' | 'key' | 'getItem' | 'removeItem'>;

function legacyNotes(storage: LegacyStorage | null): Array<[key: string, applicationId: string, text: string]> {
  if (!storage) return [];
  const out: Array<[string, string, string]> = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(LEGACY_NOTES_PREFIX)) continue;
      const text = storage.getItem(key) ?? '';
      if (text.trim() !== '') out.push([key, key.slice(LEGACY_NOTES_PREFIX.length), text]);
    }
  } catch {
    // Storage unavailable: nothing to move.
  }
  return out;
}

const defaultStorage = (): LegacyStorage | null => {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
};

export const nameKey = (fileName: string): string => fileName.normalize('NFC').toLocaleLowerCase('sv');

export function openDatabase(name = 'styrelsebordet', upTo: number = SCHEMA_VERSIONS.length, storage: LegacyStorage | null = defaultStorage()): StyrelsebordetDb {
  const db = new Dexie(name) as StyrelsebordetDb;
  for (const step of SCHEMA_VERSIONS.slice(0, upTo)) {
    const v = db.version(step.version).stores(step.stores);
    if (step.version === 2) {
      v.upgrade((tx) =>
        tx
          .table('attachments')
          .toCollection()
          .modify((row: AttachmentMeta & { nameKey?: string }) => {
            row.nameKey = nameKey(row.fileName);
          }),
      );
    }
    if (step.version === 4) {
      // Copy the notes in the upgrade; the localStorage keys go only once the
      // database is open (below), so a failed upgrade loses nothing.
      v.upgrade(async (tx) => {
        const now = new Date().toISOString();
        await tx.table('notes').bulkPut(legacyNotes(storage).map(([, applicationId, text]) => ({ applicationId, text, updatedAt: now })));
      });
    }
  }
  if (upTo >= 4) {
    db.on('ready', async () => {
      // Also covers a database created fresh at version 4 while old notes remained.
      for (const [key, applicationId, text] of legacyNotes(storage)) {
        if (!(await db.notes.get(applicationId))) await db.notes.put({ applicationId, text, updatedAt: new Date().toISOString() });
        storage?.removeItem(key);
      }
    });
  }
  return db;
}

export const db = openDatabase();
