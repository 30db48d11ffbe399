import type { VerifiedEvent } from '../log/signed-event';
import type { FederationState } from './state';

/**
 * While this laptop's key waits for the förbundschef, the fold holds its
 * owner's changes. The owner must still see them where they belong; these
 * are they, for the screens to mark "Väntar på att förbundschefen godkänner
 * din nyckel".
 */
export interface PendingChange {
  eventId: string;
  type: string;
  payload: unknown;
  at: string;
}

/** My held changes (signed by my key while it is pending), in log order. */
export function pendingMineOf(state: FederationState, events: readonly VerifiedEvent[], myKey: string | undefined): PendingChange[] {
  if (!myKey) return [];
  const ids = new Set(state.held.filter((h) => h.fingerprint === myKey && h.keyStatus === 'pending').map((h) => h.eventId));
  if (ids.size === 0) return [];
  return events.filter((e) => ids.has(e.id)).map((e) => ({ eventId: e.id, type: e.body.type, payload: e.body.payload, at: e.body.at }));
}
