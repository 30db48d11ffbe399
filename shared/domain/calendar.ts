/**
 * The Swedish calendar the meeting rules need, computed for any year (no
 * list of years to run out of). Dates are `YYYY-MM-DD` strings, handled in
 * UTC so the result never depends on the laptop's time zone.
 *
 * - Allmänna helgdagar, lag (1989:253) om allmänna helgdagar 1 §: nyårsdagen,
 *   trettondedag jul, långfredagen, påskdagen, annandag påsk, första maj,
 *   Kristi himmelsfärdsdag, nationaldagen, pingstdagen, midsommardagen
 *   (the Saturday 20–26 June), alla helgons dag (the Saturday 31 Oct–6 Nov),
 *   juldagen, annandag jul. Easter by the Gregorian computus.
 * - Lag (1930:173) om beräkning av lagstadgad tid 2 §: when the last day of a
 *   time limit is a Saturday, Sunday or allmän helgdag — with midsommarafton,
 *   julafton and nyårsafton counting as helgdagar — the act may be done on
 *   the next weekday (`deadline`).
 */

const DAY_MS = 86_400_000;
const utc = (date: string): number => Date.parse(`${date}T12:00:00Z`);
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const ymd = (y: number, m: number, d: number): string => iso(Date.UTC(y, m - 1, d, 12));

/** `date` moved `days` calendar days (negative = earlier). */
export const plusDays = (date: string, days: number): string => iso(utc(date) + days * DAY_MS);

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: string): number => new Date(utc(date)).getUTCDay();

/** Easter Sunday (påskdagen) of a Gregorian year (anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

/** The Saturday in [from, from + 6]. */
const saturdayFrom = (from: string): string => plusDays(from, (6 - weekdayOf(from) + 7) % 7);

export interface Holiday {
  date: string;
  name: string;
  /** An allmän helgdag by lag (1989:253); false for the aftnar that only count as such for time limits. */
  official: boolean;
}

/** The holidays of a year, sorted by date: allmänna helgdagar and midsommar-, jul- and nyårsafton. */
export function swedishHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const midsommardagen = saturdayFrom(ymd(year, 6, 20));
  const list: Holiday[] = [
    { date: ymd(year, 1, 1), name: 'nyårsdagen', official: true },
    { date: ymd(year, 1, 6), name: 'trettondedag jul', official: true },
    { date: plusDays(easter, -2), name: 'långfredagen', official: true },
    { date: easter, name: 'påskdagen', official: true },
    { date: plusDays(easter, 1), name: 'annandag påsk', official: true },
    { date: ymd(year, 5, 1), name: 'första maj', official: true },
    { date: plusDays(easter, 39), name: 'Kristi himmelsfärdsdag', official: true },
    { date: ymd(year, 6, 6), name: 'nationaldagen', official: true },
    { date: plusDays(easter, 49), name: 'pingstdagen', official: true },
    { date: plusDays(midsommardagen, -1), name: 'midsommarafton', official: false },
    { date: midsommardagen, name: 'midsommardagen', official: true },
    { date: saturdayFrom(ymd(year, 10, 31)), name: 'alla helgons dag', official: true },
    { date: ymd(year, 12, 24), name: 'julafton', official: false },
    { date: ymd(year, 12, 25), name: 'juldagen', official: true },
    { date: ymd(year, 12, 26), name: 'annandag jul', official: true },
    { date: ymd(year, 12, 31), name: 'nyårsafton', official: false },
  ];
  return list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

const cache = new Map<number, Map<string, Holiday>>();
function holidaysByDate(year: number): Map<string, Holiday> {
  let m = cache.get(year);
  if (!m) {
    m = new Map(swedishHolidays(year).map((h) => [h.date, h]));
    cache.set(year, m);
  }
  return m;
}

/** The holiday on a date, or null. */
export const holidayOn = (date: string): Holiday | null => holidaysByDate(Number(date.slice(0, 4))).get(date) ?? null;

export const isWeekend = (date: string): boolean => {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
};

/** Not a vardag for time limits: Saturday, Sunday, helgdag or midsommar-/jul-/nyårsafton. */
export const isNonWorkday = (date: string): boolean => isWeekend(date) || holidayOn(date) !== null;

/** The date itself when it is a weekday, else the next weekday (lag 1930:173 2 §). */
export function deadline(date: string): string {
  let d = date;
  while (isNonWorkday(d)) d = plusDays(d, 1);
  return d;
}

const WEEKDAY_NAME = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'];

/** Swedish reason why a date is not a weekday ("julafton", "en lördag"), or null on a weekday. */
export function nonWorkdayReason(date: string): string | null {
  const h = holidayOn(date);
  if (h) return h.name;
  return isWeekend(date) ? `en ${WEEKDAY_NAME[weekdayOf(date)]}` : null;
}
