import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Api, StateView } from '../../../shared/contract';
import { emptyState, type FederationState } from '../../../shared/domain/events';
import { useFederationSelector, usePendingChanges } from '../../../renderer/src/state/federation';
import { useFederationStore } from '../../../renderer/src/state/federation-store';
import { decisionsOf } from '../../../shared/domain/meetings';

/**
 * Issue #16: a change to one item must not make every mounted component render
 * again. The store keeps what did not change as the same object, and a
 * component that watches one item renders only when that item changes.
 */

type Answer = Awaited<ReturnType<Api['state.get']>>;
const pull = (value: Answer) => act(() => useFederationStore.getState().pull({ 'state.get': async () => value }));
const app = (id: string, stance: string) => ({ id, versions: [{ name: `Ansökan ${id}` }], current: 1, stances: { m: { stance } } });
const base = { ...emptyState(), applications: { a: app('a', 'approve'), b: app('b', 'approve') } } as unknown as FederationState;
const view = (over: Partial<StateView>): StateView => ({ complete: false, state: {} as FederationState, pending: [], eventCount: 2, eventsByKey: { k: 2 }, ...over });

const renders: Record<string, number> = {};
function Watcher({ id }: { id: string }) {
  const item = useFederationSelector((s) => s.applications[id]) as unknown as ReturnType<typeof app> | undefined;
  renders[id] = (renders[id] ?? 0) + 1;
  return <p data-testid={id}>{item?.stances['m']?.stance ?? '–'}</p>;
}
function PendingWatcher() {
  usePendingChanges();
  renders['pending'] = (renders['pending'] ?? 0) + 1;
  return null;
}

describe('components watch slices of the state', () => {
  beforeEach(() => {
    useFederationStore.getState().forget();
    for (const k of Object.keys(renders)) delete renders[k];
  });

  it('a component watching one ansökan does not render again when another changes, and does when its own does', async () => {
    await pull({ revision: 'r1', view: view({ complete: true, state: base }) });
    render(
      <>
        <Watcher id="a" />
        <Watcher id="b" />
        <PendingWatcher />
      </>,
    );
    expect(renders).toEqual({ a: 1, b: 1, pending: 1 });
    const heldA = useFederationStore.getState().state.applications['a'];

    // A stance on b: only b is sent (state-view.ts), everything else is what the renderer holds.
    await pull({ revision: 'r2', view: view({ items: { applications: { changed: { b: app('b', 'reject') }, ids: ['a', 'b'] } }, eventCount: 3, eventsByKey: { k: 3 } }) });
    expect(screen.getByTestId('b').textContent).toBe('reject');
    expect(useFederationStore.getState().state.applications['a']).toBe(heldA);
    expect(renders).toEqual({ a: 1, b: 2, pending: 1 });

    // Then a stance on a.
    await pull({ revision: 'r3', view: view({ items: { applications: { changed: { a: app('a', 'reject') }, ids: ['a', 'b'] } }, eventCount: 4, eventsByKey: { k: 4 } }) });
    expect(screen.getByTestId('a').textContent).toBe('reject');
    expect(renders).toEqual({ a: 2, b: 2, pending: 1 });
  });

  it('keeps the same pending list and key counts when an answer repeats them, so nothing watching them renders again', async () => {
    await pull({ revision: 'r1', view: view({ complete: true, state: base, pending: [{ eventId: 'e', type: 'stance.set', payload: {}, at: '2026-01-01T00:00:00Z' }] }) });
    const before = useFederationStore.getState();
    await pull({ revision: 'r2', view: view({ items: { applications: { changed: { a: app('a', 'reject') }, ids: ['a', 'b'] } }, pending: [{ eventId: 'e', type: 'stance.set', payload: {}, at: '2026-01-01T00:00:00Z' }] }) });
    const after = useFederationStore.getState();
    expect(after.pending).toBe(before.pending);
    expect(after.eventsByKey).toBe(before.eventsByKey);
    expect(after.state.applications['b']).toBe(before.state.applications['b']);
    expect(after.state.meetings).toBe(before.state.meetings);
  });

  it('derives the decisions of every meeting once per meetings section it holds, and again when a meeting changes', async () => {
    const meeting = (id: string, decided: string[]) => ({
      id, date: '2026-03-10', startTime: '13:00', numberedFrom: 1, firstParagraph: null, drafts: [], locked: null, lockedParagraphs: {},
      agenda: decided.map((item) => ({ id: item, title: `Ärende ${item}`, kind: 'other', applicationId: null })),
      records: Object.fromEntries(decided.map((item) => [item, { decision: { outcome: 'approve', text: 'Bifall' } }])),
    });
    const withMeetings = { ...base, meetings: { m1: meeting('m1', ['i1']), m2: meeting('m2', ['i2']) } } as unknown as FederationState;
    await pull({ revision: 'r1', view: view({ complete: true, state: withMeetings }) });
    const held = useFederationStore.getState().state;
    expect(decisionsOf(held).map((d) => d.itemId)).toEqual(['i1', 'i2']);
    expect(decisionsOf(held)).toBe(decisionsOf(held));

    // A stance elsewhere keeps the meetings, and what was derived from them.
    const first = decisionsOf(held);
    await pull({ revision: 'r2', view: view({ items: { applications: { changed: { b: app('b', 'reject') }, ids: ['a', 'b'] } } }) });
    expect(decisionsOf(useFederationStore.getState().state)).toBe(first);

    // A decision recorded in m2 arrives as a new meetings section: derived again.
    await pull({ revision: 'r3', view: view({ items: { meetings: { changed: { m2: meeting('m2', ['i2', 'i3']) }, ids: ['m1', 'm2'] } } }) });
    expect(decisionsOf(useFederationStore.getState().state).map((d) => d.itemId)).toEqual(['i1', 'i2', 'i3']);

    // The main side changes its state in place and never freezes it: never a kept answer there.
    const live = { ...base, meetings: { m1: meeting('m1', ['i1']) } } as unknown as FederationState;
    expect(decisionsOf(live)).toHaveLength(1);
    (live.meetings as Record<string, unknown>)['m2'] = meeting('m2', ['i2']);
    expect(decisionsOf(live)).toHaveLength(2);
  });
});
