import { directoryOf, directorySignature, type KeyDirectory } from '../../../shared/domain/events/keys';
import { foldDetailed } from '../../../shared/domain/events/fold';
import { inPast, isLegacy, nextPlace, placement, unplacedIds } from '../../../shared/domain/events/kernel/causal';
import { createRunner, pastFor, type Context, type Judgement, type Runner } from '../../../shared/domain/events/runner';
import { restoreRound, snapshotRound } from '../../../shared/domain/events/round-snapshot';
import type { FederationState } from '../../../shared/domain/events';
import { addTouched, newTouched, type Touched } from '../../../shared/domain/events/kernel/touched';
import { compareEvents, type VerifiedEvent } from '../../../shared/domain/log/signed-event';
import type { EventStore } from '../log/event-store';
import { jsonBytes } from '../storage/json-pieces';
import { CHECKPOINT_FORMAT, FOLD_VERSION, idsDigest, plainCheckpointIO, readCheckpoint, type CheckpointIO } from './checkpoints';

/**
 * The materialised state (issue #16): the fold of the event store, kept
 * rather than recomputed. Events the store learns that sort after every event
 * already folded are applied by continuing the last round of the fold
 * (runner.ts): the cost is proportional to them, not to the history. Anything
 * else folds again from scratch, because it can change the past:
 * - an event that sorts into the past (an import of older events);
 * - a change of the key directory (a key registered, accepted, rejected or
 *   revoked: held events elsewhere in the order may now apply, or not);
 * - a cut-off (a revocation, the end of a role, a protokoll draft) made by an
 *   event that had not seen every event here (it might refuse one of them);
 * - a protokoll draft held for its key (fold() counts it as a lock).
 * The test test/unit/electron/services/sync/materialised.property.test.ts checks that the
 * result always equals a full fold of the same events.
 *
 * Every `every` events a checkpoint of the round is written (checkpoints.ts);
 * opening a data folder reads it and applies the tail.
 */
export interface MaterialisedState {
  state(): FederationState;
  /**
   * What the live round would do with a new event of this laptop (which sorts
   * after everything here), without applying it; null when the round cannot
   * be continued (then the caller folds). `assumeAccepted`: judged as if this
   * waiting key were accepted (null when that needs a fold: the key has held events).
   */
  judge(event: VerifiedEvent, assumeAccepted?: string): Judgement | null;
  /** Whether an event took its place in the order (its whole past is here). */
  isPlaced(id: string): boolean;
  /** Where a new event of this laptop goes: the heads of the placed events (newest first, at most MAX_AFTER) and its clock. */
  nextPlace(): { after: string[]; lamport: number };
  /** Waits for a checkpoint being written (tests, shutdown). */
  flush(): Promise<void>;
  /**
   * Folds the store's events plus `extra` (an import being previewed) once. `adopt()`, called once
   * the store holds exactly those events more and the förbund's genesis is `genesisId`, keeps that
   * fold as the live state instead of folding the history again (issue #16: fold once); false
   * (nothing kept) when the store has changed otherwise in between.
   */
  prepare(extra: readonly VerifiedEvent[], genesisId: string): { state: FederationState; adopt(): boolean };
  /**
   * What the state's items may have changed in since `mark` (kernel/touched.ts: a superset, to compare,
   * never to trust as changed), and the mark to ask from next time. `touched: null` when that is not
   * known (the state was folded again or read from a checkpoint since, or `mark` is null or too old):
   * compare everything. Brings the state up to date with the store first, as state() does.
   */
  changesSince(mark: ChangeMark | null): { mark: ChangeMark; touched: Touched | null };
  readonly stats: { folds: number; stepped: number; checkpointsRead: number; checkpointsWritten: number };
}

/** A point in the materialised state's changes: which kept state (`epoch`) and how many batches of its steps. */
export interface ChangeMark {
  epoch: number;
  at: number;
}

/** How many batches of steps are remembered for changesSince (older marks compare everything). */
const JOURNAL = 64;

