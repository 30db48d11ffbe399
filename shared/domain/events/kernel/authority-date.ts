import type { VerifiedEvent } from '../../log/signed-event';
import { swedishDate } from '../../format';

/**
 * The date an authority rule judges an event by (a board term, a delegation's
 * validity). Not the signer's `at`, which anyone can set: fold() records for
 * each event the latest date the förbundschef or the secretary had recorded
 * in its causal past (their own events' dates), or the event's own date if
 * that is later — a signer's clock can only shorten a term, never lengthen
 * it. Legacy (format 1) events keep their own `at`. Rules outside a fold
 * (a check before signing) fall back to the event's own date.
 */
const dates = new WeakMap<VerifiedEvent, string>();

export function setAuthorityDate(event: VerifiedEvent, date: string): void {
  dates.set(event, date);
}

/** `YYYY-MM-DD`, the Swedish date. */
export function authorityDate(event: VerifiedEvent): string {
  return dates.get(event) ?? swedishDate(event.body.at);
}
