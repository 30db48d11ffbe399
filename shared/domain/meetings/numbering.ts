import type { FederationState } from '../events/state';
import type { MeetingState } from './state';

/**
 * § numbers run through the calendar year and restart on 1 January
 * (DOMAIN.md 4.3). Every agenda item becomes a § (all items are §§ in
 * practice; keeping it so makes the agenda number and the § the same thing).
 *
 * The first § of a meeting = its `firstParagraph` override, else 1 + the
 * highest § of earlier meetings (by date, start time, id) in the same year
 * that have a protokoll draft. Once a meeting's first draft is made the
 * number is fixed (`numberedFrom`), so §§ already sent for justering — or
 * justerade omedelbart — never move.
 */

const earlier = (a: MeetingState, b: MeetingState): boolean =>
  a.date < b.date || (a.date === b.date && (a.startTime < b.startTime || (a.startTime === b.startTime && a.id < b.id)));

export function firstParagraphOf(state: FederationState, m: MeetingState, depth = 0): number {
  if (m.numberedFrom !== null) return m.numberedFrom;
  if (m.firstParagraph !== null) return m.firstParagraph;
  const year = m.date.slice(0, 4);
  let highest = 0;
  if (depth < 1000) {
    for (const other of Object.values(state.meetings)) {
      if (other.id === m.id || other.date.slice(0, 4) !== year || !earlier(other, m) || other.drafts.length === 0) continue;
      highest = Math.max(highest, lastParagraphOf(state, other, depth + 1));
    }
  }
  return highest + 1;
}

/** The highest § of a meeting (its first § + number of items − 1; the first § if the agenda is empty). */
export function lastParagraphOf(state: FederationState, m: MeetingState, depth = 0): number {
  return firstParagraphOf(state, m, depth) + Math.max(m.agenda.length, 1) - 1;
}

/** Item id → § number. */
export function paragraphNumbers(state: FederationState, m: MeetingState): Record<string, number> {
  const first = firstParagraphOf(state, m);
  return Object.fromEntries(m.agenda.map((item, i) => [item.id, first + i]));
}

/** The agenda item with a given § number, or undefined. */
export function itemByParagraph(state: FederationState, m: MeetingState, n: number): string | undefined {
  const i = n - firstParagraphOf(state, m);
  return m.agenda[i]?.id;
}

/** "§ 28–33" style ranges from sorted § numbers: "§ 3", "§ 3–5", "§ 3–5, 7". */
export function paragraphRangeText(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  let prev = start;
  for (const n of [...sorted.slice(1), Number.NaN]) {
    if (start === undefined || prev === undefined) break;
    if (n === prev + 1) {
      prev = n;
      continue;
    }
    parts.push(start === prev ? String(start) : `${start}–${prev}`);
    start = n;
    prev = n;
  }
  return `§ ${parts.join(', ')}`;
}
