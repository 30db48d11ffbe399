import type { FederationState } from '../events/state';
import { remainingBudget, soughtPerYear, type RemainingYear } from '../applications/budget';
import { anslagDates, type AnslagDates } from './anslag';
import { GRANT_OUTCOMES, type AttestationRole, type Decision, type DraftPart, type MeetingStatus } from './model';
import { paragraphNumbers } from './numbering';
import { latestDraft, type AttestationRecord, type LockRecord, type MeetingState } from './state';

/** Read-only views of the meetings for the screens and for other areas. */

const order = (a: MeetingState, b: MeetingState): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.startTime < b.startTime ? -1 : a.startTime > b.startTime ? 1 : a.id < b.id ? -1 : 1;

/** Meetings by date and start time. */
export function meetingsInOrder(state: FederationState): MeetingState[] {
  return Object.values(state.meetings).sort(order);
}

/** The first meeting on or after `date` (YYYY-MM-DD). */
export function nextMeeting(state: FederationState, date: string): MeetingState | undefined {
  return meetingsInOrder(state).find((m) => m.date >= date);
}

export function meetingStatus(state: FederationState, meetingId: string): MeetingStatus {
  const m = state.meetings[meetingId];
  if (!m) return 'planned';
  if (m.locked) return 'attested';
  const draft = latestDraft(m, 'whole');
  if (draft) return m.feedback.some((f) => f.kind === 'returned' && f.version === draft.version) ? 'returned' : 'forAttestation';
  if (m.endTime !== null) return 'closed';
  if (m.attendance || Object.keys(m.records).length > 0) return 'inProgress';
  return m.calledOn ? 'called' : 'planned';
}

export interface AgendaApplicationRef {
  itemId: string;
  applicationId: string;
  paragraph: number;
  title: string;
}

export function applicationsOnAgenda(state: FederationState, meetingId: string): AgendaApplicationRef[] {
  const m = state.meetings[meetingId];
  if (!m) return [];
  const numbers = paragraphNumbers(state, m);
  return m.agenda.filter((i) => i.applicationId).map((i) => ({ itemId: i.id, applicationId: i.applicationId as string, paragraph: numbers[i.id] as number, title: i.title }));
}

export interface SignerStatus {
  personId: string;
  name: string;
  role: AttestationRole;
  attested: boolean;
  at: string | null;
  eventId: string | null;
}

export interface AttestationView extends AttestationRecord {
  valid: boolean;
  /** Swedish, when not valid. */
  why: string | null;
}

export interface AttestationStatus {
  version: number | null;
  sha256: string | null;
  signers: SignerStatus[];
  /** Every attestation of this part, each with whether it still counts. */
  attestations: AttestationView[];
  locked: LockRecord | null;
}

/** Who has attested the latest version of a part, and which earlier attestations no longer count. */
export function attestationStatus(state: FederationState, meetingId: string, part: DraftPart = 'whole'): AttestationStatus {
  const m = state.meetings[meetingId];
  const draft = m ? latestDraft(m, part) : undefined;
  if (!m || !draft) return { version: null, sha256: null, signers: [], attestations: [], locked: null };
  const mine = m.attestations.filter((a) => a.part === part);
  const sig = draft.document.signatories;
  const signer = (personId: string, name: string, role: AttestationRole): SignerStatus => {
    const a = mine.find((x) => x.version === draft.version && x.personId === personId && x.role === role);
    return { personId, name, role, attested: !!a, at: a?.at ?? null, eventId: a?.eventId ?? null };
  };
  return {
    version: draft.version,
    sha256: draft.sha256,
    signers: [signer(sig.chair.personId, sig.chair.name, 'chair'), ...sig.adjusters.map((x) => signer(x.personId, x.name, 'adjuster'))],
    attestations: mine.map((a) => {
      const valid = a.version === draft.version;
      return { ...a, valid, why: valid ? null : `Gäller version ${a.version}; protokollet har ändrats sedan dess (nu version ${draft.version}) och måste justeras på nytt.` };
    }),
    locked: part === 'whole' ? m.locked : (m.lockedParagraphs[String(part)] ?? null),
  };
}

export interface DecisionRef {
  meetingId: string;
  date: string;
  itemId: string;
  paragraph: number;
  title: string;
  applicationId: string | null;
  decision: Decision;
  /** Justerat (whole protokoll or the § alone); null before. */
  lock: LockRecord | null;
}

/**
 * Results kept per frozen section object. The renderer freezes the sections
 * it holds (federation-store.ts), and its merge gives a changed section a new
 * object, so the same frozen object always means the same content; the main
 * side changes its state in place and never freezes it, so it never hits the
 * cache. A stance then does not walk every meeting of ten years again.
 */
const decisionsCache = new WeakMap<object, readonly DecisionRef[]>();
const delegatedCache = new WeakMap<object, { orders: object; out: Readonly<Record<string, number>> }>();

