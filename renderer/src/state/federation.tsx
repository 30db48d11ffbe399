import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { FederationState } from '../../../shared/domain/events';
import { emptyState } from '../../../shared/domain/events';
import { db } from '../db/database';
import { deriveState } from '../db/events';
import { useSession, useSessionStore } from './session-store';

/**
 * The förbund as the events say it is: one live query of the cached log and
 * one fold, shared by every screen through a context (fold never runs in a
 * render loop: it is memoised on the number of events and the genesis).
 */
export interface FederationView {
  state: FederationState;
  /** False until the log has been pulled from the main side and read once. */
  ready: boolean;
  /** The person this installation belongs to, if any. */
  me: string | null;
  eventCount: number;
}

const FederationContext = createContext<FederationView>({ state: emptyState(), ready: false, me: null, eventCount: 0 });

export function FederationProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const synced = useSessionStore((s) => s.eventsSynced);
  const genesisId = session?.forbund?.genesisId;
  const rows = useLiveQuery(() => db.events.orderBy('seq').toArray(), []);
  const count = rows?.length ?? -1;
  const lastSeq = rows?.at(-1)?.seq ?? 0;
  // rows is a new array on every change of the table; count + last seq say whether the log grew.
  const state = useMemo(
    () => (rows ? deriveState(rows, genesisId) : emptyState()),
    [count, lastSeq, genesisId],
  );
  const me = session?.device?.personId ?? null;
  const ready = rows !== undefined && synced;
  const value = useMemo(() => ({ state, ready, me, eventCount: Math.max(count, 0) }), [state, ready, me, count]);
  return <FederationContext.Provider value={value}>{children}</FederationContext.Provider>;
}

/** The derived state of the förbund, for any screen under FederationProvider. */
export const useFederation = (): FederationView => useContext(FederationContext);
