import { nonWorkdayReason, plusDays } from '../calendar';

/**
 * Warnings on the dates of a meeting and its justering (shown in the meeting
 * form, the protokoll panel and the archive; warnings, not blocks):
 * - A sammanträde on a Saturday, Sunday, helgdag (lag (1989:253)) or
 *   midsommar-, jul- or nyårsafton (calendar.ts).
 * - Justering no later than 14 days after the meeting and never before it
 *   (KL 5 kap 69 § and 6 kap 35 §; DOMAIN.md 1.7, 8), in the plan and as
 *   locked (the protokoll's justering date).
 */

export const JUSTERING_MAX_DAYS = 14;

/** "2026-12-24 är julafton." when a meeting date is not a weekday, else null. */
export function meetingDayWarning(date: string): string | null {
  const why = nonWorkdayReason(date);
  return why ? `${date} är ${why}. Välj en vardag för sammanträdet om det inte finns särskilda skäl.` : null;
}

/** The last day the protokoll should be justerat. */
export const latestJustering = (meetingDate: string): string => plusDays(meetingDate, JUSTERING_MAX_DAYS);

/** Warning on the planned justering date, or null. */
export function justeringPlanWarning(meetingDate: string, justeringDate: string): string | null {
  if (justeringDate < meetingDate) return `Justeringen (${justeringDate}) är planerad före sammanträdet (${meetingDate}).`;
  const latest = latestJustering(meetingDate);
  return justeringDate > latest
    ? `Justeringen (${justeringDate}) är planerad mer än ${JUSTERING_MAX_DAYS} dagar efter sammanträdet; protokollet ska justeras senast ${latest}.`
    : null;
}

/** Warning when a protokoll was justerat (locked) more than 14 days after the meeting, or null. */
export function lateJusteringWarning(meetingDate: string, lockedOn: string): string | null {
  const latest = latestJustering(meetingDate);
  return lockedOn > latest ? `Protokollet justerades ${lockedOn}, mer än ${JUSTERING_MAX_DAYS} dagar efter sammanträdet (senast ${latest}).` : null;
}
