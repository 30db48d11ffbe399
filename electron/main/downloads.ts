/**
 * Remembers where the save dialog put each file the window handed over (a
 * package, a PDF), so "Visa i mappen" can show the user's own copy. Only the
 * main side's own record of a finished download is kept; the renderer never
 * names a path (electron/services/files/reveal.ts decides what may be shown).
 */
import type { Session } from 'electron';
import type { SavedFiles } from '../services/files/reveal';

export function recordDownloads(ses: Pick<Session, 'on'>, saved: SavedFiles): void {
  ses.on('will-download', (_event, item) => {
    item.once('done', (_done, state) => {
      if (state === 'completed') saved.record(item.getFilename(), item.getSavePath());
    });
  });
}
