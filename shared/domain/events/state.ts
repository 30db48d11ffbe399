import type { Application, Stance } from '../applications/model';
import type { JavGround } from '../applications/jav';
import type { Organisation, Person, Roster } from '../forbund/model';
import type { SubjectKind } from './catalogue';
import type { MeetingState } from '../meetings/state';
import type { DelegationDecisionState, DelegationOrderState } from '../delegations/model';
import type { ReviewState } from '../applications/review-events';
import { emptyPki, type PkiState } from '../pki/pki-state';
import type { OrdningFields } from '../forbund/ordning';

/**
 * The state the screens show, derived from the events by fold.ts. It is plain
 * JSON (no Map, Set or class) so it can cross IPC, be stored in Dexie and be
 * compared deep-equal between laptops in tests.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Federation extends OrdningFields {
  /** The förbund id (the `forbund` of every event). */
  id: string;
  name: string;
  orgNr: string;
  /** The genesis event: the root every other authority is derived from. */
  genesisEvent: string;
  /** Fingerprint of the key that signed the genesis: accepted by definition. */
  genesisKey: string;
  heads: string[];
}

/**
 * Every item carries `heads`: the ids of its latest versions. An event that
 * changes the item lists them in its `prev`, which is how a later fold tells
 * "saw the other change" from "made at the same time" (see versioning.ts).
 */
export interface OrganisationState extends Organisation {
  heads: string[];
}

export interface PersonState extends Person {
  heads: string[];
}

/** revoked: spärrad with a cut-off (key.revoked); its events up to the cut-off still count. */
export type KeyStatus = 'pending' | 'accepted' | 'rejected' | 'revoked';

export interface KeyRecord {
  fingerprint: string;
  personId: string;
  publicKeyPem: string;
  deviceName: string;
  status: KeyStatus;
  /** The key.registered event (or the genesis, for the director's first key). */
  registeredBy: string;
  /** The key.accepted / key.rejected event that decided it; the genesis for the director's first key. */
  decidedBy: string | null;
  /** The device's X25519 public key for encrypted packages (base64, key.encryption.registered), once registered. */
  encryptionKey?: string;
  /** Set when the key was revoked (status revoked): why, and by whom (key.revoked). */
  revocation?: { reason: string; by: string; decision: string | null };
  heads: string[];
}

export interface FieldChange {
  /** `name`, `email`, … or `contributions.2026` for one year's amount. */
  field: string;
  /** Swedish name of the field, for the history screen. */
  label: string;
  from: Json;
  to: Json;
}

/** One version of one item: who changed what, when, in which event. */
export interface HistoryEntry {
  eventId: string;
  type: string;
  /** Swedish, e.g. "Person ändrades". */
  label: string;
  author: string;
  /** The author's name as it was when the event was applied. */
  authorName: string;
  /** Wall time on the author's device (display only). */
  at: string;
  lamport: number;
  changes: FieldChange[];
  /** The whole item after this event: every version is kept. */
  snapshot: Json;
}

/** An event that was never applied: no authority, bad content, wrong förbund, or a rejected key. */
export interface Refusal {
  eventId: string;
  type: string;
  author: string;
  at: string;
  lamport: number;
  /** Swedish, shown as is. */
  reason: string;
}

/** An event signed by a key that is not (yet) accepted: kept aside, neither applied nor refused. */
export interface HeldEvent {
  eventId: string;
  type: string;
  author: string;
  at: string;
  lamport: number;
  fingerprint: string;
  /** pending: registered, waiting for the förbundschef; unknown: no registration seen. */
  keyStatus: 'pending' | 'unknown';
  /** Swedish, when the event waits for something else than its key (e.g. events it builds on). */
  reason?: string;
}

/**
 * The end of a role or the revocation of a key (docs/trust-model.md): the
 * events of that key or role holder that the cut-off event had seen (its
 * causal past) are kept; every other one of them is refused.
 */
export interface Cutoff {
  eventId: string;
  kind: 'key' | 'director' | 'board' | 'lock';
  /** The key fingerprint (key), the person id (director, board) or the meeting id (lock: a protokoll draft). */
  subject: string;
  /** Who made the cut-off. */
  by: string;
}

/** Concurrent changes of the same field (or decisions on the same key), and which one won. */
export interface Conflict {
  subject: string;
  subjectKind: SubjectKind;
  field: string;
  winner: string;
  losers: string[];
  /** Swedish: "Två ändringar av namn gjordes samtidigt; den från X vann." */
  explanation: string;
}

/** A board document shared by the förbundschef; the file itself is stored by its SHA-256. */
export interface DocumentState {
  sha256: string;
  fileName: string;
  title: string;
  pageCount: number;
  size: number;
  confidential: boolean;
  oslReference: string | null;
  sharedBy: string;
  sharedAt: string;
  heads: string[];
}

/** A question from a board member to the förbundschef about an application, and the answer when it came back. */
export interface QuestionState {
  id: string;
  applicationId: string;
  askedBy: string;
  askedAt: string;
  /** The version in force when the question was asked. */
  askedOnVersion: number;
  text: string;
  answer: { text: string; answeredBy: string; answeredAt: string; eventId: string } | null;
  heads: string[];
}

export interface StanceRecord {
  stance: Stance;
  comment: string | null;
  setAt: string;
  eventId: string;
}

export interface JavDeclaration {
  ground: JavGround;
  text: string;
  declaredAt: string;
  eventId: string;
}

/**
 * An ansökan om medel: every version (an application is changed only by a new
 * whole version), the questions about it and, per board member (person id),
 * their stance and jäv declaration.
 */