interface Live {
  genesisId: string | undefined;
  ctx: Context;
  /** null: the fold ended in strict order (no fixpoint); every change folds again. */
  runner: Runner | null;
  directory: KeyDirectory | null;
  state: FederationState;
  /** Events that cannot take their place (causal.ts unplacedIds): what a new event must not name. */
  unplaced: Set<string>;
  knownSeq: number;
  last: VerifiedEvent | null;
  /** The placed events no placed event names (format 2), kept so a new event's place costs O(heads). */
  heads: Map<string, VerifiedEvent>;
  sinceCheckpoint: number;
}

export interface MaterialisedOptions {
  store: EventStore;
  genesisId: () => string | undefined;
  /** Where the checkpoint lives; none: no checkpoints (tests). */
  checkpointPath?: string;
  io?: CheckpointIO;
  /** Events between checkpoints. */
  every?: number;
}

/** The heads as nextPlace() sees them: placed events no placed event names (the newest legacy event stands for the legacy chain). */
function headsOf(events: readonly VerifiedEvent[], unplaced: ReadonlySet<string>): Map<string, VerifiedEvent> {
  const placed = events.filter((e) => !unplaced.has(e.id));
  const named = new Set(placed.flatMap((e) => (isLegacy(e) ? [] : (e.body.after ?? []))));
  let legacyHead: VerifiedEvent | null = null;
  for (const e of placed) if (isLegacy(e) && (!legacyHead || compareEvents(e, legacyHead) > 0)) legacyHead = e;
  return new Map(placed.filter((e) => !named.has(e.id) && (!isLegacy(e) || e === legacyHead)).map((e) => [e.id, e]));
}

