import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { FederationState } from '../../../shared/domain/events';
import { emptyState } from '../../../shared/domain/events';
import { db } from '../db/database';
import { deriveState, pendingMineOf, type PendingChange } from '../db/events';
import { useSession, useSessionStore } from './session-store';

/**
 * The förbund as the events say it is: one live query of the cached log and
 * one fold, shared by every screen through a context (fold never runs in a
 * render loop: it is memoised on the number of events and the genesis).
 *
 * While this laptop's key waits for the förbundschef, its own changes are held
 * by the fold. The owner must still see them where they belong, so `state` is
 * then the preview in which this laptop's pending key counts (fold's
 * `assumeAccepted`), and `pending` lists those held changes so each screen can
 * mark them "Väntar på att förbundschefen godkänner din nyckel". `state.held`
 * and `state.refused` stay those of the real fold, so Översikt keeps telling
 * the truth about what is held.
 */
export interface FederationView {
  state: FederationState;
  /** False until the log has been pulled from the main side and read once. */
  ready: boolean;
  /** The person this installation belongs to, if any. */
  me: string | null;
  eventCount: number;
  /** My own changes held because my key is not yet accepted (empty once it is). */
  pending: readonly PendingChange[];
}

const FederationContext = createContext<FederationView>({ state: emptyState(), ready: false, me: null, eventCount: 0, pending: [] });

export function FederationProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const synced = useSessionStore((s) => s.eventsSynced);
  const genesisId = session?.forbund?.genesisId;
  const myKey = session?.device?.fingerprint;
  const rows = useLiveQuery(() => db.events.orderBy('seq').toArray(), []);
  const count = rows?.length ?? -1;
  const lastSeq = rows?.at(-1)?.seq ?? 0;
  // rows is a new array on every change of the table; count + last seq say whether the log grew.
  const { state, pending } = useMemo(() => {
    if (!rows) return { state: emptyState(), pending: [] };
    const real = deriveState(rows, genesisId);
    const pending = pendingMineOf(real, rows, myKey);
    if (pending.length === 0 || !myKey) return { state: real, pending };
    const preview = deriveState(rows, genesisId, myKey);
    return { state: { ...preview, held: real.held, refused: real.refused }, pending };
  }, [count, lastSeq, genesisId, myKey]);
  const me = session?.device?.personId ?? null;
  const ready = rows !== undefined && synced;
  const value = useMemo(() => ({ state, ready, me, eventCount: Math.max(count, 0), pending }), [state, ready, me, count, pending]);
  return <FederationContext.Provider value={value}>{children}</FederationContext.Provider>;
}

/** The derived state of the förbund, for any screen under FederationProvider. */
export const useFederation = (): FederationView => useContext(FederationContext);

/** The words every screen uses for a change of mine that waits for my key. */
export const PENDING_TEXT = 'Väntar på att förbundschefen godkänner din nyckel – följer med nästa paket';

/**
 * Whether one of my held changes matches: its type (or a type prefix ending
 * in '.') and, when given, a payload field's value. E.g.
 * isPending(pending, 'stance.set', { applicationId }).
 */
export function isPending(pending: readonly PendingChange[], type: string, where: Record<string, unknown> = {}): boolean {
  return pending.some(
    (p) =>
      (type.endsWith('.') ? p.type.startsWith(type) : p.type === type) &&
      Object.entries(where).every(([k, v]) => (p.payload as Record<string, unknown>)[k] === v),
  );
}