/** Every recorded decision of every meeting, in meeting and § order. */
export function decisionsOf(state: FederationState): readonly DecisionRef[] {
  const frozen = Object.isFrozen(state.meetings);
  const kept = frozen ? decisionsCache.get(state.meetings) : undefined;
  if (kept) return kept;
  const out = allDecisions(state);
  if (frozen) decisionsCache.set(state.meetings, Object.freeze(out));
  return out;
}

const byApplicationCache = new WeakMap<object, ReadonlyMap<string, readonly DecisionRef[]>>();

/**
 * The decisions per ansökan, in order: kept per frozen meetings section like decisionsOf. The list of
 * ansökningar asks each one's outcome: at ten years, 400 walks of 960 decisions on every change.
 */
function decisionsByApplication(state: FederationState): ReadonlyMap<string, readonly DecisionRef[]> {
  const frozen = Object.isFrozen(state.meetings);
  const kept = frozen ? byApplicationCache.get(state.meetings) : undefined;
  if (kept) return kept;
  const out = new Map<string, DecisionRef[]>();
  for (const d of decisionsOf(state)) {
    if (d.applicationId === null) continue;
    const mine = out.get(d.applicationId);
    if (mine) mine.push(d);
    else out.set(d.applicationId, [d]);
  }
  if (frozen) byApplicationCache.set(state.meetings, out);
  return out;
}

function allDecisions(state: FederationState): DecisionRef[] {
  return meetingsInOrder(state).flatMap((m) => {
    const numbers = paragraphNumbers(state, m);
    return m.agenda.flatMap((i) => {
      const d = m.records[i.id]?.decision;
      if (!d) return [];
      const n = numbers[i.id] as number;
      return [{ meetingId: m.id, date: m.date, itemId: i.id, paragraph: n, title: i.title, applicationId: i.applicationId, decision: d, lock: m.locked ?? m.lockedParagraphs[String(n)] ?? null }];
    });
  });
}

export type ApplicationOutcomeStatus = 'granted' | 'rejected' | 'referredBack' | 'tabled' | 'decidedNotAttested' | 'none';

export const APPLICATION_OUTCOME_LABEL: Record<ApplicationOutcomeStatus, string> = {
  granted: 'Beviljad',
  rejected: 'Avslagen',
  referredBack: 'Återremitterad',
  tabled: 'Bordlagd',
  decidedNotAttested: 'Beslutad, ej justerad',
  none: 'Inte beslutad',
};

export interface ApplicationOutcome {
  status: ApplicationOutcomeStatus;
  amountKr: number | null;
  period: { from: string; to: string } | null;
  decision: DecisionRef | null;
}

/** The latest decision on an ansökan: from a justerat protokoll, or "beslutad, ej justerad" before that. */
export function applicationOutcome(state: FederationState, applicationId: string): ApplicationOutcome {
  const last = decisionsByApplication(state).get(applicationId)?.at(-1);
  if (!last) return { status: 'none', amountKr: null, period: null, decision: null };
  if (!last.lock) return { status: 'decidedNotAttested', amountKr: last.decision.amountKr, period: last.decision.period, decision: last };
  const o = last.decision.outcome;
  const status: ApplicationOutcomeStatus = GRANT_OUTCOMES.includes(o) ? 'granted' : o === 'reject' ? 'rejected' : o === 'referBack' ? 'referredBack' : o === 'table' ? 'tabled' : 'none';
  return { status, amountKr: last.decision.amountKr, period: last.decision.period, decision: last };
}

/** Justerade decisions on the same insats: the same ansökan, or one with the same insats name. */
export function earlierDecisions(state: FederationState, applicationId: string): DecisionRef[] {
  const nameOf = (id: string): string | undefined => {
    const a = state.applications[id];
    return a?.versions[a.current - 1]?.name.trim().toLocaleLowerCase('sv');
  };
  const name = nameOf(applicationId);
  return decisionsOf(state).filter((d) => d.lock && d.applicationId !== null && (d.applicationId === applicationId || (name !== undefined && nameOf(d.applicationId) === name)));
}

/**
 * Year → kronor granted by delegation: delegationsbeslut under a point for
 * insatser ('initiatives') with an amount, in the year of the decision. They
 * bind the insats budget as a board grant does (issue #15 item 5).
 */
export function delegatedPerYear(state: FederationState): Readonly<Record<string, number>> {
  const frozen = Object.isFrozen(state.delegationDecisions) && Object.isFrozen(state.delegationOrders);
  const kept = frozen ? delegatedCache.get(state.delegationDecisions) : undefined;
  if (kept && kept.orders === state.delegationOrders) return kept.out;
  const out = delegatedFrom(state);
  if (frozen) delegatedCache.set(state.delegationDecisions, { orders: state.delegationOrders, out: Object.freeze(out) });
  return out;
}

