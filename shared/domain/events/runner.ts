import { compareEvents, type VerifiedEvent } from '../log/signed-event';
import { authorize } from './authority';
import { CATALOGUE, parsePayload, subjectOf, type Parsed } from './catalogue';
import { gate, type KeyDirectory } from './keys';
import { reduce } from './reducers';
import { emptyState, isDirector, type Cutoff, type FederationState } from './state';
import { newWorking, type Working } from './working';
import { inPast, isLegacy, MISSING_PAST, pastOf, placement, type Numbering, type Past } from './kernel/causal';
import { setAuthorityDate } from './kernel/authority-date';
import { swedishDate } from '../format';
import { cutoffsOf, idsInDraft, meetingOf, roleSnapshot } from './cutoffs';
import { BY_ID_SECTIONS } from './state';
import { newTouched, tracking, type Touched } from './kernel/touched';

/**
 * One round of fold(): the events in the shared order, one by one (parse ->
 * key gate -> authority -> reducer), with a fixed key directory and fixed
 * cut-offs. A Runner keeps everything one step needs, so a round can be
 * continued later with events that sort after everything it has seen (the
 * materialised state of issue #16) at a cost proportional to them.
 */

export interface Context {
  sorted: readonly VerifiedEvent[];
  payloads: ParsedPayloads;
  genesis: VerifiedEvent | null;
  byId: ReadonlyMap<string, VerifiedEvent>;
  /** Causal pasts of cut-off events, computed once per fold. */
  pasts: Map<string, Past>;
  /** The numbering their id sets share (kernel/causal.ts IdSet). */
  numbering?: Numbering;
  /** Events visited so far by bounded searches of each root's past (inPastOf). */
  searched?: Map<string, number>;
}

export function pastFor(ctx: Context, root: VerifiedEvent): Past {
  let past = ctx.pasts.get(root.id);
  if (!past) ctx.pasts.set(root.id, (past = pastOf(root, ctx.byId, (ctx.numbering ??= new Map()), (id) => ctx.pasts.get(id))));
  return past;
}

/**
 * Whether `e` is in the causal past of `root` (what root's author had seen), as inPast(pastOf(root), e).
 * For a format-2 event it first searches back from root only through events whose clock is above e's:
 * every ancestor of a placed event is placed, and clocks fall along every path, so nothing below e's clock
 * can lead to it. Such searches are cheap for the few events of a meeting shortly before its protokoll
 * lock; once a root's searches have together visited SEARCH_BUDGET events (a lock asked about months of
 * stances or an event years back, a revoked key's years of events), its whole past is worked out once and
 * kept (pastFor: a bitset on top of the pasts already known), so a root never costs more than a budget
 * and one past.
 */
const SEARCH_BUDGET = 4096;

export function inPastOf(ctx: Context, root: VerifiedEvent, e: VerifiedEvent): boolean {
  const kept = ctx.pasts.get(root.id);
  const spent = ctx.searched?.get(root.id) ?? 0;
  if (kept || spent > SEARCH_BUDGET || isLegacy(e) || isLegacy(root)) return inPast(kept ?? pastFor(ctx, root), e);
  const floor = e.body.lamport;
  const seen = new Set<string>();
  const stack = [...(root.body.after ?? [])];
  let found = false;
  while (stack.length > 0 && !found) {
    const id = stack.pop() as string;
    if (id === e.id) found = true;
    else if (!seen.has(id)) {
      seen.add(id);
      // Over the budget mid-way (an event years back): the whole past now, once, instead.
      if (spent + seen.size > SEARCH_BUDGET) return inPast(pastFor(ctx, root), e);
      const n = ctx.byId.get(id);
      if (n && !isLegacy(n) && n.body.lamport > floor) for (const parent of n.body.after ?? []) stack.push(parent);
    }
  }
  (ctx.searched ??= new Map()).set(root.id, spent + seen.size);
  return found;
}

/**
 * The protokoll locks of a round, by what they guard: the meeting (the lock's subject) and every id its draft
 * shows. An event is checked only against the locks that guard its meeting or its subject, not against every
 * protokoll ever sent for justering (840 at 105 years, for each of 96 000 events).
 */
export class LockIndex {
  private readonly byGuarded = new Map<string, Cutoff[]>();
  /** Locks whose draft event is not known yet: checked one by one, as before. */
  private waiting: Cutoff[] = [];
  constructor(private readonly ctx: Context) {}

  get size(): number {
    return this.byGuarded.size + this.waiting.length;
  }

  add(c: Cutoff): void {
    const root = this.ctx.byId.get(c.eventId);
    if (!root) {
      this.waiting.push(c);
      return;
    }
    for (const id of new Set([c.subject, ...idsInDraft(root)])) {
      const list = this.byGuarded.get(id);
      if (list) list.push(c);
      else this.byGuarded.set(id, [c]);
    }
  }

