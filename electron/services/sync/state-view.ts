import type { StateView } from '../../../shared/contract';
import { fold, historyOf, pendingMineOf, type FederationState, type HistoryEntry } from '../../../shared/domain/events';
import { BY_ID_SECTIONS } from '../../../shared/domain/events/state';
import type { Touched } from '../../../shared/domain/events/kernel/touched';
import type { ChangeMark } from './materialised';
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
const byId = (section: string, value: unknown): value is Record<string, unknown> => BY_ID_SECTIONS.has(section) && typeof value === 'object' && value !== null && !Array.isArray(value);

/** `section\u0000` stands for a by-id section's list of ids, `section\u0000id` for one item, `section` for a section compared whole. */
const IDS = '\u0000';

export function createStateView(deps: { federation: FederationService; store: EventStore; genesisId(): string | undefined }): StateViewService {
  const { federation, store } = deps;
  /** Builds so far. */
  let builds = 0;
  let memo: { revision: string; build: number; full: Omit<StateView, 'complete'> } | null = null;
  /** What each part was as JSON when last compared. */
  const seenJson = new Map<string, string>();
  /** Per build (the last REMEMBERED + 1): the parts that differed from the build before. */
  const changedIn = new Map<number, string[]>();
  const seen = new Map<string, number>();
  /** Where the materialised state's changes were read up to (issue #16: compare only what an action touched). */
  let mark: ChangeMark | null = null;
  let previewShown = false;

  const revision = (): string => `${deps.genesisId() ?? '-'}:${store.lastSeq()}:${federation.identity()?.fingerprint ?? '-'}`;

  function withoutBulkyHistory(state: FederationState): FederationState {
    const keys = Object.keys(state.keys);
    return { ...state, history: Object.fromEntries(keys.flatMap((k) => (state.history[k] ? [[k, state.history[k]]] : []))) };
  }

  function build(): { full: Omit<StateView, 'complete'>; preview: boolean } {
    const real = federation.state();
    const myKey = federation.identity()?.fingerprint;
    const genesisId = deps.genesisId();
    // Proportional to the action, not the log: the counts and this laptop's own events are kept by the store.
    const base = { eventCount: store.lastSeq(), eventsByKey: store.countsByKey() };
    const pending = genesisId && myKey ? pendingMineOf(real, store.ofKey(myKey), myKey) : [];
    if (!genesisId || pending.length === 0 || !myKey) return { full: { ...base, state: withoutBulkyHistory(real), pending }, preview: false };
    const preview = fold(store.all(), { genesisId, assumeAccepted: myKey });
    return { full: { ...base, state: withoutBulkyHistory({ ...preview, held: real.held, refused: real.refused }), pending }, preview: true };
  }

  /**
   * Records, for `build`, the parts that differ from the last build, compared
   * as JSON (reducers change the state in place). With `touched` (what the
   * materialised state's steps reached since the last build) only those parts
   * are compared, so the cost is the action's; without, every item of every
   * section (the first build, after a fold, while a waiting key's preview shows).
   */
  function stamp(state: FederationState, build: number, touched: Touched | null): void {
    const changed: string[] = [];
    const mark = (key: string, value: unknown): void => {
      const json = JSON.stringify(value);
      if (json === undefined) {
        if (seenJson.delete(key)) changed.push(key);
        return;
      }
      if (seenJson.get(key) === json) return;
      seenJson.set(key, json);
      changed.push(key);
    };
    const all = state as unknown as Record<string, unknown>;
    const markIds = (section: string, items: Record<string, unknown>): void => {
      const before = seenJson.get(`${section}${IDS}`);
      mark(`${section}${IDS}`, Object.keys(items));
      // An item gone is forgotten, so one that comes back is sent again.
      if (before !== undefined && before !== seenJson.get(`${section}${IDS}`)) {
        for (const id of JSON.parse(before) as string[]) if (!Object.hasOwn(items, id)) seenJson.delete(`${section}${IDS}${id}`);
      }
    };
    const whole = (section: string): void => {
      const value = all[section];
      if (!byId(section, value)) return mark(section, value);
      markIds(section, value);
      for (const [id, item] of Object.entries(value)) mark(`${section}${IDS}${id}`, item);
    };
    if (!touched) {
      for (const section of Object.keys(all)) whole(section);
    } else {
      for (const section of touched.sections) whole(section);
      // The view's audit trails are the keys' own: a key added or gone changes their list.
      const ids = new Set(touched.ids);
      if (ids.has('keys') || touched.sections.has('keys')) ids.add('history');
      for (const section of ids) {
        const value = all[section];
        if (!touched.sections.has(section) && byId(section, value)) markIds(section, value);
      }
      for (const key of touched.items) {
        const at = key.indexOf(IDS);
        const section = key.slice(0, at);
        const value = all[section];
        if (!touched.sections.has(section) && byId(section, value)) mark(key, Object.hasOwn(value, key.slice(at + 1)) ? value[key.slice(at + 1)] : undefined);
      }
    }
    changedIn.set(build, changed);
    changedIn.delete(build - REMEMBERED - 1);
  }

  /** What changed after build `known`: whole sections, and per by-id section its changed items (and its ids when they changed). */
  function changedSince(full: FederationState, known: number): Pick<StateView, 'state' | 'items'> {
    const all = full as unknown as Record<string, unknown>;
    const state: Record<string, unknown> = {};
    const items: NonNullable<StateView['items']> = {};
    for (const [build, keys] of changedIn) {
      if (build <= known) continue;
      for (const key of keys) {
        const at = key.indexOf(IDS);
        if (at < 0) {
          if (Object.hasOwn(all, key)) state[key] = all[key];
          continue;
        }
        const section = key.slice(0, at);
        const value = all[section];
        if (!byId(section, value)) continue;
        const entry = (items[section] ??= { changed: {} });
        const id = key.slice(at + 1);
        if (id === '') entry.ids = Object.keys(value);
        else if (Object.hasOwn(value, id)) entry.changed[id] = value[id];
      }
    }
    return { state: state as Partial<FederationState> as FederationState, items };
  }

  return {
    get(since) {
      const r = revision();
      if (since === r) return { revision: r, view: null };
      if (memo?.revision !== r) {
        const { full, preview } = build();
        const changes = federation.materialised.changesSince(mark);
        mark = changes.mark;
        builds += 1;
        // A preview is a fold of its own: compared whole, as is the first real state after one.
        stamp(full.state, builds, preview || previewShown ? null : changes.touched);
        previewShown = preview;
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
