import { compareEvents, type VerifiedEvent } from '../log/signed-event';
import { authorize } from './authority';
import { CATALOGUE, parsePayload } from './catalogue';
import { sortedUnique } from './event-set';
import { directoryOf, directorySignature, gate, type KeyDirectory } from './keys';
import { reduce } from './reducers';
import { emptyState, isDirector, type Cutoff, type FederationState } from './state';
import { newWorking } from './versioning';
import { inPast, isLegacy, MISSING_PAST, pastOf, placement, type Past } from './causal';
import { setAuthorityDate } from './authority-date';
import { swedishDate } from '../format';
import { cutoffsOf, idsInDraft, meetingOf, roleSnapshot } from './cutoffs';
import { subjectOf, type Parsed } from './catalogue';

/**
 * fold: events → state. Deterministic: dedupe by id, sort by compareEvents,
 * apply one by one (parse → key gate → authority → reducer). The result
 * depends only on the set of events, so laptops that hold the same events
 * show the same state, whatever order the packages came in.
 *
 * Held keys and the order of acceptance
 * -------------------------------------
 * An event signed by a key that is not yet accepted is held. Once the key is
 * accepted — by an event anywhere in the order — its events must apply at
 * their own place in the order, whether the acceptance sorts before or after
 * them. So key status cannot be read "as of that point"; we need the final
 * statuses first. But who may accept a key (the förbundschef) depends on the
 * roster, which may itself depend on events from keys accepted later.
 *
 * Our choice: a fixpoint. Fold with a directory of key statuses (owner +
 * pending/accepted/rejected) judged position-independently; read the final
 * statuses from the result; fold again with those; stop when the statuses
 * that came out equal those that went in. The first round knows no key but
 * the genesis key, so each round admits one more "generation" of keys (keys
 * accepted by people whose own key was accepted the round before). At the
 * fixpoint the state is self-consistent: every applied event's key is
 * accepted by a valid acceptance in that same state, and every held event's
 * key is still pending or unknown.
 *
 * Limits: (1) Each round is a full fold, so a set-up with k generations of
 * keys costs k+1 folds (typically 2–3; the later, high-volume meeting events
 * do not add rounds). (2) A fixpoint may not exist: e.g. a held event that
 * takes the director role away from the very person who later accepted its
 * key (applying it invalidates its own acceptance). Then the rounds cycle; we
 * detect that and fall back to strict order — a key counts only from the
 * point its acceptance sorts in — and refuse the events that strict order
 * cannot place, with a reason that says so. This is deterministic too, and
 * only an adversarial or very confused history reaches it.
 */

export interface FoldOptions {
  /**
   * The id of the genesis event this laptop trusts (pinned at set-up or from
   * the invitation package). Without it the first valid `federation.created`
   * in the order wins — which anyone can forge with a low Lamport clock, so
   * the main side should always pin it once known.
   */
  genesisId?: string;
  /**
   * A preview for the owner of a key that waits for the förbundschef: the key
   * with this fingerprint counts as accepted while it is pending, so the
   * owner sees their own held changes where they belong. Never used for what
   * is sent or signed, only for what this laptop shows (marked as waiting).
   */
  assumeAccepted?: string;
}

const REFUSED_PARADOX =
  'Händelsen signerades med en nyckel som godkändes först senare, och ordningen gör att godkännandet ' +
  'inte kan gälla om händelsen tillämpas. Den kan inte tillämpas utan motsägelse.';
const REFUSED_REJECTED_KEY = 'Nyckeln som signerade händelsen har avvisats av förbundschefen.';

