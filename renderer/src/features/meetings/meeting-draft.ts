import { budgetTotals } from '../../../../shared/domain/applications/budget';
import { currentApplication, type FederationState } from '../../../../shared/domain/events';
import { deadline, plusDays } from '../../../../shared/domain/calendar';
import { BOARD_ROLE_LABEL, IsoDate, isActiveOn, type BoardRole } from '../../../../shared/domain/forbund/model';
import { formatAmount } from '../../../../shared/domain/format';
import {
  agendaItem,
  ClockTime,
  DEFAULT_ORGAN,
  MAX_AGENDA_ITEMS,
  applicationOutcome,
  calledIds,
  meetingStatus,
  meetingsInOrder,
  reportedDelegationDecisionIds,
  standardAgenda,
  videoLinkProblem,
  type AgendaApplication,
  type AgendaItem,
  type AgendaItemKind,
  type MeetingPayloadInput,
  type MeetingState,
} from '../../../../shared/domain/meetings';
import { newId } from '../../lib/roster';
import { pendingDelegationReports } from '../../../../shared/domain/delegations';
import { dateInputError } from '../../../../shared/domain/date-input';

/**
 * The "Nytt sammanträde" form as plain data: the draft, its Swedish checks and
 * the event payloads it becomes. Pure (no React, no API) so the rules are
 * tested without a screen.
 */

export interface MeetingDraft {
  date: string;
  /** As typed: "09.00" (also 9.00, 09:00, 0900). */
  startTime: string;
  place: string;
  distanceOffered: boolean;
  distance: string;
  /** The https link to the video meeting, as typed (only sent when distance participation is offered). */
  videoLink: string;
  /**
   * Who is NOT called, among those with a board assignment on the date. Kept
   * as the left-out set so a change of date keeps "everyone else called".
   */
  leftOut: string[];
  justeringDate: string;
  justeringPlace: string;
  /** Empty = the running number of the calendar year. */
  firstParagraph: string;
  agenda: AgendaItem[];
}

export interface DraftErrors {
  date?: string;
  startTime?: string;
  place?: string;
  distance?: string;
  videoLink?: string;
  called?: string;
  justering?: string;
  firstParagraph?: string;
  agenda?: string;
  /** By item id. */
  items: Record<string, { title?: string; proposal?: string }>;
}

