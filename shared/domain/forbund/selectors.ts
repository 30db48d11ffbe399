import type { FederationState } from '../events/state';
import type { Roster } from './model';

/** Questions the screens and rules ask of the förbund's part of the state. */

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

