import type { z } from 'zod';
import type { EventBody } from '../../log/signed-event';

/**
 * One event type as a feature declares it: its payload schema, the Swedish
 * label the history and the refused list show, and the item it is about.
 * `K` is the feature's subject kind ('meeting', 'application', …); the
 * registry (../catalogue.ts) composes every feature's definitions.
 *
 * Type strings are part of signed events: never rename or repurpose one.
 */
export interface Definition<S extends z.ZodType, K extends string = string> {
  payload: S;
  /** What the history and the refused list call this kind of event. */
  label: string;
  subjectKind: K;
  /** The id of the item the event is about: the förbund id, an organisation or person id, a key fingerprint, a meeting id. */
  subject: (body: EventBody, payload: z.output<S>) => string;
}

/** A definition with its types inferred (the subject kind as a literal). */
export const def = <S extends z.ZodType, K extends string>(d: Definition<S, K>): Definition<S, K> => d;
