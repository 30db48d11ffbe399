import { z } from 'zod';
import type { EventBody } from '../log/signed-event';
import { Hex64 } from '../log/signed-event';
import { def } from '../events/kernel/definition';
import { SafeFileName, SafeLine } from '../safe-text';
import { BoardAssignment, Contributions, Email, OrganisationKind, OrgNr, PersonName, StaffRole } from './model';
import { OrdningSet } from './ordning';

/**
 * The förbund's own events: the förbund, its members (organisations), the
 * people, their devices' keys and the documents shared with the board.
 * Type strings are part of signed events: never rename or repurpose one.
 */

const Id = z.uuid();
const Pem = z
  .string()
  .max(2000)
  .regex(/^-----BEGIN PUBLIC KEY-----\r?\n[A-Za-z0-9+/=\r\n]+-----END PUBLIC KEY-----\r?\n?$/, 'PEM public key');
const DeviceName = z.string().trim().min(1).max(100);

/** A key as announced in an event. The main side checks that fingerprint = SHA-256(SPKI DER of the PEM). */
const AnnouncedKey = z.object({ fingerprint: Hex64, publicKeyPem: Pem, deviceName: DeviceName }).strict();

/** An update must change something: an event with only the id would be noise in the history. */
const somethingChanged = (p: Record<string, unknown>): boolean => Object.keys(p).some((k) => k !== 'id' && p[k] !== undefined);

const FederationCreated = z
  .object({
    name: z.string().trim().min(1).max(200),
    orgNr: OrgNr,
    /** The creator becomes the förbund's first förbundschef. */
    director: z.object({ id: Id, name: PersonName, email: Email }).strict(),
    directorKey: AnnouncedKey,
  })
  .strict();

const FederationUpdated = z
  .object({ name: z.string().trim().min(1).max(200).optional(), orgNr: OrgNr.optional() })
  .strict()
  .refine(somethingChanged, 'inget att ändra');

const OrganisationAdded = z
  .object({
    id: Id,
    name: z.string().trim().min(1).max(200),
    kind: OrganisationKind,
    orgNr: OrgNr.nullable().default(null),
    contributions: Contributions.default({}),
  })
  .strict();

/** Contributions are merged year by year: a patch names only the years it changes. */
const OrganisationUpdated = z
  .object({
    id: Id,
    name: z.string().trim().min(1).max(200).optional(),
    kind: OrganisationKind.optional(),
    orgNr: OrgNr.nullable().optional(),
    contributions: Contributions.optional(),
  })
  .strict()
  .refine(somethingChanged, 'inget att ändra');

const PersonAdded = z
  .object({
    id: Id,
    name: PersonName,
    email: Email,
    organisationId: Id.nullable().default(null),
    staffRole: StaffRole.nullable().default(null),
    assignments: z.array(BoardAssignment).max(50).default([]),
  })
  .strict();

/** `assignments` is replaced as a whole list: the list is the person's board record at that version. */
const PersonUpdated = z
  .object({
    id: Id,
    name: PersonName.optional(),
    email: Email.optional(),
    organisationId: Id.nullable().optional(),
    staffRole: StaffRole.nullable().optional(),
    assignments: z.array(BoardAssignment).max(50).optional(),
  })
  .strict()
  .refine(somethingChanged, 'inget att ändra');

/** Signed with the very key it registers (the body's `key` is this fingerprint). */
const KeyRegistered = z
  .object({ personId: Id, fingerprint: Hex64, publicKeyPem: Pem, deviceName: DeviceName })
  .strict();

const KeyAccepted = z.object({ fingerprint: Hex64 }).strict();

/**
 * A device's X25519 public key for packages encrypted to it (format 2, see
 * docs/package-format.md): the raw 32 bytes in base64. Signed with the device
 * key it belongs to (the body's `key` is `fingerprint`).
 */
const KeyEncryptionRegistered = z
  .object({ fingerprint: Hex64, x25519: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'X25519 public key (32 bytes, base64)') })
  .strict();

/**
 * A board document (handling) the förbundschef shares with the board: the PDF
 * travels in packages next to the events, by its SHA-256. Confidential ones
 * carry the OSL reference and are left out of public exports.
 */
const DocumentShared = z
  .object({
    sha256: Hex64,
    fileName: SafeFileName,
    title: SafeLine(300, 1),
    pageCount: z.number().int().positive().max(100_000),
    size: z.number().int().positive(),
    confidential: z.boolean().default(false),
    oslReference: SafeLine(200).nullable().default(null),
  })
  .strict()
  .refine((d) => !d.confidential || (d.oslReference !== null && d.oslReference.length > 0), 'sekretessmarkerad handling kräver hänvisning till OSL');
