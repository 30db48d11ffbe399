import type { VerifiedEvent } from '../log/signed-event';
import { parsePayload } from './catalogue';
import { sortedUnique } from './kernel/event-set';
import { directoryOf, directorySignature, type KeyDirectory } from './keys';
import type { Cutoff, FederationState } from './state';
import { createRunner, run, type Context, type Runner } from './runner';

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
  return foldDetailed(events, options).state;
}

/** What a fold ends with: the state, and the round that made it (to be continued by the materialised state). */
export interface FoldResult {
  state: FederationState;
  ctx: Context;
  /** The key directory and cut-offs of the last round; null directory: strict order (no fixpoint). */
  directory: KeyDirectory | null;
  cutoffs: Cutoff[];
  runner: Runner;
}

export function foldDetailed(events: readonly VerifiedEvent[], options: FoldOptions = {}): FoldResult {
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
    const runner = createRunner(ctx, directory, cutoffs);
    for (const e of sorted) runner.step(e);
    const state = runner.state;
    const next = preview(directoryOf(state));
    const signature = sig(next, nextCutoffs(state));
    if (signature === sig(directory, cutoffs)) return { state, ctx, directory, cutoffs, runner };
    if (tried.has(signature)) break; // a cycle: no fixpoint
    tried.add(signature);
    directory = next;
    cutoffs = nextCutoffs(state);
  }
  return { state: strictFold(ctx, cutoffs), ctx, directory: null, cutoffs, runner: createRunner(ctx, null, cutoffs) };
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
