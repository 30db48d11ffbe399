import { create } from 'zustand';
import type { Api, StateView } from '../../../shared/contract';
import { emptyState } from '../../../shared/domain/events';

/**
 * The förbund as the main side's kept state says it is (`state.get`): the
 * renderer does not fold (issue #16). Pulled after every action and import;
 * the revision makes an unchanged state cost one small answer.
 */
interface FederationStore extends StateView {
  revision: string | null;
  /** True once the state has been read from the main side at least once. */
  ready: boolean;
  pull(api: Pick<Api, 'state.get'>): Promise<void>;
  /** This installation belongs to no förbund (any more). */
  clear(): void;
  /** The app locked: nothing of the förbund stays in the window's memory; read again after unlocking. */
  forget(): void;
}

const empty = (): StateView => ({ state: emptyState(), pending: [], eventCount: 0, eventsByKey: {} });

export const useFederationStore = create<FederationStore>((set, get) => ({
  ...empty(),
  revision: null,
  ready: false,
  pull: async (api) => {
    const { revision, view } = await api['state.get']({ since: get().revision });
    set(view ? { ...view, revision, ready: true } : { ready: true });
  },
  clear: () => set({ ...empty(), revision: null, ready: true }),
  forget: () => set({ ...empty(), revision: null, ready: false }),
}));
