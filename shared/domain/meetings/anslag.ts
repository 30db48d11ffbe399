import { deadline, plusDays } from '../calendar';

/**
 * Anslag and laga kraft (DOMAIN.md 1.7). Rules and sources:
 * - The justering is announced on the anslagstavla no later than the 2nd day
 *   after justering (KL 8 kap 12 §).
 * - The appeal window ends three weeks after the day the anslag was posted
 *   (KL 13 kap 5 §); when that day is a Saturday, Sunday, helgdag or
 *   midsommar-, jul- or nyårsafton it moves to the next weekday (lag
 *   (1930:173) om beräkning av lagstadgad tid 2 §); the same applies to the
 *   posting deadline. Laga kraft only from the day after.
 * - The posting day is a recorded fact (anslag.posted), never assumed: before
 *   it is recorded there is no appeal end and no laga kraft.
 * Dates are `YYYY-MM-DD` strings, computed in UTC (calendar.ts).
 */

export const DEFAULT_POSTING_DAYS = 2;
export const DEFAULT_APPEAL_DAYS = 21;

export const addDays = plusDays;

/** The last day the justering may be posted. */
export const latestPostingDate = (justeredOn: string, days = DEFAULT_POSTING_DAYS): string => deadline(addDays(justeredOn, days));

/** The last day of the appeal window (överklagandetid) for a posting on `postedOn`. */
export const appealEnds = (postedOn: string, days = DEFAULT_APPEAL_DAYS): string => deadline(addDays(postedOn, days));

/** The first day of laga kraft (and the day the anslag comes down): the day after the appeal window. */
export const finalFromPosting = (postedOn: string, days = DEFAULT_APPEAL_DAYS): string => addDays(appealEnds(postedOn, days), 1);

/** Laga kraft on `today`: the appeal window has ended (the day after its last day). */
export const isFinal = (postedOn: string, today: string, days = DEFAULT_APPEAL_DAYS): boolean => today > appealEnds(postedOn, days);

export interface AnslagDates {
  justeredOn: string;
  /** The recorded posting day, or null while the anslag is not posted. */
  postedOn: string | null;
  latestPosting: string;
  /** Posted later than allowed. */
  postedLate: boolean;
  /** Null until posted. */
  appealEnds: string | null;
  /** The day from which the decisions have laga kraft; null until posted. */
  finalFrom: string | null;
}

export function anslagDates(justeredOn: string, postedOn: string | null = null, o: { postingDays?: number; appealDays?: number } = {}): AnslagDates {
  const latest = latestPostingDate(justeredOn, o.postingDays);
  if (postedOn === null) return { justeredOn, postedOn: null, latestPosting: latest, postedLate: false, appealEnds: null, finalFrom: null };
  return { justeredOn, postedOn, latestPosting: latest, postedLate: postedOn > latest, appealEnds: appealEnds(postedOn, o.appealDays), finalFrom: finalFromPosting(postedOn, o.appealDays) };
}

/** Swedish warning when the anslag was posted after the latest day, else null. */
export function lateAnslagWarning(d: AnslagDates): string | null {
  return d.postedOn !== null && d.postedLate
    ? `Anslaget sattes upp ${d.postedOn}, senare än den andra dagen efter justeringen (senast ${d.latestPosting}, kommunallagen 8 kap. 12 §).`
    : null;
}