const KeyRejected = z.object({ fingerprint: Hex64, reason: z.string().trim().max(500).optional() }).strict();
/**
 * A key revoked with a cut-off (a lost or stolen laptop): the events of that
 * key the revoking event had seen are kept, every other one is refused. By
 * the förbundschef; for a förbundschef's own key also by the chair, naming
 * the board decision (the § in the protokoll) that asked for it.
 */
const KeyRevoked = z
  .object({ fingerprint: Hex64, reason: z.string().trim().min(1).max(500), decision: z.string().trim().min(1).max(300).optional() })
  .strict();

/** The förbund's event types (the registry, events/catalogue.ts, composes every feature's). */
export const FORBUND_EVENTS = {
  'federation.created': def({ payload: FederationCreated, label: 'Förbundet skapades', subjectKind: 'federation', subject: (b) => b.forbund }),
  'federation.updated': def({ payload: FederationUpdated, label: 'Förbundets uppgifter ändrades', subjectKind: 'federation', subject: (b) => b.forbund }),
  'federation.ordning.set': def({ payload: OrdningSet, label: 'Förbundsordningens regler angavs', subjectKind: 'federation', subject: (b) => b.forbund }),
  'organisation.added': def({ payload: OrganisationAdded, label: 'Förbundsmedlem lades till', subjectKind: 'organisation', subject: (_, p) => p.id }),
  'organisation.updated': def({ payload: OrganisationUpdated, label: 'Förbundsmedlem ändrades', subjectKind: 'organisation', subject: (_, p) => p.id }),
  'person.added': def({ payload: PersonAdded, label: 'Person lades till', subjectKind: 'person', subject: (_, p) => p.id }),
  'person.updated': def({ payload: PersonUpdated, label: 'Person ändrades', subjectKind: 'person', subject: (_, p) => p.id }),
  'key.registered': def({ payload: KeyRegistered, label: 'Datorns nyckel registrerades', subjectKind: 'key', subject: (_, p) => p.fingerprint }),
  'key.encryption.registered': def({ payload: KeyEncryptionRegistered, label: 'Datorns krypteringsnyckel registrerades', subjectKind: 'key', subject: (_, p) => p.fingerprint }),
  'key.accepted': def({ payload: KeyAccepted, label: 'Datorns nyckel godkändes', subjectKind: 'key', subject: (_, p) => p.fingerprint }),
  'document.shared': def({ payload: DocumentShared, label: 'Handling delades med styrelsen', subjectKind: 'document', subject: (_, p) => p.sha256 }),
  'key.rejected': def({ payload: KeyRejected, label: 'Datorns nyckel avvisades', subjectKind: 'key', subject: (_, p) => p.fingerprint }),
  'key.revoked': def({ payload: KeyRevoked, label: 'Datorns nyckel spärrades', subjectKind: 'key', subject: (_, p) => p.fingerprint }),
} as const;

export type ForbundEventType = keyof typeof FORBUND_EVENTS;
export type ForbundPayload<T extends ForbundEventType> = z.output<(typeof FORBUND_EVENTS)[T]['payload']>;

/** Field names as the history screen says them (a field not listed shows its own name). */
export const FORBUND_FIELD_LABELS: Record<string, string> = {
  name: 'namn',
  email: 'e-post',
  orgNr: 'organisationsnummer',
  kind: 'typ av medlem',
  organisationId: 'företrädd organisation',
  staffRole: 'tjänsteroll',
  assignments: 'styrelseuppdrag',
  contributions: 'bidrag',
  status: 'nyckelns status',
  personId: 'person',
  publicKeyPem: 'publik nyckel',
  deviceName: 'enhetens namn',
  fingerprint: 'fingeravtryck',
  registeredBy: 'registrerad genom händelse',
  decidedBy: 'beslutad genom händelse',
  genesisEvent: 'första händelse',
  genesisKey: 'första nyckel',
  seats: 'antal ledamöter enligt förbundsordningen',
  qualifiedMajority: 'kvalificerad majoritet enligt förbundsordningen',
  groupDelegates: 'grupper som får vara delegat',
  ordningReference: 'hänvisning till förbundsordningen',
};

/**
 * The public key an event announces, if any (genesis and key.registered).
 * The main side needs it to verify signatures of events from keys it has not
 * seen before: a key.registered event is verified with the key in its own
 * payload (self-signed), and only after that check becomes a VerifiedEvent.
 */
export function keyAnnouncement(body: EventBody): { fingerprint: string; publicKeyPem: string; personId: string } | null {
  if (body.type === 'federation.created') {
    const r = FederationCreated.safeParse(body.payload);
    return r.success ? { fingerprint: r.data.directorKey.fingerprint, publicKeyPem: r.data.directorKey.publicKeyPem, personId: r.data.director.id } : null;
  }
  if (body.type === 'key.registered') {
    const r = KeyRegistered.safeParse(body.payload);
    return r.success ? { fingerprint: r.data.fingerprint, publicKeyPem: r.data.publicKeyPem, personId: r.data.personId } : null;
  }
  return null;
}