export interface ApplicationState {
  id: string;
  /** Every version, oldest first; versions[i].version === i + 1. */
  versions: Application[];
  /** The version number in force (the last one). */
  current: number;
  registeredBy: string;
  questions: Record<string, QuestionState>;
  stances: Record<string, StanceRecord>;
  javDeclarations: Record<string, JavDeclaration>;
  heads: string[];
}

export interface FederationState extends ReviewState, PkiState {
  federation: Federation | null;
  /** Ansökningar om medel by id. */
  applications: Record<string, ApplicationState>;
  /** The förbund's budget for insatser: year ("2026") → whole kronor, set by the förbundschef. */
  insatsBudget: Record<string, number>;
  documents: Record<string, DocumentState>;
  /** Sammanträden by id (meetings/state.ts). */
  meetings: Record<string, MeetingState>;
  organisations: Record<string, OrganisationState>;
  persons: Record<string, PersonState>;
  keys: Record<string, KeyRecord>;
  /** Audit trail: subject id → versions in applied order. */
  history: Record<string, HistoryEntry[]>;
  refused: Refusal[];
  held: HeldEvent[];
  /** Role ends and key revocations in force, in the order they were applied. */
  cutoffs: Cutoff[];
  conflicts: Conflict[];
  /** Delegationsordningar by id (delegations/model.ts). */
  delegationOrders: Record<string, DelegationOrderState>;
  /** Delegationsbeslut by id; `mustReport` ones go to the next meeting's "Anmälan av delegationsbeslut". */
  delegationDecisions: Record<string, DelegationDecisionState>;
}

export function emptyState(): FederationState {
  return { federation: null, applications: {}, insatsBudget: {}, documents: {}, meetings: {}, organisations: {}, persons: {}, keys: {}, history: {}, refused: [], held: [], cutoffs: [], conflicts: [], delegationOrders: {}, delegationDecisions: {}, ties: {}, sharedNotes: {}, pki: emptyPki() };
}

/** The audit trail of one item (organisation, person, key fingerprint or the förbund id), oldest first. */
export function historyOf(state: FederationState, subjectId: string): HistoryEntry[] {
  return state.history[subjectId] ?? [];
}

/**
 * What a new event changing this item puts in its `prev`: the item's current
 * heads. Without it, the change counts as made without seeing the others and
 * any differing field is reported as a conflict.
 */
export function headsOf(state: FederationState, subjectId: string): string[] {
  if (state.federation?.id === subjectId) return [...state.federation.heads];
  return [
    ...(state.organisations[subjectId]?.heads ??
      state.persons[subjectId]?.heads ??
      state.keys[subjectId]?.heads ??
      state.applications[subjectId]?.heads ??
      findQuestion(state, subjectId)?.heads ??
      state.meetings[subjectId]?.heads ??
      []),
  ];
}

/**
 * Questions by id, per applications record: built once by one scan, then kept
 * up to date by the question.asked reducer (noteQuestion), so a lookup costs
 * O(1) however many ansökningar there are (issue #16).
 */
const questionIndex = new WeakMap<Record<string, ApplicationState>, Map<string, QuestionState>>();

function questionsOf(state: FederationState): Map<string, QuestionState> {
  let index = questionIndex.get(state.applications);
  if (!index) {
    index = new Map();
    for (const app of Object.values(state.applications)) for (const q of Object.values(app.questions)) index.set(q.id, q);
    questionIndex.set(state.applications, index);
  }
  return index;
}

/** A question by id, whichever application it is about. */
export function findQuestion(state: FederationState, questionId: string): QuestionState | undefined {
  const q = questionsOf(state).get(questionId);
  // The record is the truth: an entry replaced or removed outside the reducer is not trusted.
  return q && state.applications[q.applicationId]?.questions[questionId] === q ? q : undefined;
}

/** Records a question just added to its application (the question.asked reducer). */
export function noteQuestion(state: FederationState, q: QuestionState): void {
  questionsOf(state).set(q.id, q);
}

/** The version in force of an application. */
export function currentApplication(state: FederationState, applicationId: string): Application | undefined {
  const a = state.applications[applicationId];
  return a?.versions[a.current - 1];
}

/** One version of an application (1 = the first). */
export function applicationVersion(state: FederationState, applicationId: string, version: number): Application | undefined {
  return state.applications[applicationId]?.versions[version - 1];
}

/** Whether the person holds a board seat (ledamot or ersättare, any role) on the date `YYYY-MM-DD`. */
export function isBoardMember(state: FederationState, personId: string, date: string): boolean {
  return state.persons[personId]?.assignments.some((a) => a.from <= date && date <= a.to) ?? false;
}

export function isDirector(state: FederationState, personId: string): boolean {
  return state.persons[personId]?.staffRole === 'director';
}

export function personName(state: FederationState, personId: string): string {
  return state.persons[personId]?.name ?? 'okänd person';
}

/** The organisations and people, for board-rules.ts. Sorted by name so lists read the same everywhere. */
export function rosterOf(state: FederationState): Roster {
  const byName = <T extends { name: string; id: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'sv') || (a.id < b.id ? -1 : 1);
  return {
    organisations: Object.values(state.organisations).sort(byName),
    persons: Object.values(state.persons).sort(byName),
  };
}

/** Conflicts about one item, for the "there was a conflict" notice on its screen. */
export function conflictsOf(state: FederationState, subjectId: string): Conflict[] {
  return state.conflicts.filter((c) => c.subject === subjectId);
}
