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

/** How many past revisions are remembered for sending only what changed since them. */
const REMEMBERED = 16;

/** Sections keyed by id: what changed in them travels item by item (a stance sends its ansökan, not all of them). */
const BY_ID = new Set(['applications', 'documents', 'meetings', 'organisations', 'persons', 'keys', 'history', 'delegationOrders', 'delegationDecisions', 'ties', 'sharedNotes']);
const byId = (section: string, value: unknown): value is Record<string, unknown> => BY_ID.has(section) && typeof value === 'object' && value !== null && !Array.isArray(value);

export function createStateView(deps: { federation: FederationService; store: EventStore; genesisId(): string | undefined }): StateViewService {
  const { federation, store } = deps;
  /** Builds so far; a section's stamp is the build that last changed it. */
  let builds = 0;
  let memo: { revision: string; build: number; full: Omit<StateView, 'complete'> } | null = null;
  const seenJson = new Map<string, string>();
  const stamps = new Map<string, number>();
  const seen = new Map<string, number>();

  const revision = (): string => `${deps.genesisId() ?? '-'}:${store.lastSeq()}:${federation.identity()?.fingerprint ?? '-'}`;

  function withoutBulkyHistory(state: FederationState): FederationState {
    const keys = Object.keys(state.keys);
    return { ...state, history: Object.fromEntries(keys.flatMap((k) => (state.history[k] ? [[k, state.history[k]]] : []))) };
  }

  function build(): Omit<StateView, 'complete'> {
    const real = federation.state();
    const myKey = federation.identity()?.fingerprint;
    const genesisId = deps.genesisId();
    // Proportional to the action, not the log: the counts and this laptop's own events are kept by the store.
    const base = { eventCount: store.lastSeq(), eventsByKey: store.countsByKey() };
    const pending = genesisId && myKey ? pendingMineOf(real, store.ofKey(myKey), myKey) : [];
    if (!genesisId || pending.length === 0 || !myKey) return { ...base, state: withoutBulkyHistory(real), pending };
    const preview = fold(store.all(), { genesisId, assumeAccepted: myKey });
    return { ...base, state: withoutBulkyHistory({ ...preview, held: real.held, refused: real.refused }), pending };
  }

  /**
   * Stamps what differs from the last build, compared as JSON (reducers change
   * the state in place): each item of a by-id section, its list of ids, and
   * each other section whole.
   */
  function stamp(state: FederationState, build: number): void {
    const mark = (key: string, value: unknown) => {
      const json = JSON.stringify(value);
      if (json === undefined || seenJson.get(key) === json) return;
      seenJson.set(key, json);
      stamps.set(key, build);
    };
    for (const [section, value] of Object.entries(state) as [string, unknown][]) {
      if (!byId(section, value)) {
        mark(section, value);
        continue;
      }
      const items = value;
      mark(`${section}\u0000`, Object.keys(items));
      for (const [id, item] of Object.entries(items)) mark(`${section}\u0000${id}`, item);
    }
  }

  /** What changed after build `known`: whole sections, and per by-id section its changed items and all its ids. */
  function changedSince(full: FederationState, known: number): Pick<StateView, 'state' | 'items'> {
    const after = (key: string) => (stamps.get(key) ?? 0) > known;
    const state: Record<string, unknown> = {};
    const items: NonNullable<StateView['items']> = {};
    for (const [section, value] of Object.entries(full) as [string, unknown][]) {
      if (!byId(section, value)) {
        if (after(section)) state[section] = value;
        continue;
      }
      const all = value;
      const changed = Object.fromEntries(Object.entries(all).filter(([id]) => after(`${section}\u0000${id}`)));
      if (Object.keys(changed).length > 0 || after(`${section}\u0000`)) items[section] = { changed, ids: Object.keys(all) };
    }
    return { state: state as Partial<FederationState> as FederationState, items };
  }

  return {
    get(since) {
      const r = revision();
      if (since === r) return { revision: r, view: null };
      if (memo?.revision !== r) {
        const full = build();
        builds += 1;
        stamp(full.state, builds);
        memo = { revision: r, build: builds, full };
        seen.set(r, builds);
        if (seen.size > REMEMBERED) seen.delete(seen.keys().next().value!);
      }
      const known = since === null ? undefined : seen.get(since);
      // Only what changed since the revision the renderer holds; everything when that one is forgotten.
      if (known === undefined || known >= memo.build) return { revision: r, view: { ...memo.full, complete: true } };
      return { revision: r, view: { ...memo.full, ...changedSince(memo.full.state, known), complete: false } };
    },
    history: (subjectId) => historyOf(federation.state(), subjectId),
  };
}