  /** The locks that guard this meeting or subject (each once). */
  guarding(meeting: string | null, subject: string): Cutoff[] {
    if (this.waiting.length > 0) {
      const still = this.waiting;
      this.waiting = [];
      for (const c of still) this.add(c);
    }
    const a = meeting === null ? undefined : this.byGuarded.get(meeting);
    const b = this.byGuarded.get(subject);
    if (!a) return b ?? [];
    if (!b || a === b) return a;
    return [...new Set([...a, ...b])];
  }
}

/**
 * A lock (a protokoll draft) that refuses this event: the event changes that
 * meeting or something the draft shows, sorts before the draft and the
 * draft's author had not seen it. Feedback and attestations have their own
 * rules (they name a version) and are not touched here.
 */
function lockedBy(ctx: Context, locks: LockIndex, e: VerifiedEvent, parsed: Parsed): Cutoff | null {
  if (locks.size === 0 || parsed.type.startsWith('protokoll.')) return null;
  for (const c of locks.guarding(meetingOf(parsed), subjectOf(e.body, parsed).id)) {
    const root = ctx.byId.get(c.eventId);
    if (!root || compareEvents(e, root) > 0) continue;
    if (!inPastOf(ctx, root, e)) return c;
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
      if (!inPastOf(ctx, root, e)) return c;
    }
  }
  return null;
}


export type ParsedPayloads = Map<string, ReturnType<typeof parsePayload>>;

/** What a round would do with one event, decided without changing anything. */
export type Judgement =
  | { kind: 'refused'; reason: string; unplaced: boolean }
  | { kind: 'waiting'; reason: string }
  | { kind: 'held'; keyStatus: 'pending' | 'unknown' }
  | { kind: 'apply'; parsed: Parsed & { ok: true } };

export interface Runner {
  readonly state: FederationState;
  readonly working: Working;
  readonly memory: RunnerMemory;
  /** The cut-offs judged by (the given ones, plus those applied events made when growing). */
  cutoffs(): Cutoff[];
  /** Judges one event that sorts after every event stepped so far, as step() would, without applying it. */
  judge(e: VerifiedEvent): Judgement;
  /** Judges and applies one event that sorts after every event stepped so far. */
  step(e: VerifiedEvent): void;
  /**
   * With `track: true`: the parts of the state the steps since the last call
   * reached (kernel/touched.ts), a superset of what they changed; then starts
   * a new set. Without tracking: null (anything may have changed).
   */
  takeTouched(): Touched | null;
}

/** What a round remembers of the events it has seen, beyond the state. */
export interface RunnerMemory {
  /** Events that could not take their place (their past is missing or their clock is wrong). */
  unplaced: Set<string>;
  /** Per placed event: the latest date the förbundschef or secretary had recorded in its causal past. */
  recorded: Map<string, string>;
  legacyRecorded: string;
}

/**
 * A round over `ctx` with this directory and these cut-offs. `grow: true`
 * (the materialised state) adds the cut-offs the applied events make to the
 * ones judged by, as the next round of a fold would; fold() keeps them fixed.
 */
