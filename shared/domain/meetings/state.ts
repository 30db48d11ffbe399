import type { FederationState } from '../events/state';
import { SEAT_ROLES, isActiveOn, type BoardRole } from '../forbund/model';
import type { AgendaItem, AttendanceEntry, AttestationRole, DraftPart, ItemRecord, Justering, OtherAttendee } from './model';
import type { ProtokollDocument } from './protokoll-document';

/**
 * A meeting in the folded state (FederationState.meetings): its planned
 * fields, kallelse, förhinder, the minutes as recorded and the protokoll's
 * drafts, feedback and attestations. Plain JSON like the rest of the state.
 */

export interface AbsenceRecord {
  reason: string | null;
  reportedAt: string;
  eventId: string;
}

export interface DraftRecord {
  version: number;
  part: DraftPart;
  document: ProtokollDocument;
  /** protokollHash(document): what attestations sign. */
  sha256: string;
  draftedBy: string;
  draftedAt: string;
  eventId: string;
}

export interface FeedbackRecord {
  version: number;
  kind: 'returned' | 'commented';
  personId: string;
  comment: string;
  at: string;
  eventId: string;
}

export interface AttestationRecord {
  version: number;
  part: DraftPart;
  role: AttestationRole;
  personId: string;
  sha256: string;
  at: string;
  eventId: string;
}

/** Justerat: the attestation that completed the set, and its date (the justering date). */
export interface LockRecord {
  version: number;
  /** YYYY-MM-DD of the attestation that locked it. */
  date: string;
  eventId: string;
}

/** The recorded anslag: the day posted, by whom. */
export interface AnslagRecord {
  postedOn: string;
  by: string;
  eventId: string;
}

export interface MeetingState {
  id: string;
  date: string;
  startTime: string;
  place: string;
  distance: string | null;
  /** The https link to the video meeting (null: none, or a meeting from before the field). */
  videoLink: string | null;
  organ: string;
  called: string[] | null;
  justering: Justering | null;
  firstParagraph: number | null;
  storage: string | null;
  agenda: AgendaItem[];
  createdBy: string;
  /** Kallelse sent (the last meeting.called). */
  calledOn: { sentOn: string; sha256: string | null; eventId: string } | null;
  /** Förhinder by person id. */
  absences: Record<string, AbsenceRecord>;
  attendance: { persons: AttendanceEntry[]; others: OtherAttendee[] } | null;
  /** The record of each agenda item by item id. */
  records: Record<string, ItemRecord>;
  /** Mötets avslutande. */
  endTime: string | null;
  /** The § number of the first item, fixed by the first draft so numbers never move once sent. */
  numberedFrom: number | null;
  drafts: DraftRecord[];
  feedback: FeedbackRecord[];
  attestations: AttestationRecord[];
  /** The whole protokoll is justerat. */
  locked: LockRecord | null;
  /** §§ justerade omedelbart, by § number. */
  lockedParagraphs: Record<string, LockRecord>;
  /** The anslag as recorded (anslag.posted); null until posted. */
  anslag: AnslagRecord | null;
  /** The anslag of each § justerad omedelbart ("6" → record), by § number; absent until one is posted. */
  paragraphAnslag?: Record<string, AnslagRecord>;
  heads: string[];
}

export const LOCKED_REASON = 'Protokollet är justerat och kan inte ändras. En rättelse görs som en ny paragraf i ett senare protokoll.';

export function meetingOf(state: FederationState, meetingId: string): MeetingState | undefined {
  return state.meetings[meetingId];
}

/** The board assignment a person holds on a date (a seat role before substitute), or undefined. */
export function seatOn(state: FederationState, personId: string, date: string): { role: BoardRole; organisationId: string; callingOrder?: number } | undefined {
  const active = (state.persons[personId]?.assignments ?? []).filter((a) => isActiveOn(a, date));
  const rank = (r: BoardRole): number => (r === 'chair' ? 0 : r === 'viceChair' ? 1 : r === 'member' ? 2 : 3);
  return [...active].sort((a, b) => rank(a.role) - rank(b.role))[0];
}

export const isLedamotRole = (role: BoardRole | undefined): boolean => role !== undefined && SEAT_ROLES.includes(role);

/** The chair of the board (ordförande) on a date, by name order if the register has more than one. */
export function boardChairOn(state: FederationState, date: string, role: 'chair' | 'viceChair' = 'chair'): string | null {
  const ids = Object.values(state.persons)
    .filter((p) => p.assignments.some((a) => a.role === role && isActiveOn(a, date)))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv') || (a.id < b.id ? -1 : 1))
    .map((p) => p.id);
  return ids[0] ?? null;
}

/** Secretary role for a meeting: förbundschef or sekreterare, or the chair of the board on the meeting date. */
export function hasSecretaryRole(state: FederationState, personId: string, date: string): boolean {
  const p = state.persons[personId];
  if (!p) return false;
  if (p.staffRole === 'director' || p.staffRole === 'secretary') return true;
  return p.assignments.some((a) => a.role === 'chair' && isActiveOn(a, date));
}

/** Everyone called: the explicit list, or everyone with a board assignment on the date, sorted by id. */
export function calledIds(state: FederationState, m: Pick<MeetingState, 'called' | 'date'>): string[] {
  if (m.called) return [...new Set(m.called)].sort();
  return Object.values(state.persons)
    .filter((p) => p.assignments.some((a) => isActiveOn(a, m.date)))
    .map((p) => p.id)
    .sort();
}

export const itemIndex = (m: Pick<MeetingState, 'agenda'>, itemId: string): number => m.agenda.findIndex((i) => i.id === itemId);

/** The latest draft of a part ('whole' or one § number), or undefined. */
export function latestDraft(m: MeetingState, part: DraftPart = 'whole'): DraftRecord | undefined {
  return [...m.drafts].reverse().find((d) => d.part === part);
}

export const draftVersion = (m: MeetingState, version: number): DraftRecord | undefined => m.drafts.find((d) => d.version === version);

export const lastVersion = (m: MeetingState): number => m.drafts.reduce((max, d) => Math.max(max, d.version), 0);
