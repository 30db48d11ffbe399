import type { z } from 'zod';
import type { EventBody } from '../log/signed-event';
import { APPLICATION_EVENTS } from '../applications/events';
import { DELEGATION_EVENTS } from '../delegations/events';
import { FORBUND_EVENTS } from '../forbund/events';
import { MEETING_EVENTS } from '../meetings/events';
import { PKI_EVENTS } from '../pki/events';
import type { Definition } from './kernel/definition';

export { keyAnnouncement } from '../forbund/events';
export { INSATS_BUDGET_SUBJECT } from '../applications/events';

/**
 * The event catalogue: every event type the app knows, its payload schema, the
 * Swedish label the history shows and the item it is about (its subject).
 *
 * Adding a type (ansokan.registered, review.noted, jav.declared,
 * meeting.decision.recorded, minutes.attested, …) is one entry in its feature's
 * events.ts, one authority rule in its authority.ts and one reducer in its
 * reducers.ts; the registry here and in authority.ts / reducers.ts composes
 * them; the mapped
 * types there make the compiler refuse a catalogue entry without both.
 *
 * Type strings are short English (glossary.ts maps the Swedish terms). They
 * are part of signed events: never rename or repurpose one.
 */

export const CATALOGUE = {
  ...FORBUND_EVENTS,
  ...APPLICATION_EVENTS,
  ...MEETING_EVENTS,
  ...DELEGATION_EVENTS,
  ...PKI_EVENTS,
} as const;

export type EventType = keyof typeof CATALOGUE;
/** What an event is about: the kinds every feature's definitions name. */
export type SubjectKind = (typeof CATALOGUE)[EventType]['subjectKind'];
/** The payload after parsing (defaults filled in). */
export type PayloadOf<T extends EventType> = z.output<(typeof CATALOGUE)[T]['payload']>;
/** The payload as written by the code that makes an event (defaults may be left out). */
export type PayloadInput<T extends EventType> = z.input<(typeof CATALOGUE)[T]['payload']>;

export const EVENT_TYPES = Object.keys(CATALOGUE) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(CATALOGUE, type);
}

export type Parsed = { [T in EventType]: { ok: true; type: T; payload: PayloadOf<T> } }[EventType];

/** Parses a body's payload by its type. Failure reasons are Swedish and name the fields, for the refused list. */
export function parsePayload(body: EventBody): Parsed | { ok: false; reason: string } {
  if (!isEventType(body.type)) {
    return { ok: false, reason: `Okänd händelsetyp ”${body.type}” (den kan komma från en nyare version av appen).` };
  }
  const r = CATALOGUE[body.type].payload.safeParse(body.payload);
  if (!r.success) {
    const fields = [...new Set(r.error.issues.map((i) => i.path.join('.') || '(hela innehållet)'))];
    return { ok: false, reason: `Händelsens innehåll är ogiltigt: ${fields.join(', ')}.` };
  }
  return { ok: true, type: body.type, payload: r.data } as Parsed;
}

export function subjectOf(body: EventBody, parsed: Parsed): { kind: SubjectKind; id: string } {
  const d = CATALOGUE[parsed.type] as Definition<z.ZodType, SubjectKind>;
  return { kind: d.subjectKind, id: d.subject(body, parsed.payload) };
}
