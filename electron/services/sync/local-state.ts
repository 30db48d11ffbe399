import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Acks } from '../packages/format';
import { writeFileAtomic } from '../storage/atomic';
import { parseJsonOrNull } from '../storage/json';

/**
 * What this installation remembers about itself beyond the event log: which
 * förbund and genesis it trusts, who it belongs to, and what each peer has
 * acknowledged (so later packages to them shrink).
 */
const LocalState = z.object({
  format: z.literal(1),
  forbund: z.object({ id: z.uuid(), name: z.string(), genesisId: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
  personId: z.uuid().nullable(),
  /** Highest local seq that has gone out in a package, per own event: counts "unsent" changes. */
  exportedOwn: z.array(z.string()).default([]),
  peerAcks: z.record(z.uuid(), Acks).default({}),
  lastImport: z.object({ at: z.string(), from: z.string() }).nullable().default(null),
  lastExport: z.object({ at: z.string(), fileName: z.string() }).nullable().default(null),
  /** Set by "Utforska ett demoförbund": the header says Demo and offers to leave it. */
  demo: z.boolean().default(false),
});
export type LocalState = z.infer<typeof LocalState>;

const EMPTY: LocalState = { format: 1, forbund: null, personId: null, exportedOwn: [], peerAcks: {}, lastImport: null, lastExport: null, demo: false };

export interface LocalStateFile {
  get(): LocalState;
  update(change: (s: LocalState) => LocalState): Promise<LocalState>;
}

export async function openLocalState(dataDir: string): Promise<LocalStateFile> {
  const path = join(dataDir, 'local.json');
  let state = EMPTY;
  const text = await fs.readFile(path, 'utf8').catch(() => null);
  if (text !== null) {
    const parsed = LocalState.safeParse(parseJsonOrNull(text));
    if (!parsed.success) throw new Error(`Filen ${path} är skadad. Återställ den från en säkerhetskopia.`);
    state = parsed.data;
  }
  return {
    get: () => state,
    update: async (change) => {
      const next = LocalState.parse(change(state));
      await writeFileAtomic(path, JSON.stringify(next, null, 2));
      state = next;
      return state;
    },
  };
}

