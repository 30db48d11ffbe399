import { compareEvents, type VerifiedEvent } from '../log/signed-event';
import { authorize } from './authority';
import { CATALOGUE, parsePayload } from './catalogue';
import { sortedUnique } from './event-set';
import { directoryOf, directorySignature, gate, type KeyDirectory } from './keys';
import { reduce } from './reducers';
import { emptyState, type FederationState } from './state';
import { newWorking } from './versioning';

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
  const keyCount = new Set(sorted.filter((e) => e.body.type === 'key.registered').map((e) => e.body.key)).size;
  const assume = options.assumeAccepted;
  const preview = (d: KeyDirectory): KeyDirectory => {
    const entry = assume === undefined ? undefined : d[assume];
    return assume !== undefined && entry?.status === 'pending' ? { ...d, [assume]: { ...entry, status: 'accepted' } } : d;
  };
  let directory: KeyDirectory = {};
  const tried = new Set<string>([directorySignature(directory)]);
  for (let round = 0; round <= keyCount + 2; round++) {
    const state = run(sorted, parsed, genesis, directory);
    const next = preview(directoryOf(state));
    const signature = directorySignature(next);
    if (signature === directorySignature(directory)) return state;
    if (tried.has(signature)) break; // a cycle: no fixpoint
    tried.add(signature);
    directory = next;
  }
  return strictFold(sorted, parsed, genesis);
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

function run(sorted: readonly VerifiedEvent[], payloads: ParsedPayloads, genesis: VerifiedEvent | null, directory: KeyDirectory | null): FederationState {
  const w = newWorking(emptyState());
  const { state } = w;
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
    const parsed = payloads.get(e.id) ?? parsePayload(b);
    if (!parsed.ok) {
      refuse(parsed.reason);
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
    reduce(parsed.type, w, e, parsed.payload);
  }
  return state;
}

/** Fallback when key statuses have no fixpoint: keys count from where their acceptance sorts. */
function strictFold(sorted: readonly VerifiedEvent[], payloads: ParsedPayloads, genesis: VerifiedEvent | null): FederationState {
  const state = run(sorted, payloads, genesis, null);
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