/** "09.00", "9.00", "09:00", "0900" → "09:00"; null when it is not a time. */
export function parseClock(text: string): string | null {
  const m = /^(\d{1,2})[.:]?(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const value = `${m[1]!.padStart(2, '0')}:${m[2]}`;
  return ClockTime.safeParse(value).success ? value : null;
}

/** "09:00" → "09.00" (the Swedish way to write a time). */
export const showClock = (time: string): string => time.replace(':', '.');

export interface CallablePerson {
  personId: string;
  name: string;
  role: BoardRole;
  /** "Ordförande", "Ersättare (2)". */
  roleText: string;
  callingOrder: number | null;
}

export interface CallableGroup {
  organisationId: string;
  name: string;
  persons: CallablePerson[];
}

const RANK: Record<BoardRole, number> = { chair: 0, viceChair: 1, member: 2, substitute: 3 };

/** Everyone with a board assignment on `date`, by organisation: ledamöter first, then ersättare in calling order. */
export function callableGroups(state: FederationState, date: string): CallableGroup[] {
  const groups = new Map<string, CallablePerson[]>();
  for (const p of Object.values(state.persons)) {
    const active = p.assignments.filter((a) => isActiveOn(a, date)).sort((a, b) => RANK[a.role] - RANK[b.role]);
    const a = active[0];
    if (!a) continue;
    const order = a.role === 'substitute' ? (a.callingOrder ?? null) : null;
    const roleText = `${BOARD_ROLE_LABEL[a.role]}${order !== null ? ` (${order})` : ''}`;
    const list = groups.get(a.organisationId) ?? [];
    list.push({ personId: p.id, name: p.name, role: a.role, roleText, callingOrder: order });
    groups.set(a.organisationId, list);
  }
  return [...groups.entries()]
    .map(([organisationId, persons]) => ({
      organisationId,
      name: state.organisations[organisationId]?.name ?? 'Okänd organisation',
      persons: persons.sort(
        (x, y) => RANK[x.role] - RANK[y.role] || (x.callingOrder ?? Infinity) - (y.callingOrder ?? Infinity) || x.name.localeCompare(y.name, 'sv'),
      ),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

/** "Styrelsen beslutar att bevilja 700 000 kr till insatsen Öppna vägar för perioden 2027-01-01 – 2028-12-31." */
export function proposalFor(state: FederationState, applicationId: string): string {
  const app = currentApplication(state, applicationId);
  if (!app) return '';
  return `Styrelsen beslutar att bevilja ${formatAmount(budgetTotals(app).sought)} till insatsen ${app.name} för perioden ${app.period.from} – ${app.period.to}.`;
}

/**
 * Ansökningar to offer as beslutsärenden: no decision yet, or referred back
 * or tabled (they come back to a later meeting), and not on the agenda of
 * another meeting that has not been held.
 */
export function openApplications(state: FederationState, exceptMeetingId: string | null = null): AgendaApplication[] {
  const elsewhere = new Set(
    meetingsInOrder(state)
      .filter((m) => m.id !== exceptMeetingId && ['planned', 'called'].includes(meetingStatus(state, m.id)))
      .flatMap((m) => m.agenda.map((i) => i.applicationId).filter((x): x is string => x !== null)),
  );
  return Object.keys(state.applications)
    .filter((id) => ['none', 'referredBack', 'tabled'].includes(applicationOutcome(state, id).status) && !elsewhere.has(id))
    .map((id) => currentApplication(state, id)!)
    .filter((a) => a !== undefined)
    .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.registrationNumber.localeCompare(b.registrationNumber, 'sv'))
    .map((a) => ({ applicationId: a.id, name: a.name, dnr: a.registrationNumber, proposal: proposalFor(state, a.id), summary: a.purpose.trim() || null }));
}

/** A new agenda item of a kind, titled as the kind. */
export function newItem(kind: AgendaItemKind, over: Partial<AgendaItem> = {}): AgendaItem {
  return agendaItem(newId(), kind, over);
}

/** The beslutsärende for one ansökan, as standardAgenda makes it. */
export function applicationItem(a: AgendaApplication): AgendaItem {
  return newItem('decision', { title: `Ansökan om medel: ${a.name}`, dnr: a.dnr, proposal: a.proposal, summary: a.summary ?? null, applicationId: a.applicationId });
}

/**
 * The delegationsbeslut to report at a meeting on `date`: those that must be
 * reported, taken on or before that day, and not yet noted in a justerat protokoll.
 */
export function pendingDelegationIds(state: FederationState, date: string): string[] {
  return pendingDelegationReports(state, date, new Set(reportedDelegationDecisionIds(state))).map((d) => d.id);
}

/**
 * What to tell the secretary about a meeting date before it is saved, beside
 * the holiday and weekend warning of the domain (meetingDayWarning): a date
 * that has passed. Null for a date ahead, or one that does not parse.
 */
export function meetingDateWarning(date: string, today: string): string | null {
  const d = new Date(`${date.trim()}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date.trim()) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date.trim()) return null;
  return date.trim() < today ? `${date.trim()} har redan varit. Kontrollera datumet.` : null;
}

/**
 * How long an ansökan that has never been before the board is proposed for the
 * next meeting's agenda: one received longer ago than this without a decision
 * has most likely been dropped or handled another way. It is not proposed
 * again, only offered under "Ansökningar utan beslut" (a ten-year history
 * otherwise proposed 250 of them, more than a föredragningslista holds).
 * A bordlagd or återremitterad ansökan is always proposed: the board has
 * asked for it back.
 */
const PROPOSE_UNDECIDED_DAYS = 365;

/** Whether an open ansökan is proposed for a meeting on `date` (see PROPOSE_UNDECIDED_DAYS); an invalid date proposes all. */
export function proposedFor(state: FederationState, applicationId: string, date: string): boolean {
  if (!IsoDate.safeParse(date.trim()).success) return true;
  if (applicationOutcome(state, applicationId).status !== 'none') return true;
  return (currentApplication(state, applicationId)?.receivedOn ?? '') >= plusDays(date.trim(), -PROPOSE_UNDECIDED_DAYS);
}

/** The ansökningar the draft of a meeting on `date` proposes (see PROPOSE_UNDECIDED_DAYS). */
export function proposedApplications(state: FederationState, date: string): AgendaApplication[] {
  return openApplications(state).filter((a) => proposedFor(state, a.applicationId, date));
}

/** The draft for a new meeting: the first weekday from two weeks ahead at 09.00, everyone called, the standard agenda with the open ansökningar. */
export function newDraft(state: FederationState, today: string, me: string | null): MeetingDraft {
  const date = deadline(plusDays(today, 14));
  const presenter = me && state.persons[me]?.staffRole ? me : null;
  return {
    date,
    startTime: '09.00',
    place: '',
    distanceOffered: false,
    distance: '',
    videoLink: '',
    leftOut: [],
    justeringDate: '',
    justeringPlace: '',
    firstParagraph: '',
    agenda: standardAgenda({ newId, applications: proposedApplications(state, date), delegationDecisionIds: pendingDelegationIds(state, date), presenter }),
  };
}

/** The draft of an existing meeting, for "Ändra sammanträdet". */
export function draftOf(state: FederationState, m: MeetingState): MeetingDraft {
  const called = m.called ? new Set(m.called) : null;
  const everyone = callableGroups(state, m.date).flatMap((g) => g.persons.map((p) => p.personId));
  return {
    date: m.date,
    startTime: showClock(m.startTime),
    place: m.place,
    distanceOffered: m.distance !== null,
    distance: m.distance ?? '',
    videoLink: m.videoLink ?? '',
    leftOut: called ? everyone.filter((id) => !called.has(id)) : [],
    justeringDate: m.justering?.date ?? '',
    justeringPlace: m.justering?.place ?? '',
    firstParagraph: m.firstParagraph === null ? '' : String(m.firstParagraph),
    agenda: m.agenda,
  };
}

export const hasErrors = (e: DraftErrors): boolean =>
  Object.entries(e).some(([k, v]) => (k === 'items' ? Object.values(v as DraftErrors['items']).some((x) => x.title || x.proposal) : !!v));

export function validateDraft(state: FederationState, d: MeetingDraft): DraftErrors {
  const e: DraftErrors = { items: {} };
  const dateOk = IsoDate.safeParse(d.date.trim()).success;
  if (!dateOk) e.date = dateInputError(d.date, 'datum för sammanträdet') ?? undefined;
  if (d.startTime.trim() === '') e.startTime = 'Ange när sammanträdet börjar, till exempel 09.00.';
  else if (!parseClock(d.startTime)) e.startTime = 'Skriv tiden som TT.MM, till exempel 09.00 eller 13.30.';
  if (d.place.trim() === '') e.place = 'Ange var sammanträdet hålls.';
  if (d.distanceOffered && d.distance.trim() === '' && d.videoLink.trim() === '') e.distance = 'Skriv hur man deltar på distans eller ange länken till videomötet, eller välj att distansdeltagande inte erbjuds.';
  if (d.distanceOffered) e.videoLink = videoLinkProblem(d.videoLink) ?? undefined;
  if (dateOk && calledFrom(state, d) !== null && calledFrom(state, d)!.length === 0) e.called = 'Kalla minst en ledamot eller ersättare.';
  if (dateOk && callableGroups(state, d.date).length === 0) e.called = 'Ingen har ett styrelseuppdrag på det datumet. Lägg in styrelsen under Förbundet eller välj ett annat datum.';
  const jd = d.justeringDate.trim();
  const jp = d.justeringPlace.trim();
  if (jd !== '' || jp !== '') {
    if (jd === '') e.justering = 'Ange justeringens datum som ÅÅÅÅ-MM-DD, eller lämna både datum och plats tomma.';
    else if (!IsoDate.safeParse(jd).success) e.justering = `${dateInputError(jd, 'justeringens datum')} Eller lämna både datum och plats tomma.`;
    else if (jp === '') e.justering = 'Ange var justeringen sker, eller lämna både datum och plats tomma.';
    else if (dateOk && jd < d.date.trim()) e.justering = 'Justeringen kan inte vara före sammanträdet.';
  }
  const fp = d.firstParagraph.trim();
  if (fp !== '' && !(/^\d{1,6}$/.test(fp) && Number(fp) >= 1)) e.firstParagraph = 'Första paragrafen ska vara ett heltal, till exempel 12, eller tom.';
  if (d.agenda.length === 0) e.agenda = 'Föredragningslistan är tom. Lägg till minst en punkt.';
  else if (d.agenda.length > MAX_AGENDA_ITEMS) e.agenda = `Föredragningslistan har ${d.agenda.length} punkter. Ett sammanträde rymmer högst ${MAX_AGENDA_ITEMS}: ta bort några och ta upp dem vid ett annat sammanträde.`;
  for (const item of d.agenda) {
    const ie: { title?: string; proposal?: string } = {};
    if (item.title.trim() === '') ie.title = 'Ge punkten en rubrik.';
    if (item.kind === 'decision' && (item.proposal ?? '').trim() === '') ie.proposal = 'Skriv förslag till beslut för beslutsärendet.';
    if (ie.title || ie.proposal) e.items[item.id] = ie;
  }
  return e;
}

/** The called list for the payload: null = everyone with an assignment on the date. */
export function calledFrom(state: FederationState, d: MeetingDraft): string[] | null {
  if (d.leftOut.length === 0) return null;
  const out = new Set(d.leftOut);
  return callableGroups(state, d.date.trim())
    .flatMap((g) => g.persons.map((p) => p.personId))
    .filter((id) => !out.has(id))
    .sort();
}

const orNull = (s: string | null): string | null => (s === null || s.trim() === '' ? null : s.trim());

/** The fields every meeting event carries, from a valid draft. */
export function fieldsOf(state: FederationState, d: MeetingDraft) {
  return {
    date: d.date.trim(),
    startTime: parseClock(d.startTime) ?? d.startTime,
    place: d.place.trim(),
    distance: d.distanceOffered ? d.distance.trim() : null,
    videoLink: d.distanceOffered && d.videoLink.trim() !== '' ? d.videoLink.trim() : null,
    called: calledFrom(state, d),
    justering: d.justeringDate.trim() !== '' ? { date: d.justeringDate.trim(), place: d.justeringPlace.trim() } : null,
    firstParagraph: d.firstParagraph.trim() === '' ? null : Number(d.firstParagraph.trim()),
    agenda: d.agenda.map((i) => ({ ...i, title: i.title.trim(), dnr: orNull(i.dnr), summary: orNull(i.summary), proposal: orNull(i.proposal) })),
  };
}

export function createdPayload(state: FederationState, d: MeetingDraft, id: string): MeetingPayloadInput<'meeting.created'> {
  return { id, organ: DEFAULT_ORGAN, ...fieldsOf(state, d) };
}

/** Only the fields that changed (meeting.updated replaces the named ones); null when nothing changed. */
export function updatedPayload(state: FederationState, m: MeetingState, d: MeetingDraft): MeetingPayloadInput<'meeting.updated'> | null {
  const next = fieldsOf(state, d);
  const changed = Object.fromEntries(Object.entries(next).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(m[k as keyof typeof next])));
  // The numbering is fixed by the first protokoll draft; do not send it again.
  if (m.numberedFrom !== null) delete changed.firstParagraph;
  return Object.keys(changed).length === 0 ? null : { id: m.id, ...changed };
}

/** Moves an item up (-1) or down (+1); returns the same list when it cannot move. */
export function moveItem(agenda: readonly AgendaItem[], id: string, by: -1 | 1): AgendaItem[] {
  const i = agenda.findIndex((x) => x.id === id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= agenda.length) return [...agenda];
  const out = [...agenda];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** Who is called, for the detail page: called ids grouped as in the form. */
export function calledGroups(state: FederationState, m: MeetingState): CallableGroup[] {
  const called = new Set(calledIds(state, m));
  return callableGroups(state, m.date)
    .map((g) => ({ ...g, persons: g.persons.filter((p) => called.has(p.personId)) }))
    .filter((g) => g.persons.length > 0);
}