export function createRunner(ctx: Context, directory: KeyDirectory | null, cutoffs: readonly Cutoff[], opts: { working?: Working; memory?: RunnerMemory; grow?: boolean; track?: boolean } = {}): Runner {
  const w = opts.working ?? newWorking(emptyState());
  const { state } = w;
  // What the steps reach, for serving only that (the materialised state); a full fold does not track.
  let touched = newTouched();
  const tw: Working = opts.track ? { ...w, state: tracking(state, (s) => BY_ID_SECTIONS.has(s), () => touched) } : w;
  /** The state as the step changes it: through the tracking view when tracking. */
  const out = tw.state;
  const index = new Map<string, Cutoff[]>();
  const locks = new LockIndex(ctx);
  const judgedBy: Cutoff[] = [];
  const addCutoff = (c: Cutoff): void => {
    judgedBy.push(c);
    if (c.kind === 'lock') locks.add(c);
    else index.set(c.subject, [...(index.get(c.subject) ?? []), c]);
  };
  for (const c of cutoffs) addCutoff(c);
  const memory: RunnerMemory = opts.memory ?? { unplaced: new Set(), recorded: new Map(), legacyRecorded: '' };
  const { unplaced, recorded } = memory;

  /** The date authority rules judge the event by (authority-date.ts), and what the round remembers for it. */
  const dateOf = (e: VerifiedEvent): { seen: string; date: string } => {
    const b = e.body;
    // Dates that decide authority come from the staff's recorded facts in the causal past, never from `at` alone.
    const own = swedishDate(b.at);
    const staff = isDirector(state, b.author) || state.persons[b.author]?.staffRole === 'secretary';
    let seen = isLegacy(e) ? memory.legacyRecorded : '';
    for (const id of b.after ?? []) {
      const d = recorded.get(id) ?? '';
      if (d > seen) seen = d;
    }
    if (staff && own > seen) seen = own;
    return { seen, date: isLegacy(e) || !(seen > own) ? own : seen };
  };

  const judge = (e: VerifiedEvent): Judgement => {
    const { genesis } = ctx;
    const b = e.body;
    const refused = (reason: string): Judgement => ({ kind: 'refused', reason, unplaced: false });
    if (!genesis) return refused('Förbundets första händelse (då förbundet skapades) saknas, så inget kan tillämpas.');
    if (b.forbund !== genesis.body.forbund) return refused('Händelsen hör till ett annat förbund.');
    if (b.type === 'federation.created' && e.id !== genesis.id) return refused('Förbundet har redan en första händelse; bara en kan gälla.');
    if (compareEvents(e, genesis) < 0) return refused('Händelsen ligger före förbundets första händelse i ordningen och kan inte tillämpas.');
    const place = placement(e, ctx.byId, unplaced);
    if (place.kind === 'badClock') return { kind: 'refused', reason: place.reason, unplaced: true };
    if (place.kind === 'missing') return { kind: 'waiting', reason: MISSING_PAST };
    setAuthorityDate(e, dateOf(e).date);
    let parsed = ctx.payloads.get(e.id);
    if (!parsed) ctx.payloads.set(e.id, (parsed = parsePayload(b)));
    if (!parsed.ok) return refused(parsed.reason);
    const cut = b.type === 'federation.created' ? null : (cutBy(ctx, index, e) ?? lockedBy(ctx, locks, e, parsed));
    if (cut) return refused(CUT_REASON[cut.kind]);
    const g = gate(state, e, directory);
    if (g.kind === 'held') return { kind: 'held', keyStatus: g.keyStatus };
    if (g.kind === 'refused') return refused(g.reason);
    const verdict = authorize(parsed.type, state, e, parsed.payload);
    if (!verdict.ok) return refused(`${CATALOGUE[parsed.type].label}: ${verdict.reason}`);
    return { kind: 'apply', parsed };
  };

  const step = (e: VerifiedEvent): void => {
    const b = e.body;
    const j = judge(e);
    if (j.kind === 'waiting' || (j.kind === 'refused' && j.unplaced)) {
      unplaced.add(e.id);
      if (j.kind === 'refused') out.refused.push({ eventId: e.id, type: b.type, author: b.author, at: b.at, lamport: b.lamport, reason: j.reason });
      else out.held.push({ eventId: e.id, type: b.type, author: b.author, at: b.at, lamport: b.lamport, fingerprint: b.key, keyStatus: state.keys[b.key] ? 'pending' : 'unknown', reason: j.reason });
      return;
    }
    if (ctx.genesis && b.forbund === ctx.genesis.body.forbund && compareEvents(e, ctx.genesis) >= 0 && (b.type !== 'federation.created' || e.id === ctx.genesis.id)) {
      const { seen } = dateOf(e);
      recorded.set(e.id, seen);
      if (isLegacy(e)) memory.legacyRecorded = seen;
    }
    if (j.kind === 'refused') {
      out.refused.push({ eventId: e.id, type: b.type, author: b.author, at: b.at, lamport: b.lamport, reason: j.reason });
      return;
    }
    if (j.kind === 'held') {
      out.held.push({ eventId: e.id, type: b.type, author: b.author, at: b.at, lamport: b.lamport, fingerprint: b.key, keyStatus: j.keyStatus });
      return;
    }
    const { parsed } = j;
    const before = roleSnapshot(state, parsed);
    reduce(parsed.type, tw, e, parsed.payload);
    const made = cutoffsOf(state, e, parsed, before);
    if (made.length > 0) out.cutoffs.push(...made);
    if (opts.grow) for (const c of made) addCutoff(c);
  };
  const takeTouched = (): Touched | null => {
    if (!opts.track) return null;
    const t = touched;
    touched = newTouched();
    return t;
  };
  return { state, working: w, memory, cutoffs: () => [...judgedBy], judge, step, takeTouched };
}

/** One whole round of fold(): every event of the context in order. */
export function run(ctx: Context, directory: KeyDirectory | null, cutoffs: readonly Cutoff[]): FederationState {
  const runner = createRunner(ctx, directory, cutoffs);
  for (const e of ctx.sorted) runner.step(e);
  return runner.state;
}