export function fold(events: readonly VerifiedEvent[], options: FoldOptions = {}): FederationState {
  const sorted = sortedUnique(events);
  const genesis = findGenesis(sorted, options.genesisId);
  // Payloads are parsed once; every round reuses the result.
  const parsed = new Map(sorted.map((e) => [e.id, parsePayload(e.body)]));
  const ctx: Context = { sorted, payloads: parsed, genesis, byId: new Map(sorted.map((e) => [e.id, e])), pasts: new Map() };
  const keyCount = new Set(sorted.filter((e) => e.body.type === 'key.registered').map((e) => e.body.key)).size;
  const assume = options.assumeAccepted;
  const preview = (d: KeyDirectory): KeyDirectory => {
    const entry = assume === undefined ? undefined : d[assume];
    return assume !== undefined && entry?.status === 'pending' ? { ...d, [assume]: { ...entry, status: 'accepted' } } : d;
  };
  const cutCount = sorted.filter((e) => e.body.type === 'person.updated' || e.body.type === 'key.revoked' || e.body.type === 'protokoll.drafted').length;
  // The genesis key is accepted by definition: starting from it saves the round that would only learn that.
  let directory: KeyDirectory = {};
  const g = genesis ? parsed.get(genesis.id) : undefined;
  if (g?.ok && g.type === 'federation.created') directory = { [g.payload.directorKey.fingerprint]: { personId: g.payload.director.id, status: 'accepted' } };
  // Locks start optimistic: every protokoll draft counts as a lock in the first round, so an edit it had not
  // seen cannot refuse it (the draft would then never apply, and never lock); later rounds keep the drafts that applied.
  const lockCandidates = sorted.flatMap((e): Cutoff[] => {
    const p = parsed.get(e.id);
    return p?.ok && p.type === 'protokoll.drafted' ? [{ eventId: e.id, kind: 'lock', subject: p.payload.meetingId, by: e.body.author }] : [];
  });
  // A draft stays a lock while it is not refused (a draft held for its key may still apply in a later round).
  const nextCutoffs = (state: FederationState): Cutoff[] => {
    const refused = new Set(state.refused.map((r) => r.eventId));
    return [...state.cutoffs.filter((c) => c.kind !== 'lock'), ...lockCandidates.filter((c) => !refused.has(c.eventId))];
  };
  let cutoffs: Cutoff[] = lockCandidates;
  const sig = (d: KeyDirectory, c: readonly Cutoff[]) => `${directorySignature(d)}#${c.map((x) => `${x.kind}:${x.subject}:${x.eventId}`).join('|')}`;
  const tried = new Set<string>([sig(directory, cutoffs)]);
  for (let round = 0; round <= keyCount + cutCount + 2; round++) {
    const state = run(ctx, directory, cutoffs);
    const next = preview(directoryOf(state));
    const signature = sig(next, nextCutoffs(state));
    if (signature === sig(directory, cutoffs)) return state;
    if (tried.has(signature)) break; // a cycle: no fixpoint
    tried.add(signature);
    directory = next;
    cutoffs = nextCutoffs(state);
  }
  return strictFold(ctx, cutoffs);
}

interface Context {
  sorted: readonly VerifiedEvent[];
  payloads: ParsedPayloads;
  genesis: VerifiedEvent | null;
  byId: ReadonlyMap<string, VerifiedEvent>;
  /** Causal pasts of cut-off events, computed once per fold. */
  pasts: Map<string, Past>;
  /** Ids mentioned by each protokoll draft that is a lock cut-off. */
  draftIds?: Map<string, Set<string>>;
}

function pastFor(ctx: Context, root: VerifiedEvent): Past {
  let past = ctx.pasts.get(root.id);
  if (!past) ctx.pasts.set(root.id, (past = pastOf(root, ctx.byId)));
  return past;
}

/**
 * A lock (a protokoll draft) that refuses this event: the event changes that
 * meeting or something the draft shows, sorts before the draft and the
 * draft's author had not seen it. Feedback and attestations have their own
 * rules (they name a version) and are not touched here.
 */
function lockedBy(ctx: Context, locks: readonly Cutoff[], e: VerifiedEvent, parsed: Parsed): Cutoff | null {
  if (locks.length === 0 || parsed.type.startsWith('protokoll.')) return null;
  const meeting = meetingOf(parsed);
  const subject = subjectOf(e.body, parsed).id;
  for (const c of locks) {
    const root = ctx.byId.get(c.eventId);
    if (!root || compareEvents(e, root) > 0) continue;
    ctx.draftIds ??= new Map();
    let ids = ctx.draftIds.get(c.eventId);
    if (!ids) ctx.draftIds.set(c.eventId, (ids = idsInDraft(root)));
    if (meeting !== c.subject && !ids.has(subject)) continue;
    if (!inPast(pastFor(ctx, root), e)) return c;
  }
  return null;
}

const CUT_REASON: Record<Cutoff['kind'], string> = {
  key: 'Nyckeln har spärrats; bara händelser som hade kommit fram när den spärrades gäller.',
  director: 'Författarens roll som förbundschef hade upphört, och händelsen fanns inte med bland dem som gällde när rollen upphörde.',
  board: 'Författarens styrelseuppdrag hade ändrats eller upphört, och händelsen fanns inte med bland dem som gällde när det ändrades.',
  lock: 'Ändringen gäller inte: protokollet hade redan skickats för justering när den gjordes. Gör ändringen i nästa protokoll.',
};

/** The cut-offs that refuse this event, if any: it is not in the cut-off event's causal past (for a role: and sorts before it). */
function cutBy(ctx: Context, index: ReadonlyMap<string, Cutoff[]>, e: VerifiedEvent): Cutoff | null {
  for (const subject of [e.body.key, e.body.author]) {
    for (const c of index.get(subject) ?? []) {
      if (c.eventId === e.id) continue;
      const root = ctx.byId.get(c.eventId);
      if (!root) continue;
      if (c.kind !== 'key' && (subject !== e.body.author || compareEvents(e, root) > 0)) continue;
      if (c.kind === 'key' && subject !== e.body.key) continue;
      if (!inPast(pastFor(ctx, root), e)) return c;
    }
  }
  return null;
}

/** The genesis: the pinned one, or the first self-consistent `federation.created` in the order. */
export function findGenesis(sorted: readonly VerifiedEvent[], genesisId?: string): VerifiedEvent | null {
  for (const e of sorted) {
    if (e.body.type !== 'federation.created') continue;
    if (genesisId !== undefined) {
      if (e.id === genesisId) return e;
      continue;
    }
    const p = parsePayload(e.body);
    if (p.ok && p.type === 'federation.created' && e.body.author === p.payload.director.id && e.body.key === p.payload.directorKey.fingerprint) return e;
  }
  return null;
}

