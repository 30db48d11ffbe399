import { compareEvents, type VerifiedEvent } from '../../log/signed-event';

/**
 * Sets of events. A laptop's knowledge is a set of events keyed by id; merging
 * two laptops' knowledge is set union. Since fold() sorts by compareEvents,
 * the state depends only on the set, never on arrival order or duplicates.
 */

/** Union by id, sorted by compareEvents. Same id means same bytes (id = SHA-256 of the body), so either copy will do. */
export function merge(a: readonly VerifiedEvent[], b: readonly VerifiedEvent[]): VerifiedEvent[] {
  return sortedUnique([...a, ...b]);
}

/** Dedupe by id and sort in the shared order. */
export function sortedUnique(events: readonly VerifiedEvent[]): VerifiedEvent[] {
  const byId = new Map<string, VerifiedEvent>();
  for (const e of events) if (!byId.has(e.id)) byId.set(e.id, e);
  return [...byId.values()].sort(compareEvents);
}

/** Ids this laptop has: what an import skips and what a package need not carry. */
export function knownIds(events: Iterable<VerifiedEvent>): Set<string> {
  const ids = new Set<string>();
  for (const e of events) ids.add(e.id);
  return ids;
}

/**
 * The Lamport clock for the next event made on this laptop: one more than any
 * event it has seen, so the new event sorts after everything its author saw.
 */
export function nextLamport(events: Iterable<VerifiedEvent>): number {
  let max = 0;
  for (const e of events) if (e.body.lamport > max) max = e.body.lamport;
  return max + 1;
}
