import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { SealedFiles } from '../storage/sealed-file';

/**
 * A board member's private notes, one file per ansökan in `notes/`, read and
 * written through the sealed-file layer: encrypted with the data key once a
 * PIN is set. They never become events unless the member shares one.
 */
export interface NoteStore {
  get(applicationId: string): Promise<string>;
  save(applicationId: string, text: string): Promise<void>;
}

const NoteFile = z.object({ format: z.literal(1), text: z.string(), updatedAt: z.string() });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createNoteStore(root: string, files: SealedFiles): NoteStore {
  const dir = join(root, 'notes');
  const pathOf = (id: string) => {
    // The contract checks the id; checked again here because it becomes a file name.
    if (!UUID.test(id)) throw new Error(`not an ansökan id: ${id}`);
    return join(dir, `${id.toLowerCase()}.json`);
  };
  // Writes to one note run one after another, in the order they were asked for: two
  // atomic writes racing could otherwise leave the older text as the last one renamed.
  const queues = new Map<string, Promise<void>>();
  const inOrder = (path: string, write: () => Promise<void>): Promise<void> => {
    const run = (queues.get(path) ?? Promise.resolve()).then(write, write);
    const settled = run.catch(() => undefined);
    queues.set(path, settled);
    void settled.then(() => {
      if (queues.get(path) === settled) queues.delete(path);
    });
    return run;
  };
  return {
    async get(applicationId) {
      const text = await files.readTextIfExists(pathOf(applicationId));
      if (text === null) return '';
      try {
        return NoteFile.parse(JSON.parse(text)).text;
      } catch {
        return ''; // a damaged note file shows as empty; the file stays for a look until the member writes again
      }
    },
    save(applicationId, text) {
      const path = pathOf(applicationId);
      return inOrder(path, async () => {
        if (text.trim() === '') {
          await fs.rm(path, { force: true });
          return;
        }
        await fs.mkdir(dir, { recursive: true, mode: 0o700 });
        await files.write(path, JSON.stringify({ format: 1, text, updatedAt: new Date().toISOString() }));
      });
    },
  };
}
