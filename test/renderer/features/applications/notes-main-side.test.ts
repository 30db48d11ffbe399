import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../renderer/src/db/database';
import { loadNote, saveNote } from '../../../../renderer/src/features/applications/review-store';

/**
 * Issue #14: private notes lived in clear in IndexedDB (a marker was found in
 * the LevelDB file). They are kept by the main side now, sealed at rest with
 * a PIN; notes left in Dexie move there and are deleted here.
 */
const A = '00000000-0000-4000-8000-0000000000a1';
const B = '00000000-0000-4000-8000-0000000000b2';

function fakeNotesApi(initial: Record<string, string> = {}) {
  const notes = new Map(Object.entries(initial));
  return {
    notes,
    'notes.get': async ({ applicationId }: { applicationId: string }) => ({ text: notes.get(applicationId) ?? '' }),
    'notes.save': async ({ applicationId, text }: { applicationId: string; text: string }) => {
      if (text.trim()) notes.set(applicationId, text);
      else notes.delete(applicationId);
      return {};
    },
  };
}

describe('private notes are kept by the main side', () => {
  it('moves notes left in Dexie to the main side and deletes them here; a note the main side has wins', async () => {
    const db = openDatabase(`notes-${Math.random()}`);
    await db.notes.bulkPut([
      { applicationId: A, text: 'Gammal anteckning om lokalerna', updatedAt: '2026-11-01T10:00:00.000Z' },
      { applicationId: B, text: 'Äldre text', updatedAt: '2026-11-01T10:00:00.000Z' },
    ]);
    const main = fakeNotesApi({ [B]: 'Nyare text på huvudsidan' });
    expect(await loadNote(A, db, main)).toBe('Gammal anteckning om lokalerna');
    expect(main.notes.get(B)).toBe('Nyare text på huvudsidan');
    expect(await db.notes.count()).toBe(0);
    await saveNote(A, 'Ändrad', main);
    expect(await loadNote(A, db, main)).toBe('Ändrad');
    expect(await db.notes.count()).toBe(0);
  });
});

describe('a note typed fast is saved in order', () => {
  it('sends one save at a time and only the latest text, so an older text never overtakes a newer one', async () => {
    const C = '00000000-0000-4000-8000-0000000000c3';
    const stored: string[] = [];
    let inFlight = 0;
    let most = 0;
    // The first save is slow, later ones fast: unordered saves would finish with "Hej".
    const slowFirst = {
      'notes.get': async () => ({ text: '' }),
      'notes.save': async ({ text }: { applicationId: string; text: string }) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, stored.length === 0 ? 30 : 1));
        stored.push(text);
        inFlight--;
        return {};
      },
    };
    const typed = ['H', 'He', 'Hej', 'Hej d', 'Hej då'];
    await Promise.all(typed.map((t) => saveNote(C, t, slowFirst)));
    expect(most).toBe(1);
    expect(stored.at(-1)).toBe('Hej då');
    expect(stored.length).toBeLessThan(typed.length); // the keystrokes typed during the first save went as one
  });
});
