import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/domain/log/canonical-json';
import { EventBody, SignedEventLine, type VerifiedEvent } from '../../../shared/domain/log/signed-event';
import type { KeyObject } from 'node:crypto';
import { verify, verifyAsync, type DeviceIdentity } from './keys';

/**
 * Signing and verifying single events in the wire format of signed-event.ts:
 *   {"body":"<canonical JSON>","sig":"<base64 Ed25519 over the UTF-8 bytes of body>"}
 * The body is serialised once, here, and from then on only its bytes travel.
 */

export const eventId = (body: string): string => createHash('sha256').update(body, 'utf8').digest('hex');

export interface SignedEvent extends VerifiedEvent {
  /** The JSON line exactly as it is stored and exported (no trailing newline). */
  text: string;
}

/** Signs an event body with this device's key. The body must name this device's key. */
export function signEvent(identity: DeviceIdentity, body: EventBody): SignedEvent {
  const parsed = EventBody.parse(body);
  if (parsed.key !== identity.fingerprint) throw new Error('signEvent: body.key is not this device’s key');
  const bodyText = canonicalJson(parsed);
  const sig = Buffer.from(identity.sign(Buffer.from(bodyText, 'utf8'))).toString('base64');
  const line: SignedEventLine = { body: bodyText, sig };
  return { id: eventId(bodyText), body: parsed, line, text: JSON.stringify(line) };
}

/**
 * An event as the main side keeps it once its signature is checked: the parsed
 * body and the signature, without the body's JSON text beside them. That text
 * was a quarter of a ten-year log in memory (16.5 MB of 72 MB, twice over
 * while an invitation is imported). It is the canonical JSON of the body
 * (parseEventLine refuses any other, signEvent makes it so), so it is made
 * again when a line is written or sent (60 ms for ten years), and its hash is
 * checked against the id then: a body changed in memory is never written
 * under a signature that was not made for it.
 */
export class KeptEvent implements VerifiedEvent {
  constructor(
    readonly id: string,
    readonly body: EventBody,
    private readonly sig: string,
  ) {}

  get line(): SignedEventLine {
    const text = canonicalJson(this.body);
    if (eventId(text) !== this.id) throw new Error(`event ${this.id.slice(0, 12)}: its body was changed in memory after it was signed`);
    return { body: text, sig: this.sig };
  }
}

/** The kept form of a verified event (see KeptEvent). */
export const kept = (e: VerifiedEvent): KeptEvent => (e instanceof KeptEvent ? e : new KeptEvent(e.id, e.body, e.line.sig));

function canonicalBody(body: EventBody): string | null {
  try {
    return canonicalJson(body);
  } catch {
    return null;
  }
}

export type EventLineProblem = 'json' | 'line' | 'body';

/**
 * Parses one JSON line into its parts without checking the signature (the key
 * may not be resolved yet). Returns the reason on failure, never throws.
 */
export function parseEventLine(text: string): { ok: true; id: string; line: SignedEventLine; body: EventBody } | { ok: false; problem: EventLineProblem; detail: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'json', detail: 'raden är inte giltig JSON' };
  }
  const line = SignedEventLine.safeParse(raw);
  if (!line.success) return { ok: false, problem: 'line', detail: 'raden har inte formen {"body", "sig"}' };
  let bodyRaw: unknown;
  try {
    bodyRaw = JSON.parse(line.data.body);
  } catch {
    return { ok: false, problem: 'body', detail: 'händelsens innehåll är inte giltig JSON' };
  }
  const body = EventBody.safeParse(bodyRaw);
  if (!body.success) {
    const first = body.error.issues[0];
    const where = first && first.path.length > 0 ? ` (fältet ${first.path.join('.')})` : '';
    return { ok: false, problem: 'body', detail: `händelsen följer inte händelseformatet${where}` };
  }
  // One logical event, one id: the body must be exactly the canonical JSON of what it says.
  if (canonicalBody(body.data) !== line.data.body) {
    return { ok: false, problem: 'body', detail: 'händelsens innehåll är inte i kanonisk form (samma händelse skulle kunna få flera id)' };
  }
  return { ok: true, id: eventId(line.data.body), line: line.data, body: body.data };
}

/** Checks a parsed line's signature against a public key: over the exact body bytes, never re-serialised. */
export function verifyEventLine(line: SignedEventLine, publicKey: Parameters<typeof verify>[0]): boolean {
  return verify(publicKey, Buffer.from(line.body, 'utf8'), Buffer.from(line.sig, 'base64'));
}

/** verifyEventLine on the thread pool (see verifyAsync). */
export function verifyEventLineAsync(line: SignedEventLine, publicKey: KeyObject): Promise<boolean> {
  return verifyAsync(publicKey, Buffer.from(line.body, 'utf8'), Buffer.from(line.sig, 'base64'));
}
