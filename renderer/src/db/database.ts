import Dexie, { type EntityTable } from 'dexie';
import type { AttachmentMeta, StoredEvent } from '../../../shared/contract';

/** Where the reader was in a document, so it opens there next time. */
export interface ViewState {
  sha256: string;
  page: number;
  zoom: number;
  updatedAt: string;
}

/** The renderer's local database (IndexedDB through Dexie). */
export type StyrelsebordetDb = Dexie & {
  attachments: EntityTable<AttachmentMeta & { nameKey?: string }, 'sha256'>;
  viewState: EntityTable<ViewState, 'sha256'>;
  /** A cache of the main side's event log, in the order this laptop learnt the events (`seq`). */
  events: EntityTable<StoredEvent, 'seq'>;
};

/**
 * The schema, version by version. Never change an old version: add a new one
 * with an upgrade function, and a test in test/renderer/db-migrations.test.ts.
 *   1  attachments (a cache of the main side's list)
 *   2  + viewState; attachments get a `nameKey` (Swedish-lowercased name) for sorting and search
 *   3  + events (a cache of the main side's signed event log; `seq` key, `id` unique)
 */
export const SCHEMA_VERSIONS = [
  { version: 1, stores: { attachments: 'sha256, addedAt, fileName' } },
  { version: 2, stores: { attachments: 'sha256, addedAt, fileName, nameKey', viewState: 'sha256' } },
  { version: 3, stores: { attachments: 'sha256, addedAt, fileName, nameKey', viewState: 'sha256', events: 'seq, &id' } },
] as const;

export const nameKey = (fileName: string): string => fileName.normalize('NFC').toLocaleLowerCase('sv');

export function openDatabase(name = 'styrelsebordet', upTo: number = SCHEMA_VERSIONS.length): StyrelsebordetDb {
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
  }
  return db;
}

export const db = openDatabase();
