import type { Api, StoredEvent } from '../../../shared/contract';
import { fold, type FederationState } from '../../../shared/domain/events';
import { EventBody, type VerifiedEvent } from '../../../shared/domain/log/signed-event';
import type { StyrelsebordetDb } from './database';

/**
 * The renderer's copy of the event log and the state derived from it.
 *
 * The main side owns the log (it verified every signature before storing);
 * the renderer keeps a cache in Dexie so screens can read it at once, and
 * pulls only what is new: `log.list({ afterSeq })` with the highest seq it has.
 */

/** A stored line as the fold wants it. The main side verified it; here it is only parsed. Null for a line that does not parse. */
export function toVerified(stored: StoredEvent): VerifiedEvent | null {
  let raw: unknown;
  try {
    raw = JSON.parse(stored.body);
  } catch {
    return null;
  }
  const body = EventBody.safeParse(raw);
  if (!body.success) return null;
  return { id: stored.id, body: body.data, line: { body: stored.body, sig: stored.sig } };
}

export type LogApi = Pick<Api, 'log.list'>;

/**
 * Brings the cache in line with the main side's log and returns how many
 * events were added. Incremental: asks from the highest seq it already has,
 * overlapping by one event to check that both sides still mean the same log
 * (a new data folder or a reset numbers events afresh); if not, starts over.
 */
export async function syncEvents(db: StyrelsebordetDb, api: LogApi): Promise<number> {
  const last = await db.events.orderBy('seq').last();
  if (last) {
    const { events } = await api['log.list']({ afterSeq: last.seq - 1 });
    const [overlap, ...fresh] = events;
    if (overlap && overlap.seq === last.seq && overlap.id === last.id) {
      await putNew(db, fresh);
      return fresh.length;
    }
    await db.events.clear();
  }
  const { events } = await api['log.list']({ afterSeq: 0 });
  await putNew(db, events);
  return events.length;
}

/** Adds events, skipping ids already present (the same event is never stored twice). */
async function putNew(db: StyrelsebordetDb, events: readonly StoredEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.transaction('rw', db.events, async () => {
    const known = new Set((await db.events.where('id').anyOf(events.map((e) => e.id)).toArray()).map((r) => r.id));
    await db.events.bulkPut(events.filter((e) => !known.has(e.id)).map(({ seq, id, body, sig }) => ({ seq, id, body, sig })));
  });
}

/** Forgets the cached log (e.g. when this installation belongs to no förbund). */
export async function clearEvents(db: StyrelsebordetDb): Promise<void> {
  await db.events.clear();
}

/** Parses stored lines and folds them. Pure: what the hook memoises. */
export function deriveState(stored: readonly StoredEvent[], genesisId: string | undefined, assumeAccepted?: string): FederationState {
  const verified: VerifiedEvent[] = [];
  for (const s of stored) {
    const v = toVerified(s);
    if (v) verified.push(v);
  }
  return fold(verified, { ...(genesisId ? { genesisId } : {}), ...(assumeAccepted ? { assumeAccepted } : {}) });
}

/** One of my own changes the fold holds because my key is not yet accepted. */
export interface PendingChange {
  eventId: string;
  type: string;
  payload: unknown;
  at: string;
}

/** My held changes (signed by my key while it is pending), in log order. */
export function pendingMineOf(state: FederationState, stored: readonly StoredEvent[], myKey: string | undefined): PendingChange[] {
  if (!myKey) return [];
  const ids = new Set(state.held.filter((h) => h.fingerprint === myKey && h.keyStatus === 'pending').map((h) => h.eventId));
  if (ids.size === 0) return [];
  const out: PendingChange[] = [];
  for (const s of stored) {
    if (!ids.has(s.id)) continue;
    const v = toVerified(s);
    if (v) out.push({ eventId: v.id, type: v.body.type, payload: v.body.payload, at: v.body.at });
  }
  return out;
}
