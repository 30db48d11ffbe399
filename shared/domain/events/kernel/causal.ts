import TinyQueue from 'tinyqueue';
import { compareEvents, EVENT_FORMAT_VERSION, MAX_AFTER, type VerifiedEvent } from '../../log/signed-event';

/**
 * The causal order (docs/trust-model.md).
 *
 * A format-2 event names, in `after`, the events it causally follows: the
 * heads of its author's log when it was made. Its clock is derived from them
 * — exactly one more than the largest clock it names — so nobody picks a
 * place in the order; the order (clock, then id) is a linear extension of the
 * causal order. Legacy format-1 events (made before this rule) have no
 * `after`; they count as one chain in their old order, so a format-2 event
 * that names a legacy event has seen every legacy event up to it.
 *
 * Everything here costs time proportional to the event checked (its `after`
 * list), except pastOf, which runs once per cut-off (a revocation or the end
 * of a role), not per event.
 */

export type Placement =
  | { kind: 'placed' }
  /** Some named events are not here (yet): the event waits. */
  | { kind: 'missing'; missing: string[] }
  /** The clock is not derived from the named past, or the event names no past: refused. */
  | { kind: 'badClock'; reason: string };

export const MISSING_PAST = 'Händelsen bygger på händelser som inte har kommit till den här datorn ännu; den väntar tills de har kommit.';

export function isLegacy(e: VerifiedEvent): boolean {
  return e.body.v !== EVENT_FORMAT_VERSION;
}

/**
 * Whether an event can take its place in the order: every event it names is
 * known and placed itself, and its clock is one more than the largest of them.
 * `placed` answers for ids already judged (a child of a waiting event waits too).
 */
export function placement(e: VerifiedEvent, byId: ReadonlyMap<string, VerifiedEvent>, unplaced: ReadonlySet<string>): Placement {
  const after = e.body.after;
  if (after === undefined) return { kind: 'placed' };
  if (after.length === 0) {
    if (e.body.type === 'federation.created' && e.body.lamport === 1) return { kind: 'placed' };
    return { kind: 'badClock', reason: 'Händelsen anger inga tidigare händelser; bara förbundets första händelse får göra det, och den har klockan 1.' };
  }
  const missing: string[] = [];
  let max = 0;
  for (const id of after) {
    const parent = byId.get(id);
    if (!parent || unplaced.has(id)) missing.push(id);
    else if (parent.body.lamport > max) max = parent.body.lamport;
  }
  if (missing.length > 0) return { kind: 'missing', missing };
  if (e.body.lamport !== max + 1) {
    return { kind: 'badClock', reason: `Händelsens klocka (${e.body.lamport}) stämmer inte med de händelser den bygger på (den ska vara ${max + 1}).` };
  }
  return { kind: 'placed' };
}

/** The causal past of one event: what its author had seen. */
export interface Past {
  root: string;
  ids: IdSet;
  /** The last legacy event in the past: every legacy event up to it counts as seen. */
  legacyCut: VerifiedEvent | null;
}

/**
 * A set of event ids as bits, numbered by one `Numbering` shared by the pasts of a fold: at 96 000 events
 * a past is 12 kB instead of a Set of 96 000 strings (some 4 MB), and a fold keeps one per cut-off.
 */
export type Numbering = Map<string, number>;

export class IdSet {
  // Hand-written rather than typedfastbitset: its checkedAdd (0.8.0) writes to the array it had before growing
  // it, so bits were lost (a valid history got refusals) — tried and measured in issue #16.
  private words = new Uint32Array(64);
  constructor(private readonly numbering: Numbering) {}

  /** Adds the id; false if it was there already. */
  add(id: string): boolean {
    let n = this.numbering.get(id);
    if (n === undefined) this.numbering.set(id, (n = this.numbering.size));
    const word = n >>> 5;
    if (word >= this.words.length) {
      const grown = new Uint32Array(Math.max(word + 1, this.words.length * 2));
      grown.set(this.words);
      this.words = grown;
    }
    const bit = 1 << (n & 31);
    if (this.words[word]! & bit) return false;
    this.words[word]! |= bit;
    return true;
  }

