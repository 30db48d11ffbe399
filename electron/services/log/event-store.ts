import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { StoredEvent } from '../../../shared/contract';
import type { VerifiedEvent } from '../../../shared/domain/log/signed-event';
import { parseEventLine } from '../identity/events';
import { removeStaleTempFiles } from '../storage/atomic';
import { plainFiles, type SealedFiles } from '../storage/sealed-file';
import { createSerialQueue } from '../storage/serial';

/**
 * The device's copy of the event log: every verified event this laptop has,
 * in the order it learnt them (`seq`). Events are only ever added.
 *
 * Storage: `log/NNNNNNNN.jsonl` segments, each written atomically. One batch
 * (one user action, one imported package) is one segment, so a batch is all
 * or nothing: a crash before the rename leaves the log as it was. Segments are
 * merged when they pile up; a crash during a merge only leaves duplicates,
 * which are dropped by id on the next open. Segments are read and written
 * through the sealed-file layer (encrypted once a PIN is set).
 */
export interface EventStore {
  readonly size: number;
  has(id: string): boolean;
  all(): VerifiedEvent[];
  list(afterSeq: number): StoredEvent[];
  /** One stored event by id, as the renderer receives it. */
  get(id: string): StoredEvent | null;
  lastSeq(): number;
  /** Adds the events not already known, as one atomic batch. Returns those that were new. */
  append(events: VerifiedEvent[]): Promise<VerifiedEvent[]>;
}

const MAX_SEGMENTS = 64;

export async function openEventStore(dataDir: string, files: SealedFiles = plainFiles): Promise<EventStore> {
  const dir = join(dataDir, 'log');
  await fs.mkdir(dir, { recursive: true });
  await removeStaleTempFiles(dir);
  const serial = createSerialQueue();
  const events: (VerifiedEvent & { seq: number })[] = [];
  const byId = new Set<string>();
  let segments = (await fs.readdir(dir)).filter((n) => /^\d{8}\.jsonl$/.test(n)).sort();

  for (const name of segments) {
    const text = await files.readText(join(dir, name));
    for (const raw of text.split('\n')) {
      if (!raw) continue;
      const parsed = parseEventLine(raw);
      // Lines in the local log were verified before they were written; a line
      // that no longer parses means the file was damaged: skip it, keep the rest.
      if (!parsed.ok || byId.has(parsed.id)) continue;
      byId.add(parsed.id);
      events.push({ id: parsed.id, body: parsed.body, line: parsed.line, seq: events.length + 1 });
    }
  }

  const nextSegmentName = () => {
    const last = segments.at(-1);
    const n = last ? Number(last.slice(0, 8)) + 1 : 1;
    return `${String(n).padStart(8, '0')}.jsonl`;
  };

  async function compact(): Promise<void> {
    const name = nextSegmentName();
    await files.write(join(dir, name), events.map((e) => `${JSON.stringify(e.line)}\n`).join(''));
    const old = segments;
    segments = [name];
    for (const s of old) await fs.rm(join(dir, s), { force: true });
  }

  return {
    get size() {
      return events.length;
    },
    has: (id) => byId.has(id),
    all: () => events.map(({ id, body, line }) => ({ id, body, line })),
    list: (afterSeq) =>
      events.filter((e) => e.seq > afterSeq).map((e) => ({ seq: e.seq, id: e.id, body: e.line.body, sig: e.line.sig })),
    lastSeq: () => events.length,
    get: (id) => {
      if (!byId.has(id)) return null;
      const e = events.find((x) => x.id === id)!;
      return { seq: e.seq, id: e.id, body: e.line.body, sig: e.line.sig };
    },
    append: (batch) =>
      serial(async () => {
        const fresh: VerifiedEvent[] = [];
        const seen = new Set<string>();
        for (const e of batch) {
          if (byId.has(e.id) || seen.has(e.id)) continue;
          seen.add(e.id);
          fresh.push(e);
        }
        if (fresh.length === 0) return [];
        const name = nextSegmentName();
        await files.write(join(dir, name), fresh.map((e) => `${JSON.stringify(e.line)}\n`).join(''));
        segments.push(name);
        for (const e of fresh) {
          byId.add(e.id);
          events.push({ ...e, seq: events.length + 1 });
        }
        if (segments.length > MAX_SEGMENTS) await compact();
        return fresh;
      }),
  };
}