export async function openMaterialised(opts: MaterialisedOptions): Promise<MaterialisedState> {
  const { store } = opts;
  const io = opts.io ?? plainCheckpointIO;
  const every = opts.every ?? 500;
  const stats = { folds: 0, stepped: 0, checkpointsRead: 0, checkpointsWritten: 0 };
  let live: Live | null = null;
  /** Bumped whenever the kept state is replaced (a fold, an adopted preview, a checkpoint): no change set crosses it. */
  let epoch = 0;
  /** What each batch of steps reached, oldest first; `journalBase` batches before them are forgotten. */
  let journal: Touched[] = [];
  let journalBase = 0;
  const replace = <L extends Live | null>(l: L): L => {
    epoch++;
    journal = [];
    journalBase = 0;
    live = l;
    return l;
  };
  let writing: Promise<void> = Promise.resolve();

  function refold(): Live {
    return build(store.all(), opts.genesisId(), store.lastSeq());
  }

  function build(events: readonly VerifiedEvent[], genesisId: string | undefined, knownSeq: number): Live {
    stats.folds++;
    const r = foldDetailed(events, genesisId ? { genesisId } : {});
    const runner = r.directory ? createRunner(r.ctx, r.directory, r.cutoffs, { working: r.runner.working, memory: r.runner.memory, grow: true, track: true }) : null;
    const last = r.ctx.sorted.at(-1) ?? null;
    const unplaced = unplacedIds(events);
    return { genesisId, ctx: r.ctx, runner, directory: r.directory, state: r.state, unplaced, knownSeq, last, heads: headsOf(events, unplaced), sinceCheckpoint: events.length };
  }

  /** Continues the round with events that sort after everything folded; false when they cannot be (fold again). */
  function extend(l: Live, fresh: VerifiedEvent[]): boolean {
    const { runner, directory } = l;
    // Without a genesis nothing applies; the one that arrives is found by folding again.
    if (!runner || !directory || !l.ctx.genesis) return false;
    const sorted = [...fresh].sort(compareEvents);
    if (l.last && compareEvents(sorted[0]!, l.last) <= 0) return false;
    const before = directorySignature(directory);
    const byId = l.ctx.byId as Map<string, VerifiedEvent>;
    for (const e of sorted) {
      byId.set(e.id, e);
      const cutoffs = runner.state.cutoffs.length;
      const held = runner.state.held.length;
      runner.step(e);
      stats.stepped++;
      // A legacy (format 1) event new to this laptop is rare (refused at import once format 2 is here): fold.
      if (isLegacy(e)) return false;
      if (placement(e, byId, l.unplaced).kind !== 'placed') l.unplaced.add(e.id);
      else {
        for (const id of e.body.after ?? []) l.heads.delete(id);
        l.heads.set(e.id, e);
      }
      if (runner.state.cutoffs.length > cutoffs && !sawEverything(l, e)) return false;
      if (runner.state.held.length > held && e.body.type === 'protokoll.drafted') return false;
      l.last = e;
    }
    const now = directoryOf(runner.state);
    return directorySignature(now) === before || takeInWaitingKeys(l, directory, now);
  }

  /**
   * A key just registered and still waiting, that has signed nothing here but
   * its own registration, changes no judgement of an event here: only this
   * key's later events, which the directory must then call pending. The live
   * directory takes it in, where a fold would reach the same fixpoint from
   * scratch (a new laptop's first key.registered after its invitation, issue
   * #16: one fold fewer). Any other change of the directory folds again.
   */
  function takeInWaitingKeys(l: Live, directory: KeyDirectory, now: KeyDirectory): boolean {
    for (const [fp, entry] of Object.entries(directory)) {
      if (now[fp]?.status !== entry.status || now[fp]?.personId !== entry.personId) return false;
    }
    const added = Object.keys(now).filter((fp) => !(fp in directory));
    if (added.some((fp) => now[fp]?.status !== 'pending')) return false;
    const fresh = new Set(added);
    for (const e of l.ctx.byId.values()) if (fresh.has(e.body.key) && e.body.type !== 'key.registered') return false;
    for (const fp of added) directory[fp] = now[fp]!;
    return true;
  }

  /** Whether every placed event here (but the event itself) is in the event's causal past. O(n), for rare events only. */
  function sawEverything(l: Live, e: VerifiedEvent): boolean {
    const past = pastFor(l.ctx, e);
    for (const other of l.ctx.byId.values()) {
      if (other.id !== e.id && !l.unplaced.has(other.id) && !inPast(past, other)) return false;
    }
    return true;
  }

  function sync(): Live {
    if (live && live.genesisId !== opts.genesisId()) replace(null);
    let l = live;
    if (!l) {
      l = replace(refold());
      if (l.sinceCheckpoint >= every) saveCheckpoint(l);
    }
    if (store.lastSeq() > l.knownSeq) {
      const fresh = store.since(l.knownSeq);
      if (extend(l, fresh)) {
        l.knownSeq = store.lastSeq();
        l.sinceCheckpoint += fresh.length;
        const touched = l.runner?.takeTouched();
        // A round that does not track: nothing is known of what changed (as after a fold).
        if (!touched) replace(l);
        else journal.push(touched);
        if (journal.length > JOURNAL) {
          journal.shift();
          journalBase++;
        }
      } else {
        l = replace(refold());
      }
      if (l.sinceCheckpoint >= every) saveCheckpoint(l);
    }
    return l;
  }

  function saveCheckpoint(l: Live): void {
    const path = opts.checkpointPath;
    if (!path || !l.runner || !l.directory || !l.genesisId) return;
    l.sinceCheckpoint = 0;
    let bytes: Buffer[];
    try {
      const ids = store.all().slice(0, l.knownSeq).map((e) => e.id);
      const round = snapshotRound(l.runner.working, l.runner.memory, l.directory, l.runner.cutoffs());
      // Encoded now, because the state changes in place as the next events are applied; in pieces of some
      // 256 KiB, because one string of it (25 MB at ten years, and as much again in bytes) made the import's peak.
      bytes = jsonBytes({ format: CHECKPOINT_FORMAT, foldVersion: FOLD_VERSION, genesisId: l.genesisId, covered: l.knownSeq, digest: idsDigest(ids), last: l.last?.id ?? null, round }, 5);
    } catch (err) {
      console.error('Tillståndet kunde inte sparas som kontrollpunkt:', err);
      return;
    }
    writing = writing
      .then(() => io.write(path, bytes))
      .then(() => {
        stats.checkpointsWritten++;
      })
      .catch((err: unknown) => console.error('Kontrollpunkten kunde inte skrivas:', err));
  }

  /** Opening: the last checkpoint and the tail after it, if the checkpoint is this log's. */
  async function fromCheckpoint(): Promise<Live | null> {
    const genesisId = opts.genesisId();
    if (!opts.checkpointPath || !genesisId) return null;
    const events = store.all();
    const c = await readCheckpoint(io, opts.checkpointPath, { genesisId, storeIds: events.map((e) => e.id) });
    if (!c) return null;
    try {
      const byId = new Map(events.map((e) => [e.id, e]));
      const genesis = byId.get(genesisId);
      if (genesis?.body.type !== 'federation.created') return null;
      const r = restoreRound(c.round);
      const unplaced = unplacedIds(events.slice(0, c.covered));
      const ctx: Context = { sorted: [], payloads: new Map(), genesis, byId, pasts: new Map() };
      const runner = createRunner(ctx, r.directory, r.cutoffs, { working: r.working, memory: r.memory, grow: true, track: true });
      const last = c.last ? (byId.get(c.last) ?? null) : null;
      stats.checkpointsRead++;
      return { genesisId, ctx, runner, directory: r.directory, state: r.working.state, unplaced, knownSeq: c.covered, last, heads: headsOf(events.slice(0, c.covered), unplaced), sinceCheckpoint: 0 };
    } catch {
      return null;
    }
  }

  replace(await fromCheckpoint());

  return {
    stats,
    state: () => {
      const l = sync();
      return l.runner ? l.runner.state : l.state;
    },
    judge: (event, assumeAccepted) => {
      const l = sync();
      if (!l.runner || (l.last && compareEvents(event, l.last) <= 0)) return null;
      if (!assumeAccepted) return l.runner.judge(event);
      // As if this laptop's waiting key were accepted: the same as a fold with the key assumed accepted
      // as long as the key has nothing of its own held here (then only this event is judged differently).
      const entry = l.directory?.[assumeAccepted];
      if (!l.directory || entry?.status !== 'pending' || l.runner.state.held.some((h) => h.fingerprint === assumeAccepted)) return null;
      l.directory[assumeAccepted] = { ...entry, status: 'accepted' };
      try {
        return l.runner.judge(event);
      } finally {
        l.directory[assumeAccepted] = entry;
      }
    },
    isPlaced: (id) => !sync().unplaced.has(id),
    nextPlace: () => nextPlace(sync().heads.values()),
    flush: () => writing,
    changesSince: (mark) => {
      const l = sync();
      const now: ChangeMark = { epoch, at: journalBase + journal.length };
      if (!mark || mark.epoch !== epoch || mark.at < journalBase || mark.at > now.at || !l.runner) return { mark: now, touched: null };
      const touched = newTouched();
      for (const t of journal.slice(mark.at - journalBase)) addTouched(touched, t);
      return { mark: now, touched };
    },
    prepare: (extra, genesisId) => {
      const base = store.lastSeq();
      const l = build([...store.all(), ...extra], genesisId, base + extra.length);
      let adopted = false;
      return {
        state: l.runner ? l.runner.state : l.state,
        adopt: () => {
          if (adopted || opts.genesisId() !== genesisId || store.lastSeq() < base + extra.length) return false;
          // Exactly `extra` went in after `base` (in any order), and nothing else before them.
          const added = new Set(store.since(base).slice(0, extra.length).map((e) => e.id));
          if (added.size !== extra.length || extra.some((e) => !added.has(e.id))) return false;
          adopted = true;
          replace(l);
          if (l.sinceCheckpoint >= every) saveCheckpoint(l);
          return true;
        },
      };
    },
  };
}
