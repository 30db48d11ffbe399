import { budgetTotals, soughtPerYear } from '../../../../../shared/domain/applications';
import { currentApplication, type FederationState } from '../../../../../shared/domain/events';
import { BOARD_ROLE_LABEL, STAFF_ROLE_LABEL } from '../../../../../shared/domain/forbund/model';
import {
  adjustersOf,
  calledIds,
  chairInItem,
  defaultDecision,
  javSentence,
  presidingInItem,
  seatOn,
  servingByItem,
  voteResult,
  voteResultOf,
  type Vote,
  type AgendaItem,
  type AttendanceEntry,
  type Decision,
  type ItemRecord,
  type ItemServing,
  type MeetingState,
  type VoteResult,
} from '../../../../../shared/domain/meetings';

/**
 * Pure view logic of "För protokoll": who is in the närvaro list, what a new
 * item record starts from, the live vote result and the jäv preview. The
 * screens only render these; the rules themselves stay in the domain.
 */

export interface AttendanceRow {
  personId: string;
  name: string;
  /** "ordförande", "ersättare (1)", "förbundschef" … */
  role: string;
  /** Förhinder reported before the meeting, with its reason. */
  absence: { reason: string | null } | null;
  entry: AttendanceEntry;
}

export interface AttendanceGroup {
  /** Organisation id, or 'staff' for förbundets personal. */
  id: string;
  label: string;
  rows: AttendanceRow[];
}

const RANK = { chair: 0, viceChair: 1, member: 2, substitute: 3 } as const;

/** The närvaro list: everyone called, by organisation, then the staff; each with the recorded entry or a default (present unless förhinder). */
export function attendanceGroups(state: FederationState, m: MeetingState): AttendanceGroup[] {
  const recorded = new Map((m.attendance?.persons ?? []).map((e) => [e.personId, e]));
  const row = (personId: string, role: string): AttendanceRow => {
    const absence = m.absences[personId] ? { reason: m.absences[personId].reason } : null;
    return {
      personId,
      name: state.persons[personId]?.name ?? 'okänd person',
      role,
      absence,
      entry: recorded.get(personId) ?? { personId, present: absence === null, distance: false, arrivedBeforeItem: null, leftAfterItem: null },
    };
  };
  const groups = new Map<string, AttendanceGroup>();
  for (const id of calledIds(state, m)) {
    const seat = seatOn(state, id, m.date);
    if (!seat) continue;
    const orgId = seat.organisationId;
    const g = groups.get(orgId) ?? { id: orgId, label: state.organisations[orgId]?.name ?? 'okänd organisation', rows: [] };
    const role = seat.role === 'substitute' ? `ersättare${seat.callingOrder ? ` (${seat.callingOrder})` : ''}` : BOARD_ROLE_LABEL[seat.role].toLowerCase();
    g.rows.push(row(id, role));
    groups.set(orgId, g);
  }
  const rank = (r: AttendanceRow): number => {
    const s = seatOn(state, r.personId, m.date);
    return s ? RANK[s.role] * 100 + (s.callingOrder ?? 0) : 999;
  };
  const orgs = [...groups.values()].sort((a, b) => a.label.localeCompare(b.label, 'sv'));
  for (const g of orgs) g.rows.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'sv'));
  const staff = Object.values(state.persons)
    .filter((p) => p.staffRole !== null)
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
    .map((p) => row(p.id, STAFF_ROLE_LABEL[p.staffRole!].toLowerCase()));
  return staff.length > 0 ? [...orgs, { id: 'staff', label: 'Förbundets personal', rows: staff }] : orgs;
}

/** The decision a new record starts from: the proposal's text; for an ansökan the sought amount, period and years. */
export function prefilledDecision(state: FederationState, m: MeetingState, item: AgendaItem): Decision {
  if (item.kind !== 'decision') {
    const names = adjustersOf(m).map((id) => state.persons[id]?.name ?? '');
    return defaultDecision(item.kind, names, Object.values(m.records).some((r) => r.jav.length > 0));
  }
  const text = item.proposal?.trim() ? (/^styrelsen beslutar/i.test(item.proposal.trim()) ? item.proposal.trim() : `Styrelsen beslutar att ${item.proposal.trim().replace(/^att\s+/i, '')}`) : 'Styrelsen beslutar att ';
  const app = item.applicationId ? currentApplication(state, item.applicationId) : undefined;
  if (!app) return { outcome: 'grant', text, amountKr: null, period: null, grantByYear: {} };
  return { outcome: 'grant', text, amountKr: budgetTotals(app).sought, period: { ...app.period }, grantByYear: soughtPerYear(app) };
}

