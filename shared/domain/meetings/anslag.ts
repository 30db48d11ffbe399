/**
 * Anslag and laga kraft (DOMAIN.md 1.7): the justering is announced on the
 * anslagstavla no later than the 2nd day after justering; the appeal window
 * ends 3 weeks (21 days) after the day of posting; then the decisions are
 * final (laga kraft). Dates are `YYYY-MM-DD` strings, computed in UTC so the
 * result does not depend on the laptop's time zone.
 */

export const DEFAULT_POSTING_DAYS = 2;
export const DEFAULT_APPEAL_DAYS = 21;

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last day the justering may be posted. */
export const latestPostingDate = (justeredOn: string, days = DEFAULT_POSTING_DAYS): string => addDays(justeredOn, days);

/** The last day of the appeal window (överklagandetid) for a posting on `postedOn`. */
export const appealEnds = (postedOn: string, days = DEFAULT_APPEAL_DAYS): string => addDays(postedOn, days);

/** Laga kraft on `today`: the appeal window has ended (the day after its last day). */
export const isFinal = (postedOn: string, today: string, days = DEFAULT_APPEAL_DAYS): boolean => today > appealEnds(postedOn, days);

export interface AnslagDates {
  justeredOn: string;
  /** Posting date assumed: the given one, else the latest allowed. */
  postedOn: string;
  latestPosting: string;
  /** Posted later than allowed. */
  postedLate: boolean;
  appealEnds: string;
  /** The day from which the decisions have laga kraft. */
  finalFrom: string;
}

export function anslagDates(justeredOn: string, postedOn: string | null = null, o: { postingDays?: number; appealDays?: number } = {}): AnslagDates {
  const latest = latestPostingDate(justeredOn, o.postingDays);
  const posted = postedOn ?? latest;
  const end = appealEnds(posted, o.appealDays);
  return { justeredOn, postedOn: posted, latestPosting: latest, postedLate: posted > latest, appealEnds: end, finalFrom: addDays(end, 1) };
}
