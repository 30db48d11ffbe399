/**
 * The event kernel: the pieces every feature builds its events from, and
 * nothing about any feature (a test and the import lint hold it to that).
 * - definition.ts: an event type's schema, label and subject;
 * - verdict.ts: authority rules and their Swedish verdicts;
 * - history.ts: versions, history entries, conflicts, and reducers over a Working state;
 * - types.ts: the records those are made of;
 * - causal.ts, event-set.ts, authority-date.ts: the order of events and the date authority is judged on;
 * - touched.ts: which items of a state the reducers reached (what serving the state compares).
 */
export { def, type Definition } from './definition';
export { OK, no, type Rule, type Verdict } from './verdict';
export { addVersion, applyUpdate, newWorking, patchOf, recordCreation, recordConflict, recordHistory, type KernelState, type Reducer, type Words, type Working } from './history';
export type { Conflict, Cutoff, FieldChange, HeldEvent, HistoryEntry, Json, Refusal } from './types';
export { authorityDate } from './authority-date';
export { addTouched, itemKey, newTouched, tracking, untracked, type Touched } from './touched';