/** The record the form starts from: what is recorded, else an empty record with the prefilled decision. */
export function recordDraft(state: FederationState, m: MeetingState, item: AgendaItem): ItemRecord {
  const r = m.records[item.id];
  if (r) return structuredClone(r);
  return { decision: prefilledDecision(state, m, item), motions: [], vote: null, jav: declaredJav(state, m, item), reservations: [], notes: [], adjusters: [], urgent: false, sendTo: [] };
}

/**
 * Jäv the members declared on the ansökan before the meeting, for those present:
 * the secretary starts from them (and may remove one the board finds without
 * significance), so a declaration made at home reaches the protokoll.
 */
function declaredJav(state: FederationState, m: MeetingState, item: AgendaItem): ItemRecord['jav'] {
  const declarations = item.applicationId ? (state.applications[item.applicationId]?.javDeclarations ?? {}) : {};
  const present = new Set((m.attendance?.persons ?? []).filter((p) => p.present).map((p) => p.personId));
  return Object.entries(declarations)
    .filter(([personId]) => present.has(personId))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([personId, d]) => ({ personId, ground: d.ground, text: d.text }));
}

/** Serving in one item with the form's jäv applied (before it is saved). */
export function servingWithJav(state: FederationState, m: MeetingState, itemId: string, jav: readonly string[]): ItemServing | undefined {
  return servingByItem(state, m, { itemId, jav }).find((s) => s.itemId === itemId);
}

/** The vote result as the form stands, with the chair of this item for the casting vote. */
export function liveVote(votes: readonly { personId: string; vote: 'ja' | 'nej' | 'avstar' }[], serving: ItemServing | undefined): VoteResult & { chairId: string | null } {
  const chairId = chairInItem(serving);
  return { ...voteResult(votes, chairId), chairId };
}

/** Per jävig person: who serves in their place in this § only, and the sentence the protokoll gets. */
export function javPreview(state: FederationState, serving: ItemServing | undefined, javIds: readonly string[]): { personId: string; substitute: string | null; sentence: string }[] {
  const name = (id: string): string => state.persons[id]?.name ?? 'okänd person';
  return javIds.map((id) => {
    const sub = serving?.deciding.find((d) => d.servesFor === id)?.personId ?? null;
    return { personId: id, substitute: sub, sentence: javSentence(name(id), sub ? name(sub) : null) };
  });
}

/** The live result of a vote as recorded so far, at val (`election`) with lottning instead of the casting vote. */
export function liveVoteOf(vote: Vote, serving: ItemServing | undefined, election: boolean, presiding?: ItemRecord['presiding']): VoteResult & { chairId: string | null } {
  const chairId = presidingInItem(serving, presiding);
  return { ...voteResultOf(vote, chairId, election), chairId };
}

/** "3 ja, 2 nej, 1 avstår – bifall (ja)"-style summary for the screen; `lotRule` when a tie is decided by lottning. */
export function voteSummary(r: VoteResult, lotRule = false): string {
  const base = `${r.yes} ja, ${r.no} nej, ${r.abstain} ${r.closed ? 'blanka' : 'avstår'}`;
  if (r.winner === null) return lotRule || r.closed ? `${base}. Lika röstetal: avgörs genom lottning (ingen utslagsröst vid val eller sluten omröstning).` : `${base}. Lika röstetal: ordföranden måste rösta ja eller nej (utslagsröst).`;
  return `${base}. ${r.winner === 'ja' ? 'Ja' : 'Nej'} har vunnit${r.castingVote ? ' med ordförandens utslagsröst' : ''}${r.byLot ? ' genom lottning' : ''}.`;
}

/** Whether the item's decision may carry an amount (a grant on an ansökan). */
export const grantsMoney = (item: AgendaItem, outcome: Decision['outcome']): boolean => item.applicationId !== null && ['grant', 'grantWithChanges', 'partialGrant'].includes(outcome);
