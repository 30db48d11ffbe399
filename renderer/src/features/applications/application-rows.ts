import { STANCE_LABEL, budgetTotals, type Application, type Stance } from '../../../../shared/domain/applications';
import { currentApplication, isBoardMember, type ApplicationState, type FederationState } from '../../../../shared/domain/events';
import type { SearchableRecord } from '../../../../shared/domain/search/filter';
import { applicationOutcome, applicationsOnAgenda, meetingsInOrder, type ApplicationOutcomeStatus } from '../../../../shared/domain/meetings';

/** Words and small derivations the Ansökningar screens share. Pure (private notes and read markers live in Dexie, db/review.ts). */

/** `2027-01-01 – 2028-12-31` */
export const formatPeriod = (period: { from: string; to: string }): string => `${period.from} – ${period.to}`;

/** The name of a member organisation, or a neutral word when it is unknown on this laptop. */
export const organisationName = (state: FederationState, id: string | null): string =>
  id === null ? 'ingen angiven' : (state.organisations[id]?.name ?? 'okänd organisation');

export const partyNames = (state: FederationState, app: Application): string[] => app.parties.map((id) => organisationName(state, id));

/** The version in force of every application, newest received first. */
export function currentApplications(state: FederationState): Application[] {
  return Object.keys(state.applications)
    .map((id) => currentApplication(state, id))
    .filter((a): a is Application => a !== undefined)
    .sort((a, b) => (a.receivedOn === b.receivedOn ? a.registrationNumber.localeCompare(b.registrationNumber, 'sv') : a.receivedOn < b.receivedOn ? 1 : -1));
}

/**
 * One application as a record for the search index and the list's filters.
 * `pdfTexts` holds the text of attached PDFs (extracted on the main side).
 */
export function toSearchRecord(state: FederationState, app: Application, pdfTexts: ReadonlyMap<string, string> = new Map()): SearchableRecord {
  return {
    id: app.id,
    title: app.name,
    fields: {
      diarienummer: app.registrationNumber,
      bakgrund: app.background,
      syfte: app.purpose,
      mål: app.goals.map((g) => `${g.text} ${g.target}`).join('\n'),
      målgrupp: `${app.targetGroup.area} ${app.targetGroup.description}`,
      aktiviteter: app.activities,
      styrning: app.governance,
      kontaktperson: app.contact.name,
    },
    parties: partyNames(state, app),
    status: '',
    meetingId: null,
    amount: budgetTotals(app).sought,
    periodFrom: app.period.from,
    periodTo: app.period.to,
    pdfText: app.attachments.map((a) => pdfTexts.get(a.sha256) ?? '').join('\n'),
  };
}

/** The board members (ledamot or ersättare) on `date`. */
export function boardMemberIds(state: FederationState, date: string): string[] {
  return Object.keys(state.persons).filter((id) => isBoardMember(state, id, date));
}

export interface StanceCounts {
  support: number;
  oppose: number;
  discuss: number;
  /** Board members without a stance and without jäv. */
  none: number;
  jav: number;
}

export function stanceCounts(state: FederationState, app: ApplicationState, date: string): StanceCounts {
  const counts: StanceCounts = { support: 0, oppose: 0, discuss: 0, none: 0, jav: 0 };
  const members = new Set(boardMemberIds(state, date));
  for (const [person, record] of Object.entries(app.stances)) {
    if (!app.javDeclarations[person]) counts[record.stance] += 1;
  }
  for (const id of members) {
    if (app.javDeclarations[id]) counts.jav += 1;
    else if (!app.stances[id]) counts.none += 1;
  }
  return counts;
}

/** "Tillstyrker 2 · Avstyrker 0 · …" for the director's column in the list. */
export function stanceSummary(c: StanceCounts): string {
  const order: Stance[] = ['support', 'oppose', 'discuss'];
  return [...order.map((s) => `${STANCE_LABEL[s]} ${c[s]}`), `Ej tagit ställning ${c.none}`].join(' · ');
}

/** A member's own status on one application: reviewed once they took a stance or declared jäv. */
export function myStatus(app: ApplicationState, me: string): 'Att granska' | 'Granskad' {
  return app.stances[me] || app.javDeclarations[me] ? 'Granskad' : 'Att granska';
}

/** What a member still has to do on one ansökan before the meeting. */
export type ReviewGap = 'unread' | 'noStance';

export const REVIEW_GAP_LABEL: Record<ReviewGap, string> = {
  unread: 'inte markerad som läst',
  noStance: 'inget ställningstagande',
};

export interface ReviewTodo {
  applicationId: string;
  name: string;
  registrationNumber: string;
  version: number;
  /** Empty for the ansökningar with the member's own jäv. */
  gaps: ReviewGap[];
}

export interface ReviewTodos {
  /** Not marked read (this version) or without a stance; oldest received first. */
  todo: ReviewTodo[];
  /** With the member's own jäv: no stance is asked for ("jäv anmält"). */
  jav: ReviewTodo[];
  /** How many the selection covered. */
  total: number;
}

/** The key a read marker is kept under: per ansökan and version, so a new version is unread again. */
export const readKey = (applicationId: string, version: number): string => `${applicationId}@${version}`;

/**
 * What is left for `me` to review. `read` holds readKey()s marked read on this
 * laptop. `agenda`, when given, limits the selection to the ansökningar on the
 * next meeting's agenda (the meetings domain wires it); without it every
 * ansökan without a decision counts (`decided` leaves out those with one).
 */
export function leftToReview(
  state: FederationState,
  me: string,
  read: ReadonlySet<string>,
  options: { agenda?: readonly string[]; decided?: ReadonlySet<string> } = {},
): ReviewTodos {
  const onAgenda = options.agenda ? new Set(options.agenda) : null;
  const apps = currentApplications(state)
    .filter((a) => (onAgenda ? onAgenda.has(a.id) : !options.decided?.has(a.id)))
    .reverse();
  const out: ReviewTodos = { todo: [], jav: [], total: apps.length };
  for (const app of apps) {
    const appState = state.applications[app.id]!;
    const item: ReviewTodo = { applicationId: app.id, name: app.name, registrationNumber: app.registrationNumber, version: app.version, gaps: [] };
    if (appState.javDeclarations[me]) {
      out.jav.push(item);
      continue;
    }
    if (!read.has(readKey(app.id, app.version))) item.gaps.push('unread');
    if (!appState.stances[me]) item.gaps.push('noStance');
    if (item.gaps.length > 0) out.todo.push(item);
  }
  return out;
}

/** The list's status and meeting filters: null means "all". */
export interface OutcomeMeetingFilter {
  status: ApplicationOutcomeStatus | null;
  /** Only ansökningar on this sammanträde's föredragningslista. */
  meetingId: string | null;
}

/** Keeps the ids whose outcome (from justerade protokoll) and meeting match; order is kept. */
export function filterByOutcomeAndMeeting(state: FederationState, ids: readonly string[], f: OutcomeMeetingFilter): string[] {
  const onMeeting = f.meetingId ? new Set(applicationsOnAgenda(state, f.meetingId).map((a) => a.applicationId)) : null;
  return ids.filter((id) => (!onMeeting || onMeeting.has(id)) && (!f.status || applicationOutcome(state, id).status === f.status));
}

/** Meetings with at least one ansökan on their agenda, newest first, for the meeting filter. */
export function meetingsWithApplications(state: FederationState): { id: string; label: string }[] {
  return meetingsInOrder(state)
    .filter((m) => applicationsOnAgenda(state, m.id).length > 0)
    .reverse()
    .map((m) => ({ id: m.id, label: `${m.date} ${m.organ}` }));
}
