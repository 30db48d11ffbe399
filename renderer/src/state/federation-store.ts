import { create } from 'zustand';
import type { Api, StateView } from '../../../shared/contract';
import { emptyState, type FederationState } from '../../../shared/domain/events';
import { keepEqual } from './keep-equal';

/**
 * The förbund as the main side's kept state says it is (`state.get`): the
 * renderer does not fold (issue #16). Pulled after every action and import;
 * the revision makes an unchanged state cost one small answer.
 */
interface FederationStore extends Omit<StateView, 'complete' | 'items'> {
  revision: string | null;
  /** True once the state has been read from the main side at least once. */
  ready: boolean;
  pull(api: Pick<Api, 'state.get'>): Promise<void>;
  /** This installation belongs to no förbund (any more). */
  clear(): void;
  /** The app locked: nothing of the förbund stays in the window's memory; read again after unlocking. */
  forget(): void;
}

const empty = (): Omit<StateView, 'complete' | 'items'> => ({ state: emptyState(), pending: [], eventCount: 0, eventsByKey: {} });

/**
 * A partial answer onto the state held: changed sections replace theirs; a
 * by-id section takes its changed items in place, or, when its ids changed,
 * is rebuilt in the order of its ids from its changed items and the items
 * held. Everything unchanged stays the same object, down to the parts of a
 * changed item (keep-equal.ts), so what depends on it need not be computed
 * or rendered again.
 */
function merged(held: FederationState, sections: Partial<FederationState>, items: NonNullable<StateView['items']>): FederationState {
  const next: Record<string, unknown> = { ...held, ...sections };
  for (const [section, { changed, ids }] of Object.entries(items)) {
    const before = (held as unknown as Record<string, Record<string, unknown>>)[section] ?? {};
    // A changed item keeps every part that did not change (a stance leaves the ansökan's versions as they were).
    const item = (id: string): unknown => (Object.hasOwn(changed, id) ? keepEqual(before[id], changed[id]) : before[id]);
    next[section] = ids ? Object.fromEntries(ids.map((id) => [id, item(id)])) : { ...before, ...Object.fromEntries(Object.keys(changed).map((id) => [id, item(id)])) };
  }
  return next as unknown as FederationState;
}

/**
 * Sections the renderer never changes, frozen so the domain's selectors may
 * keep what they derived from them (shared/domain/meetings/selectors.ts): a
 * frozen section object always has the same content, and a changed one
 * arrives as a new object.
 */
const FROZEN = ['meetings', 'delegationDecisions', 'delegationOrders'] as const;
function frozen(state: FederationState): FederationState {
  for (const section of FROZEN) if (state[section] && !Object.isFrozen(state[section])) Object.freeze(state[section]);
  return state;
}

/** The value held when the answer repeats it (small things, compared as JSON), so what watches it does not render again. */
function same<T>(held: T, next: T): T {
  return held === next || JSON.stringify(held) === JSON.stringify(next) ? held : next;
}

export const useFederationStore = create<FederationStore>((set, get) => ({
  ...empty(),
  revision: null,
  ready: false,
  pull: async (api) => {
    const { revision, view } = await api['state.get']({ since: get().revision });
    if (!view) return set({ ready: true });
    const { complete, state, items, pending, eventsByKey, eventCount } = view;
    const held = get();
    set({
      state: frozen(complete ? state : merged(held.state, state, items ?? {})),
      pending: same(held.pending, pending),
      eventsByKey: same(held.eventsByKey, eventsByKey),
      eventCount,
      revision,
      ready: true,
    });
  },
  clear: () => set({ ...empty(), revision: null, ready: true }),
  forget: () => set({ ...empty(), revision: null, ready: false }),
}));