function delegatedFrom(state: FederationState): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of Object.values(state.delegationDecisions)) {
    if (!d.amountKr) continue;
    const point = state.delegationOrders[d.orderId]?.points.find((p) => p.number === d.pointNumber);
    if (point?.category !== 'initiatives') continue;
    const year = d.date.slice(0, 4);
    out[year] = (out[year] ?? 0) + d.amountKr;
  }
  return out;
}

/**
 * Year → kronor granted: by justerade decisions of the board (per-year
 * amounts, or as sought for a full grant without them) and by delegation.
 * The one computation behind every screen and PDF that shows the insats budget.
 */
export function grantedPerYear(state: FederationState, exceptApplicationId: string | null = null): Record<string, number> {
  const out: Record<string, number> = { ...delegatedPerYear(state) };
  // A frozen meetings section is the renderer's, where nothing changes in place: what is worked out from it and from a version is kept.
  const frozen = Object.isFrozen(state.meetings);
  for (const d of grantingDecisions(state, frozen)) {
    if (d.applicationId === exceptApplicationId) continue;
    const app = state.applications[d.applicationId!];
    const version = app?.versions[app.current - 1];
    const byYear = Object.keys(d.decision.grantByYear).length > 0 ? d.decision.grantByYear : version ? (frozen ? keptSought(version) : soughtPerYear(version)) : {};
    for (const [y, kr] of Object.entries(byYear)) out[y] = (out[y] ?? 0) + kr;
  }
  return out;
}

const grantingCache = new WeakMap<object, readonly DecisionRef[]>();
const soughtCache = new WeakMap<object, Readonly<Record<string, number>>>();

/** Justerade decisions that grant an ansökan: kept per frozen meetings section (a stance does not walk ten years of decisions, issue #16). */
function grantingDecisions(state: FederationState, frozen: boolean): readonly DecisionRef[] {
  const kept = frozen ? grantingCache.get(state.meetings) : undefined;
  if (kept) return kept;
  const out = decisionsOf(state).filter((d) => d.lock && d.applicationId && GRANT_OUTCOMES.includes(d.decision.outcome));
  if (frozen) grantingCache.set(state.meetings, Object.freeze(out));
  return out;
}

function keptSought(version: Parameters<typeof soughtPerYear>[0]): Readonly<Record<string, number>> {
  let kept = soughtCache.get(version);
  if (!kept) soughtCache.set(version, (kept = Object.freeze(soughtPerYear(version))));
  return kept;
}

/** The insats budget per year: budget (budget.set), granted (justerade decisions and delegation, `delegated` of it) and what is left (`available`). */
export function budgetLedger(state: FederationState): (RemainingYear & { delegated: number })[] {
  const delegated = delegatedPerYear(state);
  return remainingBudget(state.insatsBudget, grantedPerYear(state), {}).map((y) => ({ ...y, delegated: delegated[y.year] ?? 0 }));
}

/** What granting this ansökan would leave of the insats budget, per year: the same figures on the screen and in the summary PDF. */
export function applicationLedger(state: FederationState, applicationId: string, version?: Parameters<typeof remainingBudget>[2]): RemainingYear[] {
  const app = state.applications[applicationId];
  const shown = version ?? app?.versions[app.current - 1] ?? {};
  return remainingBudget(state.insatsBudget, grantedPerYear(state, applicationId), shown);
}

/** Delegation decision ids reported (Anmälan av delegationsbeslut) in justerade protokoll. */
export function reportedDelegationDecisionIds(state: FederationState): string[] {
  const ids = new Set<string>();
  for (const m of Object.values(state.meetings)) {
    const numbers = paragraphNumbers(state, m);
    for (const i of m.agenda) {
      if (i.kind === 'delegationReport' && (m.locked || m.lockedParagraphs[String(numbers[i.id])])) i.delegationDecisionIds.forEach((id) => ids.add(id));
    }
  }
  return [...ids].sort();
}

/** Anslag dates of a justerat protokoll from the recorded anslag (null before justering; postedOn null before the anslag). */
export function anslagOf(state: FederationState, meetingId: string): AnslagDates | null {
  const m = state.meetings[meetingId];
  return m?.locked ? anslagDates(m.locked.date, m.anslag?.postedOn ?? null) : null;
}

/** Anslag dates of a § justerad omedelbart (null unless that § is locked on its own; postedOn null before its anslag). */
export function paragraphAnslagOf(state: FederationState, meetingId: string, paragraph: number): AnslagDates | null {
  const m = state.meetings[meetingId];
  const lock = m?.lockedParagraphs[String(paragraph)];
  return lock ? anslagDates(lock.date, m?.paragraphAnslag?.[String(paragraph)]?.postedOn ?? null) : null;
}
