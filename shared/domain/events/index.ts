/**
 * The event layer's public face: what the main side's event store and the
 * renderer import. Internals (versioning, reducers, the key gate) stay behind it.
 */
export { CATALOGUE, EVENT_TYPES, isEventType, keyAnnouncement, parsePayload, subjectOf } from './catalogue';
export type { EventType, PayloadInput, PayloadOf, SubjectKind } from './catalogue';
export { AUTHORITY, authorize, type Verdict } from './authority';
export { fold, findGenesis, type FoldOptions } from './fold';
export { knownIds, merge, nextLamport, sortedUnique } from './event-set';
export { conflictsOf, emptyState, headsOf, historyOf, isDirector, personName, rosterOf } from './state';
export type {
  Conflict,
  DocumentState,
  Federation,
  FederationState,
  FieldChange,
  HeldEvent,
  HistoryEntry,
  Json,
  KeyRecord,
  KeyStatus,
  OrganisationState,
  PersonState,
  Refusal,
} from './state';
