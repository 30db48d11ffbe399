import { deadline, isNonWorkday } from '../../../shared/domain/calendar';
import { swedishDate } from '../../../shared/domain/format';

/**
 * The demo's dates, all relative to the day it is played, so the demo stays
 * sensible next year: the board met on a Tuesday about a week ago, justerar
 * today, and meets again on a Thursday two to three weeks from now; a
 * Tuesday or Thursday that is a holiday gives way to the nearest weekday
 * (before the held meeting, after the next one), so no meeting is ever on a
 * weekend or holiday (never
 * exactly two weeks ahead, the date the Sammanträden form proposes for a new
 * meeting, so a meeting planned on top of the demo does not share its date). Events are
 * signed "now", so a justering dated today is the one that matches its
 * signatures. Pure; `today` is a YYYY-MM-DD date in Sweden.
 */
export interface DemoCalendar {
  today: string;
  /** The held meeting (a Tuesday 6–12 days ago, or the weekday before it when that Tuesday is a holiday). */
  held: string;
  /** The next meeting (a Thursday 15–21 days from now, or the next weekday when that Thursday is a holiday). */
  next: string;
  /** The calendar year of the held meeting. */
  year: number;
  /** The held meeting's first §: four §§ a month so far this year (41 in November). */
  firstParagraph: number;
  /** Days from today (negative = earlier). */
  day(offset: number): string;
  /** Days from the held meeting. */
  fromHeld(offset: number): string;
}

const DAY_MS = 86_400_000;
const parse = (date: string): number => Date.parse(`${date}T12:00:00Z`);
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const plusDays = (date: string, n: number): string => iso(parse(date) + n * DAY_MS);
const weekday = (date: string): number => new Date(parse(date)).getUTCDay();
const TUESDAY = 2;
const THURSDAY = 4;

export function demoCalendar(now: Date = new Date()): DemoCalendar {
  const today = swedishDate(now.toISOString());
  let held = plusDays(today, -6);
  while (weekday(held) !== TUESDAY) held = plusDays(held, -1);
  // Never on a weekend or holiday (calendar.ts): a holiday Tuesday gives way to the weekday before, a holiday Thursday to the next weekday.
  while (isNonWorkday(held)) held = plusDays(held, -1);
  let next = plusDays(today, 15);
  while (weekday(next) !== THURSDAY) next = plusDays(next, 1);
  next = deadline(next);
  const month = Number(held.slice(5, 7));
  return {
    today,
    held,
    next,
    year: Number(held.slice(0, 4)),
    firstParagraph: 1 + 4 * (month - 1),
    day: (n) => plusDays(today, n),
    fromHeld: (n) => plusDays(held, n),
  };
}

/** The first day of the month after a date. */
export function firstOfNextMonth(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The last day of the month `months` months after the month of a first-of-month date (1 = its own month). */
export function endOfMonthAfter(first: string, months: number): string {
  const y = Number(first.slice(0, 4));
  const m = Number(first.slice(5, 7)) - 1 + months;
  return iso(Date.UTC(y + Math.floor(m / 12), m % 12, 1, 12) - DAY_MS);
}
