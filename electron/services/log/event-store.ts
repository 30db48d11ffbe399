import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { StoredEvent } from '../../../shared/contract';
import type { VerifiedEvent } from '../../../shared/domain/log/signed-event';
import { kept, KeptEvent, parseEventLine } from '../identity/events';
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
  /** The events learnt after `seq` (seq counts from 1), in the order learnt. */
  since(seq: number): VerifiedEvent[];
  list(afterSeq: number): StoredEvent[];
  /** One stored event by id, as the renderer receives it. */
  get(id: string): StoredEvent | null;
  lastSeq(): number;
  /**
   * The events signed by one key, in the order learnt (the same array until the
   * next append; do not change it). Kept as the log grows, so what an action
   * asks about this laptop's own events costs no walk over the whole log.
   */
  ofKey(fingerprint: string): readonly VerifiedEvent[];
  /** How many events each key signed. */
  countsByKey(): Record<string, number>;
  /** Adds the events not already known, as one atomic batch. Returns those that were new. */
  append(events: VerifiedEvent[]): Promise<VerifiedEvent[]>;
}

const MAX_SEGMENTS = 64;

/** An event as the contract lists it (its line made once: see KeptEvent). */
function stored(seq: number, e: VerifiedEvent): StoredEvent {
  const { body, sig } = e.line;
  return { seq, id: e.id, body, sig };
}

/** A segment's lines one by one, so a large batch (an invitation's ten years) is never one string. */
function* linesOf(events: readonly VerifiedEvent[]): Generator<string> {
  for (const e of events) yield `${JSON.stringify(e.line)}\n`;
}

export async function openEventStore(dataDir: string, files: SealedFiles = plainFiles): Promise<EventStore> {
  const dir = join(dataDir, 'log');
  await fs.mkdir(dir, { recursive: true });
  await removeStaleTempFiles(dir);
  const serial = createSerialQueue();
  /** In the order learnt: events[i] has seq i + 1. */
  const events: VerifiedEvent[] = [];
  const byId = new Map<string, number>();
  const byKey = new Map<string, VerifiedEvent[]>();
  const keep = (e: VerifiedEvent): void => {
    byId.set(e.id, events.length);
    events.push(e);
    const own = byKey.get(e.body.key);
    if (own) own.push(e);
    else byKey.set(e.body.key, [e]);
  };
  let segments = (await fs.readdir(dir)).filter((n) => /^\d{8}\.jsonl$/.test(n)).sort();
  /** How many of `events` each segment holds (its lines kept on opening), in the same order. */
  let counts: number[] = [];

  for (const name of segments) {
    const text = await files.readText(join(dir, name));
    const before = events.length;
    for (const raw of text.split('\n')) {
      if (!raw) continue;
      const parsed = parseEventLine(raw);
      // Lines in the local log were verified before they were written; a line
      // that no longer parses means the file was damaged: skip it, keep the rest.
      if (!parsed.ok || byId.has(parsed.id)) continue;
      keep(new KeptEvent(parsed.id, parsed.body, parsed.line.sig));
    }
    counts.push(events.length - before);
  }

  const nextSegmentName = () => {
    const last = segments.at(-1);
    const n = last ? Number(last.slice(0, 8)) + 1 : 1;
    return `${String(n).padStart(8, '0')}.jsonl`;
  };

  /**
   * Merges the newest segments into one, going back only as far as the merged ones hold at least as many
   * events as the segment before them (sizes then fall from old to new, as in a binary counter). An event
   * is rewritten about log₂(n) times in all, and the ten-year log is not rewritten every 64 actions (56 ms
   * at ten years, seconds at a hundred). The merged segment is the newest, so the order learnt is kept.
   */
  async function compact(): Promise<void> {
    let from = segments.length - 1;
    let merged = counts[from]!;
    while (from > 0 && counts[from - 1]! <= merged) merged += counts[--from]!;
    const first = counts.slice(0, from).reduce((a, b) => a + b, 0);
    const name = nextSegmentName();
    await files.writePieces(join(dir, name), linesOf(events.slice(first)));
    const old = segments.slice(from);
    segments = [...segments.slice(0, from), name];
    counts = [...counts.slice(0, from), merged];
    for (const s of old) await fs.rm(join(dir, s), { force: true });
  }

  return {
    get size() {
      return events.length;
    },
    has: (id) => byId.has(id),
    all: () => events.slice(),
    since: (seq) => events.slice(Math.max(0, seq)),
    list: (afterSeq) => events.slice(Math.max(0, afterSeq)).map((e, i) => stored(Math.max(0, afterSeq) + i + 1, e)),
    lastSeq: () => events.length,
    get: (id) => {
      const at = byId.get(id);
      if (at === undefined) return null;
      return stored(at + 1, events[at]!);
    },
    ofKey: (fingerprint) => byKey.get(fingerprint) ?? [],
    countsByKey: () => Object.fromEntries([...byKey].map(([key, own]) => [key, own.length])),
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
        await files.writePieces(join(dir, name), linesOf(fresh));
        segments.push(name);
        counts.push(fresh.length);
        for (const e of fresh) keep(kept(e));
        if (segments.length > MAX_SEGMENTS) await compact();
        return fresh;
      }),
  };
}
