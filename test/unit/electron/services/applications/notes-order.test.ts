import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNoteStore } from '../../../../../electron/services/applications/notes';
import { plainFiles, type SealedFiles } from '../../../../../electron/services/storage/sealed-file';

describe('the note store writes one note in the order asked', () => {
  it('a slow first write does not land after a later one', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sb-notes-'));
    let writes = 0;
    // The first write takes longer than the second: without ordering it would be renamed last.
    const slowFirst: SealedFiles = {
      ...plainFiles,
      write: async (path, data) => {
        const delay = writes++ === 0 ? 40 : 1;
        await new Promise((r) => setTimeout(r, delay));
        return plainFiles.write(path, data);
      },
    };
    const store = createNoteStore(root, slowFirst);
    const id = '00000000-0000-4000-8000-0000000000d4';
    await Promise.all([store.save(id, 'Första'), store.save(id, 'Andra'), store.save(id, 'Tredje')]);
    expect(await store.get(id)).toBe('Tredje');
    expect(JSON.parse(readFileSync(join(root, 'notes', `${id}.json`), 'utf8')).text).toBe('Tredje');
  });
});
