import { useLiveQuery } from 'dexie-react-hooks';
import { readKey } from '../lib/applications';
import { db as defaultDb, type ReadMark, type StyrelsebordetDb } from './database';

/**
 * A board member's own review data that stays on this laptop: private notes
 * and read markers (Dexie, schema version 4). Neither becomes an event; a
 * note becomes one only when the member shares it (note.shared).
 */

export async function loadNote(applicationId: string, db: StyrelsebordetDb = defaultDb): Promise<string> {
  return (await db.notes.get(applicationId))?.text ?? '';
}

export async function saveNote(applicationId: string, text: string, db: StyrelsebordetDb = defaultDb): Promise<void> {
  if (text.trim() === '') await db.notes.delete(applicationId);
  else await db.notes.put({ applicationId, text, updatedAt: new Date().toISOString() });
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
