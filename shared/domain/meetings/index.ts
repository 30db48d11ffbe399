/**
 * Sammanträden: the meetings domain (pure). Design note.
 *
 * A meeting is one item in FederationState.meetings (state.ts), subject of
 * every event below (history under the meeting id, SubjectKind 'meeting').
 * "Secretary role" = staffRole director or secretary, or the chair of the
 * board (role 'chair') on the meeting date.
 *
 * Events (catalogue.ts; rules in authority.ts, reducers in reducers.ts):
 * - meeting.created {id, date, startTime "HH:MM", place, distance|null, organ,
 *   called|null, justering {date, place}|null, firstParagraph|null,
 *   storage|null, agenda[]} — secretary role. called null = everyone with a
 *   board assignment on the date.
 * - meeting.updated {id, …any of those fields} — secretary role; replaces the
 *   named fields (the agenda as a whole list); refused once justerat, or when
 *   it would change a § justerad omedelbart.
 * - meeting.called {meetingId, sentOn, sha256|null} — secretary role: the
 *   kallelse was sent.
 * - absence.reported {meetingId, reason|null} / absence.withdrawn {meetingId}
 *   — the called person themselves: förhinder.
 * - minutes.attendance.set {meetingId, persons[{personId, present, distance,
 *   arrivedBeforeItem, leftAfterItem}], others[{id, name, role, fromItem,
 *   toItem, distance}]} — secretary role; whole list. Serving is DERIVED
 *   (serving.ts), never entered.
 * - minutes.item.recorded {meetingId, itemId, decision, motions, vote, jav,
 *   reservations, notes, adjusters, urgent, sendTo} — secretary role; the
 *   whole record of one item, replaced per event. Checks: votes and motions
 *   only by those serving, no jävig voter, reservations only by those who
 *   took part and (new ones) before minutes.closed, outcome fits the item,
 *   grant 0 ≤ amount ≤ sought, per-year amounts add up, tie needs the chair.
 *   Optional (#13): presiding (a temporary chair, presiding.ts), javDismissed
 *   and jav[].raisedBy/disputed (jav-ruling.ts), notes[].permittedBy
 *   (required for a new protokollsanteckning), and a qualified majority where
 *   the förbundsordning names the item's matter (forbund/ordning.ts).
 * - minutes.closed {meetingId, endTime} — secretary role: mötets avslutande.
 * - protokoll.drafted {meetingId, version, part 'whole'|§, document} —
 *   secretary role; version = last + 1; the document must equal
 *   buildProtokoll(state, meetingId, version, part) (hash compared), so every
 *   laptop signs the same text. The first draft fixes the § numbers.
 * - protokoll.returned / protokoll.commented {meetingId, version, comment} —
 *   the chair or an adjuster named in that version: sent back / a comment.
 * - anslag.posted {meetingId, postedOn, part?} — förbundschef or sekreterare:
 *   the day the justering was posted; with `part`, the anslag of that §
 *   justerad omedelbart (its own appeal window).
 * - protokoll.attested {meetingId, version, sha256, role, part} — exactly the
 *   person in that role in that version; sha256 = protokollHash of that
 *   version; only the latest version of that part, not a returned one. When
 *   the chair and every adjuster have attested the latest 'whole' version the
 *   protokoll is locked (justerat): later events for the meeting are refused
 *   with LOCKED_REASON. A part (§ justerad omedelbart) locks that § alone.
 *
 * Pure rules: serving.ts (servingByItem, servingForItem, forecastServing,
 * quorumByItem), texts.ts (vote result and standard sentences),
 * numbering.ts (§ per calendar year), anslag.ts (posting and appeal dates),
 * agenda.ts (standardAgenda). Builders: build-protokoll.ts, build-kallelse.ts.
 * Selectors for screens and other areas: selectors.ts.
 */
export * from './model';
export * from './events';
export * from './state';
export * from './serving';
export * from './texts';
export * from './numbering';
export * from './build-protokoll';
export { draftProblem } from './authority';
export * from './protokoll-document';
export * from './kallelse-document';
export * from './agenda';
export * from './anslag';
export * from './timing';
export * from './justerare';
export * from './warnings';
export * from './build-kallelse';
export * from './selectors';
export * from './presiding';
export * from './jav-ruling';
export * from './video-link';