type ParsedPayloads = ReadonlyMap<string, ReturnType<typeof parsePayload>>;

function run(ctx: Context, directory: KeyDirectory | null, cutoffs: readonly Cutoff[]): FederationState {
  const { sorted, payloads, genesis } = ctx;
  const w = newWorking(emptyState());
  const { state } = w;
  const index = new Map<string, Cutoff[]>();
  for (const c of cutoffs) if (c.kind !== 'lock') index.set(c.subject, [...(index.get(c.subject) ?? []), c]);
  const locks = cutoffs.filter((c) => c.kind === 'lock');
  /** Events that could not take their place (their past is missing or their clock is wrong). */
  const unplaced = new Set<string>();
  /** Per placed event: the latest date the förbundschef or secretary had recorded in its causal past. */
  const recorded = new Map<string, string>();
  let legacyRecorded = '';
  for (const e of sorted) {
    const b = e.body;
    const refuse = (reason: string): void => {
      state.refused.push({ eventId: e.id, type: b.type, author: b.author, at: b.at, lamport: b.lamport, reason });
    };
    if (!genesis) {
      refuse('Förbundets första händelse (då förbundet skapades) saknas, så inget kan tillämpas.');
      continue;
    }
    if (b.forbund !== genesis.body.forbund) {
      refuse('Händelsen hör till ett annat förbund.');
      continue;
    }
    if (b.type === 'federation.created' && e.id !== genesis.id) {
      refuse('Förbundet har redan en första händelse; bara en kan gälla.');
      continue;
    }
    if (compareEvents(e, genesis) < 0) {
      refuse('Händelsen ligger före förbundets första händelse i ordningen och kan inte tillämpas.');
      continue;
    }
    const place = placement(e, ctx.byId, unplaced);
    if (place.kind !== 'placed') {
      unplaced.add(e.id);
      if (place.kind === 'badClock') refuse(place.reason);
      else state.held.push({ eventId: e.id, type: b.type, author: b.author, at: b.at, lamport: b.lamport, fingerprint: b.key, keyStatus: state.keys[b.key] ? 'pending' : 'unknown', reason: MISSING_PAST });
      continue;
    }
    // Dates that decide authority come from the staff's recorded facts in the causal past, never from `at` alone.
    const own = swedishDate(b.at);
    const staff = isDirector(state, b.author) || state.persons[b.author]?.staffRole === 'secretary';
    let seen = isLegacy(e) ? legacyRecorded : '';
    for (const id of b.after ?? []) {
      const d = recorded.get(id) ?? '';
      if (d > seen) seen = d;
    }
    if (staff && own > seen) seen = own;
    recorded.set(e.id, seen);
    if (isLegacy(e)) {
      legacyRecorded = seen;
      setAuthorityDate(e, own);
    } else {
      setAuthorityDate(e, seen > own ? seen : own);
    }
    const parsed = payloads.get(e.id) ?? parsePayload(b);
    if (!parsed.ok) {
      refuse(parsed.reason);
      continue;
    }
    const cut = b.type === 'federation.created' ? null : (cutBy(ctx, index, e) ?? lockedBy(ctx, locks, e, parsed));
    if (cut) {
      refuse(CUT_REASON[cut.kind]);
      continue;
    }
    const g = gate(state, e, directory);
    if (g.kind === 'held') {
      state.held.push({ eventId: e.id, type: b.type, author: b.author, at: b.at, lamport: b.lamport, fingerprint: b.key, keyStatus: g.keyStatus });
      continue;
    }
    if (g.kind === 'refused') {
      refuse(g.reason);
      continue;
    }
    const verdict = authorize(parsed.type, state, e, parsed.payload);
    if (!verdict.ok) {
      refuse(`${CATALOGUE[parsed.type].label}: ${verdict.reason}`);
      continue;
    }
    const before = roleSnapshot(state, parsed);
    reduce(parsed.type, w, e, parsed.payload);
    state.cutoffs.push(...cutoffsOf(state, e, parsed, before));
  }
  return state;
}

/** Fallback when key statuses have no fixpoint: keys count from where their acceptance sorts. */
function strictFold(ctx: Context, cutoffs: readonly Cutoff[]): FederationState {
  const state = run(ctx, null, cutoffs);
  const stillHeld = [];
  for (const h of state.held) {
    const status = state.keys[h.fingerprint]?.status;
    if (status === 'accepted' || status === 'rejected') {
      const reason = status === 'accepted' ? REFUSED_PARADOX : REFUSED_REJECTED_KEY;
      state.refused.push({ eventId: h.eventId, type: h.type, author: h.author, at: h.at, lamport: h.lamport, reason });
    } else {
      stillHeld.push(h);
    }
  }
  state.held = stillHeld;
  state.refused.sort((a, b) => a.lamport - b.lamport || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
  return state;
}
