import type { ApplicationState } from '../applications/state';
import type { ReviewState } from '../applications/review-events';
import type { DelegationDecisionState, DelegationOrderState } from '../delegations/state';
import type { DocumentState, Federation, KeyRecord, OrganisationState, PersonState } from '../forbund/state';
import type { MeetingState } from '../meetings/state';
import { emptyPki, type PkiState } from '../pki/state';
import { findQuestion } from '../applications/state';
import type { SubjectKind } from './catalogue';
import type { Conflict as KernelConflict, Cutoff, HeldEvent, HistoryEntry, Refusal } from './kernel/types';

// The composed state's parts, where screens and services have always found them.
export type { Cutoff, FieldChange, HeldEvent, HistoryEntry, Json, Refusal } from './kernel/types';
export type { DocumentState, Federation, KeyRecord, KeyStatus, OrganisationState, PersonState } from '../forbund/state';
export { isBoardMember, isDirector, personName, rosterOf } from '../forbund/selectors';
export type { ApplicationState, JavDeclaration, QuestionState, StanceRecord } from '../applications/state';
export { findQuestion, noteQuestion } from '../applications/state';
export { applicationVersion, currentApplication } from '../applications/selectors';

/** Concurrent changes of the same field (or decisions on the same key), and which one won. */
export type Conflict = KernelConflict<SubjectKind>;

/**
 * The state the screens show, derived from the events by fold.ts: every feature's
 * part (forbund/state.ts, applications/state.ts, meetings/state.ts, …) composed. It is plain
 * JSON (no Map, Set or class) so it can cross IPC, be stored in Dexie and be
 * compared deep-equal between laptops in tests.
 */

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

/**
 * Sections keyed by id: what changes in them is tracked and served item by
 * item (a stance changes its ansökan, not all of them). Every other section
 * is small and compared whole.
 */
export const BY_ID_SECTIONS: ReadonlySet<string> = new Set(['applications', 'documents', 'meetings', 'organisations', 'persons', 'keys', 'history', 'delegationOrders', 'delegationDecisions', 'ties', 'sharedNotes']);

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

/** Conflicts about one item, for the "there was a conflict" notice on its screen. */
export function conflictsOf(state: FederationState, subjectId: string): Conflict[] {
  return state.conflicts.filter((c) => c.subject === subjectId);
}

