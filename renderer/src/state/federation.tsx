import { useMemo, useRef, type ReactNode } from 'react';
import type { FederationState, PendingChange } from '../../../shared/domain/events';
import { useFederationStore } from './federation-store';
import { keepEqual } from './keep-equal';
import { useSessionStore } from './session-store';

export type { PendingChange } from '../../../shared/domain/events';

/**
 * The förbund as the main side's kept state says it is (federation-store.ts),
 * read by every screen from that store. The renderer never folds.
 *
 * While this laptop's key waits for the förbundschef, its own changes are held
 * by the fold. The owner must still see them where they belong, so `state` is
 * then the preview in which this laptop's pending key counts, and `pending`
 * lists those held changes so each screen can mark them "Väntar på att
 * förbundschefen godkänner din nyckel". `state.held` and `state.refused` stay
 * those of the real fold, so Översikt keeps telling the truth about what is
 * held. (Both made on the main side: electron/services/sync/state-view.ts.)
 */
export interface FederationView {
  state: FederationState;
  /** False until the state has been read from the main side once. */
  ready: boolean;
  /** The person this installation belongs to, if any. */
  me: string | null;
  eventCount: number;
  /** My own changes held because my key is not yet accepted (empty once it is). */
  pending: readonly PendingChange[];
}

/**
 * Where the förbund's screens begin (App.tsx). The state itself is not passed
 * through a React context: every change of a context value makes React walk
 * the whole tree below for its readers (50 ms on a ten-year state, issue #16);
 * each reader subscribes to the store instead.
 */
export function FederationProvider({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

/**
 * The derived state of the förbund, for any screen.
 * A component that calls it renders again on every change of the state;
 * one that needs only part of it uses `useFederationSelector` instead.
 */
export function useFederation(): FederationView {
  const state = useFederationStore((s) => s.state);
  const pending = useFederationStore((s) => s.pending);
  const eventCount = useFederationStore((s) => s.eventCount);
  const ready = useFederationStore((s) => s.ready);
  const me = useMe();
  return useMemo(() => ({ state, ready, me, eventCount, pending }), [state, ready, me, eventCount, pending]);
}

/**
 * One slice of the state, e.g. `useFederationSelector((s) => s.applications[id])`:
 * the component renders again only when that slice changes (compared with
 * `Object.is`). The store's merge keeps every unchanged section and item the
 * same object (federation-store.ts), so a stance on one ansökan leaves a
 * component watching another one alone. The selector must return something
 * held in the state or a primitive, not a new object or array per call
 * (derive those with useMemo from the slices).
 */
export function useFederationSelector<T>(select: (state: FederationState) => T): T {
  return useFederationStore((s) => select(s.state));
}

/**
 * Something worked out from the state (a ledger, an outcome, names), e.g.
 * `useFederationDerived((s) => applicationOutcome(s, id), [id])`: worked out
 * again on every change of the state, but the component renders again only
 * when the result differs (deep-compared; an equal result is the one held,
 * keep-equal.ts). `deps`: what the function uses besides the state, as for useMemo.
 */
export function useFederationDerived<T>(derive: (state: FederationState) => T, deps: readonly unknown[]): T {
  const held = useRef<{ state: FederationState; deps: readonly unknown[]; value: T } | null>(null);
  return useFederationStore((s) => {
    const last = held.current;
    const sameDeps = last !== null && last.deps.length === deps.length && last.deps.every((d, i) => Object.is(d, deps[i]));
    if (last && sameDeps && last.state === s.state) return last.value;
    const next = derive(s.state);
    const value = last ? keepEqual(last.value, next) : next;
    held.current = { state: s.state, deps, value };
    return value;
  });
}

/** The state as it is now, for an event handler (the heads a new event names): read when called, not watched. */
export const federationNow = (): FederationState => useFederationStore.getState().state;

/** Whether the state has been read from the main side once, without watching the state itself. */
export const useFederationReady = (): boolean => useFederationStore((s) => s.ready);

/** My own changes held while my key waits (the same array until it changes). */
export const usePendingChanges = (): readonly PendingChange[] => useFederationStore((s) => s.pending);

/** The person this installation belongs to, if any. */
export const useMe = (): string | null => useSessionStore((s) => s.session?.device?.personId ?? null);

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
