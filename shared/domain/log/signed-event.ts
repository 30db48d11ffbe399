import { z } from 'zod';

/**
 * The signed event as it travels and as it is stored: one JSON line
 *   {"body":"<canonical JSON of an EventBody>","sig":"<base64 Ed25519 signature>"}
 * The signature covers the exact UTF-8 bytes of `body` (a string), so nothing
 * is ever re-serialised before verifying. An event's id is the SHA-256 (hex) of
 * those same bytes. Parsing and hashing/verifying are done by the main side's
 * services; everything after that (authority, fold, merge) is pure domain code.
 */
export const EVENT_FORMAT_VERSION = 2;
/** Format 1: events made before the causal order (issue #11). They still open, under the legacy rules (docs/trust-model.md). */
export const LEGACY_EVENT_FORMAT = 1;

/**
 * The largest clock an event may carry. A format-2 clock is derived (one more
 * than the largest event it names in `after`), so a real history grows it by
 * one per event; this bound keeps every clock far from 2^53 and refuses a
 * body that claims more.
 */
export const MAX_LAMPORT = 2 ** 40;
/** How many events one event may name as its causal past. */
export const MAX_AFTER = 64;

export const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const SignedEventLine = z
  .object({
    body: z.string().min(2).max(1_000_000),
    sig: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, '64-byte signature in base64'),
  })
  .strict();
export type SignedEventLine = z.infer<typeof SignedEventLine>;

export const EventBody = z
  .object({
    v: z.union([z.literal(LEGACY_EVENT_FORMAT), z.literal(EVENT_FORMAT_VERSION)]),
    /** The förbund this event belongs to (a UUID). */
    forbund: z.string().uuid(),
    /** The person who made the change (a UUID from the roster). */
    author: z.string().uuid(),
    /** Fingerprint of the device key that signed it: SHA-256 (hex) of the SPKI DER public key. */
    key: Hex64,
    /**
     * Lamport clock. Format 2: exactly one more than the largest clock among the
     * events named in `after` (1 for the genesis), checked by every laptop.
     * Format 1 (legacy): greater than every event the author's device had seen.
     */
    lamport: z.number().int().positive().max(MAX_LAMPORT),
    /** Wall time on the author's device, for display only (never for ordering). */
    at: z.string().datetime(),
    type: z.string().regex(/^[a-z]+(\.[a-z]+)+$/),
    payload: z.record(z.string(), z.unknown()),
    /** Ids of the events this one supersedes (the version its author saw); empty for a new item. */
    prev: z.array(Hex64).max(64).default([]),
    /**
     * Format 2: the ids of the events this one causally follows (the heads of
     * the author's log when it was made). Empty only for the genesis.
     */
    after: z.array(Hex64).max(MAX_AFTER).optional(),
  })
  .strict()
  .refine((b) => (b.v === EVENT_FORMAT_VERSION) === (b.after !== undefined), { message: 'after finns i format 2 och bara där', path: ['after'] })
  .refine((b) => new Set(b.after ?? []).size === (b.after ?? []).length, { message: 'samma händelse två gånger i after', path: ['after'] });
export type EventBody = z.infer<typeof EventBody>;

/** An event whose signature held and whose id was computed by the main side. */
export interface VerifiedEvent {
  id: string;
  body: EventBody;
  line: SignedEventLine;
}

/** Total order used everywhere: Lamport clock, then id. Same on every laptop. */
export function compareEvents(a: VerifiedEvent, b: VerifiedEvent): number {
  return a.body.lamport - b.body.lamport || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The short code two people read to each other by phone: first 16 hex digits, in groups of four. */
export function shortCode(fingerprint: string): string {
  return (fingerprint.slice(0, 16).toUpperCase().match(/.{4}/g) ?? []).join('-');
}
