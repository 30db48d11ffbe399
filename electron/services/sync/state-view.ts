import type { StateView } from '../../../shared/contract';
import { fold, historyOf, pendingMineOf, type FederationState, type HistoryEntry } from '../../../shared/domain/events';
import type { EventStore } from '../log/event-store';
import type { FederationService } from './federation';

/**
 * What the renderer reads instead of folding a copy of the log (issue #16):
 * the kept state, served by revision so an unchanged state costs nothing to
 * ask for. The audit trails (85 % of the state's size) stay here and come one
 * item at a time (`history`), except the keys' own, which are small and which
 * Översikt shows beside each waiting key.
 *
 * While this laptop's key waits for the förbundschef, the state shown is the
 * preview in which that key counts (fold's `assumeAccepted`), so the owner's
 * own changes show where they belong; `held` and `refused` stay the real
 * ones. That preview is one full fold, made once per revision and only while
 * there are held changes of this laptop.
 */
export interface StateViewService {
  get(since: string | null): { revision: string; view: StateView | null };
  history(subjectId: string): HistoryEntry[];
}

export function createStateView(deps: { federation: FederationService; store: EventStore; genesisId(): string | undefined }): StateViewService {
  const { federation, store } = deps;
  let memo: { revision: string; view: StateView } | null = null;

  const revision = (): string => `${deps.genesisId() ?? '-'}:${store.lastSeq()}:${federation.identity()?.fingerprint ?? '-'}`;

  function withoutBulkyHistory(state: FederationState): FederationState {
    const keys = Object.keys(state.keys);
    return { ...state, history: Object.fromEntries(keys.flatMap((k) => (state.history[k] ? [[k, state.history[k]]] : []))) };
  }

  function build(): StateView {
    const real = federation.state();
    const myKey = federation.identity()?.fingerprint;
    const genesisId = deps.genesisId();
    const events = store.all();
    const eventsByKey: Record<string, number> = {};
    for (const e of events) eventsByKey[e.body.key] = (eventsByKey[e.body.key] ?? 0) + 1;
    const base = { eventCount: store.lastSeq(), eventsByKey };
    const pending = genesisId ? pendingMineOf(real, events, myKey) : [];
    if (!genesisId || pending.length === 0 || !myKey) return { ...base, state: withoutBulkyHistory(real), pending };
    const preview = fold(events, { genesisId, assumeAccepted: myKey });
    return { ...base, state: withoutBulkyHistory({ ...preview, held: real.held, refused: real.refused }), pending };
  }

  return {
    get(since) {
      const r = revision();
      if (since === r) return { revision: r, view: null };
      if (memo?.revision !== r) memo = { revision: r, view: build() };
      return { revision: r, view: memo.view };
    },
    history: (subjectId) => historyOf(federation.state(), subjectId),
  };
}
