/**
 * The event layer's public face: what the main side's event store and the
 * renderer import. Internals (versioning, reducers, the key gate) stay behind it.
 */
export { plainReason } from './refusal-words';
export { CATALOGUE, EVENT_TYPES, INSATS_BUDGET_SUBJECT, isEventType, keyAnnouncement, parsePayload, subjectOf } from './catalogue';
export type { EventType, PayloadInput, PayloadOf, SubjectKind } from './catalogue';
export { AUTHORITY, authorize, type Verdict } from './authority';
export { fold, findGenesis, type FoldOptions } from './fold';
export { pendingMineOf, type PendingChange } from './pending';
export { knownIds, merge, nextLamport, sortedUnique } from './kernel/event-set';
export { nextPlace, placement, pastOf, inPast, isLegacy, unplacedIds, MISSING_PAST } from './kernel/causal';
export {
  applicationVersion,
  conflictsOf,
  currentApplication,
  emptyState,
  findQuestion,
  headsOf,
  historyOf,
  isBoardMember,
  isDirector,
  personName,
  rosterOf,
} from './state';
export type {
  ApplicationState,
  Conflict,
  Cutoff,
  JavDeclaration,
  QuestionState,
  StanceRecord,
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
