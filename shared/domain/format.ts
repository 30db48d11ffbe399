/**
 * Swedish (sv-SE) formats used everywhere users read dates, times and amounts:
 * dates `2026-03-14`, times `09.00`, amounts `1 234 500 kr`, § numbers `§ 12`.
 *
 * Written by hand rather than with Intl so the output is identical in Node,
 * Chromium and Electron whatever ICU data they ship (sv-SE in Intl uses
 * U+00A0 / U+2212 and differs between ICU versions).
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2026-03-14` in the local time zone of the device. */
export function formatDate(value: Date | string): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `09.00` — Swedish style uses a full stop between hours and minutes. */
export function formatTime(value: Date | string): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '';
  return `${pad(d.getHours())}.${pad(d.getMinutes())}`;
}

/** `2026-03-14 09.00` */
export function formatDateTime(value: Date | string): string {
  const date = formatDate(value);
  return date && `${date} ${formatTime(value)}`;
}

/** Groups digits in threes with a space: 1234500 → `1 234 500`. */
export function groupDigits(n: number): string {
  const sign = n < 0 ? '−' : '';
  const digits = String(Math.trunc(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** Whole kronor: `1 234 500 kr`. Amounts in the app are whole kronor. */
export function formatAmount(kronor: number): string {
  return `${groupDigits(Math.round(kronor))} kr`;
}

/** `§ 12` */
export function formatParagraph(n: number): string {
  return `§ ${n}`;
}

/**
 * A diarienummer as a label: "Dnr 2026/14". Registration numbers are often
 * typed with the prefix already ("Dnr 2026/14"), so it is not doubled.
 */
export function formatDnr(dnr: string): string {
  const t = dnr.trim();
  return /^dnr\b/i.test(t) ? `Dnr ${t.replace(/^dnr\.?\s*/i, '')}` : `Dnr ${t}`;
}

/** File sizes for people: `532 kB`, `4,2 MB` (decimal comma). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} byte`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  const mb = bytes / 1_000_000;
  return `${(mb < 10 ? mb.toFixed(1) : String(Math.round(mb))).replace('.', ',')} MB`;
}

/** `1 sida` / `12 sidor` */
export function formatPageCount(pages: number): string {
  return pages === 1 ? '1 sida' : `${pages} sidor`;
}

/** The last Sunday of a month at 01:00 UTC: when EU summer time starts (March) or ends (October). */
function lastSundayAt0100Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/**
 * The date in Sweden (Europe/Stockholm: UTC+1, UTC+2 in EU summer time) of a
 * UTC instant, as `YYYY-MM-DD`. Computed from the EU rule, not the device's
 * time zone, because folds must give the same result on every laptop: a
 * justering signed at 00.30 Swedish time belongs to that day, not the one
 * before as its UTC date would say.
 */
export function swedishDate(isoUtc: string): string {
  const t = new Date(isoUtc).getTime();
  if (Number.isNaN(t)) return '';
  const year = new Date(t).getUTCFullYear();
  const summer = t >= lastSundayAt0100Utc(year, 2) && t < lastSundayAt0100Utc(year, 9);
  return new Date(t + (summer ? 2 : 1) * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Swedish alphabetical order (å, ä, ö after z), as `a.localeCompare(b, 'sv')`
 * gives it; one collator for all, because localeCompare with a locale builds
 * a new one on every call (the folds sort names thousands of times).
 */
export const compareSwedish: (a: string, b: string) => number = new Intl.Collator('sv').compare;
