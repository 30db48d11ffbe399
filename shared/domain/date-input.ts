/**
 * Reading a date a person typed, the way the app writes dates (ÅÅÅÅ-MM-DD),
 * with a Swedish reason that tells a wrong format ("2026/3/14") apart from a
 * date that does not exist ("2026-02-30"). Used by every date field.
 */

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

export type DateInput =
  | { ok: true; date: string }
  | { ok: false; reason: 'empty' | 'format' | 'impossible'; message: string };

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Accepts ÅÅÅÅ-MM-DD with surrounding spaces; anything else says why not. */
export function readDateInput(text: string): DateInput {
  const value = text.trim();
  if (value === '') return { ok: false, reason: 'empty', message: 'Ange ett datum som ÅÅÅÅ-MM-DD.' };
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return { ok: false, reason: 'format', message: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-03-14.' };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return { ok: false, reason: 'impossible', message: `Datumet ${value} finns inte: månaden ska vara 01–12.` };
  const last = daysIn(year, month);
  if (day < 1 || day > last) return { ok: false, reason: 'impossible', message: `Datumet ${value} finns inte: ${MONTHS[month - 1]} ${year} har ${last} dagar.` };
  return { ok: true, date: value };
}

/**
 * The message for a date field, or null when it holds a real date. `what`
 * names the field in an empty or wrongly written value ("beslutsdatumet");
 * an impossible date always says that it does not exist.
 */
export function dateInputError(text: string, what: string, example = '2027-03-14'): string | null {
  const r = readDateInput(text);
  if (r.ok) return null;
  if (r.reason === 'empty') return `Ange ${what} (ÅÅÅÅ-MM-DD).`;
  if (r.reason === 'format') return `Skriv ${what} som ÅÅÅÅ-MM-DD, till exempel ${example}.`;
  return r.message;
}
