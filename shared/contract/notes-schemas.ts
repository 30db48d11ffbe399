import { z } from 'zod';

/** A private note is the member's own; one ansökan's note holds at most this many characters. */
export const MAX_NOTE_LENGTH = 20_000;

/**
 * Private notes on an ansökan (issue #14): kept by the main side in the data
 * folder's sealed-file layer, so they are encrypted at rest like everything
 * else once a PIN is set (they used to live in clear in IndexedDB).
 */
export const notesContract = {
  'notes.get': { input: z.object({ applicationId: z.uuid() }).strict(), output: z.object({ text: z.string() }) },
  /** Saves the note; an empty (or blank) note removes it. */
  'notes.save': { input: z.object({ applicationId: z.uuid(), text: z.string().max(MAX_NOTE_LENGTH) }).strict(), output: z.object({}) },
} as const;
