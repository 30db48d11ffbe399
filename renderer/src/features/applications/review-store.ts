import { useLiveQuery } from 'dexie-react-hooks';
import type { Api } from '../../../../shared/contract';
import { api } from '../../api/client';
import { readKey } from './application-rows';
import { db as defaultDb, type ReadMark, type StyrelsebordetDb } from '../../db/database';

/**
 * A board member's own review data that stays on this laptop: private notes
 * and read markers. Neither becomes an event; a note becomes one only when
 * the member shares it (note.shared).
 *
 * Notes are kept by the main side (`notes.get`/`notes.save`) in the data
 * folder's sealed-file layer, so they are encrypted at rest once a PIN is set
 * (issue #14). Notes from before lived in clear in Dexie (schema 4): they are
 * moved to the main side and deleted here the first time a note is opened.
 */

let moved: Promise<void> | null = null;

/** Moves every note still in Dexie to the main side (once per start; a note the main side already has wins). */
function moveDexieNotes(db: StyrelsebordetDb, notesApi: NotesApi): Promise<void> {
  return (moved ??= (async () => {
    for (const row of await db.notes.toArray()) {
      if ((await notesApi['notes.get']({ applicationId: row.applicationId })).text === '') {
        await notesApi['notes.save']({ applicationId: row.applicationId, text: row.text });
      }
      await db.notes.delete(row.applicationId);
    }
  })().catch((err: unknown) => {
    moved = null; // tried again at the next note (e.g. after unlocking)
    throw err;
  }));
}

type NotesApi = Pick<Api, 'notes.get' | 'notes.save'>;

export async function loadNote(applicationId: string, db: StyrelsebordetDb = defaultDb, notesApi: NotesApi = api): Promise<string> {
  await moveDexieNotes(db, notesApi).catch(() => undefined);
  return (await notesApi['notes.get']({ applicationId })).text;
}

/** Per ansökan: the text still to be saved, and the save loop running for it. */
const latest = new Map<string, string>();
const saving = new Map<string, Promise<void>>();

/**
 * Saves as the member types. One save at a time per ansökan, and only the
 * latest text: keystrokes typed while a save is on its way are sent as one
 * save after it, so the note on disk is always the last text typed, never an
 * older one overtaking it. Resolves once the text passed is saved.
 */
export function saveNote(applicationId: string, text: string, notesApi: NotesApi = api): Promise<void> {
  latest.set(applicationId, text);
  const running = saving.get(applicationId);
  if (running) return running;
  const loop = (async () => {
    try {
      while (latest.has(applicationId)) {
        const next = latest.get(applicationId)!;
        latest.delete(applicationId);
        await notesApi['notes.save']({ applicationId, text: next });
      }
    } finally {
      saving.delete(applicationId);
      latest.delete(applicationId);
    }
  })();
  saving.set(applicationId, loop);
  return loop;
}

export async function markRead(applicationId: string, version: number, db: StyrelsebordetDb = defaultDb): Promise<void> {
  await db.readMarks.put({ applicationId, version, readAt: new Date().toISOString() });
}

export async function markUnread(applicationId: string, version: number, db: StyrelsebordetDb = defaultDb): Promise<void> {
  await db.readMarks.delete([applicationId, version]);
}

/** The read markers of every version of one ansökan; undefined while loading. */
export function useReadMarks(applicationId: string): ReadMark[] | undefined {
  return useLiveQuery(() => defaultDb.readMarks.where('applicationId').equals(applicationId).toArray(), [applicationId]);
}

/** Every read marker as readKey()s, for the Översikt card; undefined while loading. */
export function useReadKeys(): Set<string> | undefined {
  return useLiveQuery(async () => new Set((await defaultDb.readMarks.toArray()).map((m) => readKey(m.applicationId, m.version))), []);
}
