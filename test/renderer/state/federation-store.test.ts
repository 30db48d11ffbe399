import { beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../../shared/contract';
import { emptyState } from '../../../shared/domain/events';
import { useFederationStore } from '../../../renderer/src/state/federation-store';

type StateGet = Pick<Api, 'state.get'>;
const answer = (value: Awaited<ReturnType<Api['state.get']>>): StateGet => ({ 'state.get': async () => value });

describe('the renderer’s copy of the state', () => {
  beforeEach(() => useFederationStore.getState().forget());

  it('takes a complete answer whole, merges a partial one onto what it holds, and keeps what did not change as it was', async () => {
    const first = { ...emptyState(), organisations: { o: { id: 'o' } }, persons: { p: { id: 'p', name: 'Lena' }, q: { id: 'q', name: 'Olle' } }, insatsBudget: { '2026': 1 } } as never;
    await useFederationStore.getState().pull(answer({ revision: 'r1', view: { complete: true, state: first, pending: [], eventCount: 2, eventsByKey: { k: 2 } } }));
    const held = useFederationStore.getState().state;
    expect(useFederationStore.getState()).toMatchObject({ revision: 'r1', ready: true, eventCount: 2 });

    // A whole section (the budget), one changed item of a by-id section (Lena) and a new one (Maja), in the main side's order.
    const sections = { insatsBudget: { '2026': 2 } } as never;
    const items = { persons: { changed: { p: { id: 'p', name: 'Lena Lind' }, m: { id: 'm', name: 'Maja' } }, ids: ['p', 'q', 'm'] } };
    await useFederationStore.getState().pull(answer({ revision: 'r2', view: { complete: false, state: sections, items, pending: [], eventCount: 3, eventsByKey: { k: 3 } } }));
    const now = useFederationStore.getState();
    expect(now.revision).toBe('r2');
    expect(now.state.insatsBudget).toEqual({ '2026': 2 });
    expect(now.state.persons).toEqual({ p: { id: 'p', name: 'Lena Lind' }, q: { id: 'q', name: 'Olle' }, m: { id: 'm', name: 'Maja' } });
    expect(Object.keys(now.state.persons)).toEqual(['p', 'q', 'm']);
    expect(now.state.persons['q']).toBe(held.persons['q']);
    expect(now.state.organisations).toBe(held.organisations);
    expect(now.eventsByKey).toEqual({ k: 3 });

    // Unchanged: nothing moves.
    await useFederationStore.getState().pull(answer({ revision: 'r2', view: null }));
    expect(useFederationStore.getState().state).toBe(now.state);
  });

  it('asks with the revision it holds', async () => {
    const asked: (string | null)[] = [];
    const api: StateGet = { 'state.get': async ({ since }) => (asked.push(since), { revision: 'r9', view: null }) };
    await useFederationStore.getState().pull(api);
    useFederationStore.setState({ revision: 'r9' });
    await useFederationStore.getState().pull(api);
    expect(asked).toEqual([null, 'r9']);
  });
});