  /** Adds every id of another set of the same numbering. */
  addAll(other: IdSet): void {
    if (other.words.length > this.words.length) {
      const grown = new Uint32Array(other.words.length);
      grown.set(this.words);
      this.words = grown;
    }
    for (let i = 0; i < other.words.length; i++) this.words[i]! |= other.words[i]!;
  }

  has(id: string): boolean {
    const n = this.numbering.get(id);
    if (n === undefined) return false;
    const word = n >>> 5;
    return word < this.words.length && (this.words[word]! & (1 << (n & 31))) !== 0;
  }
}

/**
 * The causal past of `root`. `known` gives pasts already worked out with the same numbering: the walk takes
 * such an event's past whole instead of walking it again (a protokoll lock's past holds the previous lock's,
 * so the pasts of 840 locks cost about one walk of the history, not 840). The walk goes from the latest
 * events down (by clock), so it meets the latest known past before it would descend into what that past
 * already holds.
 */
export function pastOf(root: VerifiedEvent, byId: ReadonlyMap<string, VerifiedEvent>, numbering: Numbering = new Map(), known?: (id: string) => Past | undefined): Past {
  const ids = new IdSet(numbering);
  let legacyCut: VerifiedEvent | null = isLegacy(root) ? root : null;
  const later = (e: VerifiedEvent | null): void => {
    if (e && (!legacyCut || compareEvents(e, legacyCut) > 0)) legacyCut = e;
  };
  const queue = new TinyQueue<VerifiedEvent>([], (a, b) => b.body.lamport - a.body.lamport); // the latest first
  const enter = (id: string): void => {
    const e = byId.get(id);
    if (e && ids.add(id)) queue.push(e);
  };
  for (const id of root.body.after ?? []) enter(id);
  for (let e = queue.pop(); e; e = queue.pop()) {
    if (isLegacy(e)) {
      later(e);
      continue;
    }
    const past = known?.(e.id);
    if (past) {
      ids.addAll(past.ids);
      later(past.legacyCut);
      continue;
    }
    for (const parent of e.body.after ?? []) enter(parent);
  }
  return { root: root.id, ids, legacyCut };
}

export function inPast(past: Past, e: VerifiedEvent): boolean {
  if (past.ids.has(e.id)) return true;
  return isLegacy(e) && past.legacyCut !== null && compareEvents(e, past.legacyCut) <= 0;
}

/** The events that cannot take their place (past missing, wrong clock), transitively. O(n log n), no fold. */
export function unplacedIds(events: readonly VerifiedEvent[]): Set<string> {
  const byId = new Map(events.map((e) => [e.id, e]));
  const unplaced = new Set<string>();
  for (const e of [...byId.values()].sort(compareEvents)) {
    if (placement(e, byId, unplaced).kind !== 'placed') unplaced.add(e.id);
  }
  return unplaced;
}

/**
 * What a new event made on this laptop names as its past, and its clock: the
 * heads of the placed events (those no other placed event names), the newest
 * first, at most MAX_AFTER of them. Linear in the log; the materialised
 * state of issue #16 keeps the heads instead.
 */
export function nextPlace(events: Iterable<VerifiedEvent>, isPlaced: (id: string) => boolean = () => true): { after: string[]; lamport: number } {
  const placed: VerifiedEvent[] = [];
  const named = new Set<string>();
  let legacyHead: VerifiedEvent | null = null;
  for (const e of events) {
    if (!isPlaced(e.id)) continue;
    placed.push(e);
    if (isLegacy(e)) {
      if (!legacyHead || compareEvents(e, legacyHead) > 0) legacyHead = e;
    } else {
      for (const id of e.body.after ?? []) named.add(id);
    }
  }
  const heads = placed.filter((e) => !named.has(e.id) && (!isLegacy(e) || e === legacyHead));
  heads.sort((a, b) => compareEvents(b, a));
  const chosen = heads.slice(0, MAX_AFTER);
  const lamport = chosen.reduce((m, e) => Math.max(m, e.body.lamport), 0) + 1;
  return { after: chosen.map((e) => e.id).sort(), lamport };
}
