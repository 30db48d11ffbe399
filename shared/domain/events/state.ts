import type { Organisation, Person, Roster } from '../forbund/model';
import type { SubjectKind } from './catalogue';

/**
 * The state the screens show, derived from the events by fold.ts. It is plain
 * JSON (no Map, Set or class) so it can cross IPC, be stored in Dexie and be
 * compared deep-equal between laptops in tests.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Federation {
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

export type KeyStatus = 'pending' | 'accepted' | 'rejected';

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

export interface FederationState {
  federation: Federation | null;
  documents: Record<string, DocumentState>;
  organisations: Record<string, OrganisationState>;
  persons: Record<string, PersonState>;
  keys: Record<string, KeyRecord>;
  /** Audit trail: subject id → versions in applied order. */
  history: Record<string, HistoryEntry[]>;
  refused: Refusal[];
  held: HeldEvent[];
  conflicts: Conflict[];
}

export function emptyState(): FederationState {
  return { federation: null, documents: {}, organisations: {}, persons: {}, keys: {}, history: {}, refused: [], held: [], conflicts: [] };
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
  return [...(state.organisations[subjectId]?.heads ?? state.persons[subjectId]?.heads ?? state.keys[subjectId]?.heads ?? [])];
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
