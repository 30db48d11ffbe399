import { z } from 'zod';
import type { EventBody } from '../log/signed-event';
import { Hex64 } from '../log/signed-event';
import {
  BoardAssignment,
  Contributions,
  Email,
  OrganisationKind,
  OrgNr,
  PersonName,
  StaffRole,
  Year,
} from '../forbund/model';
import { Application, Stance } from '../applications/model';
import { JavGround } from '../applications/jav';
import { MEETING_EVENTS } from '../meetings/catalogue';
import { DELEGATION_EVENTS } from '../delegations/event-defs';
import { REVIEW_EVENTS } from '../applications/review-events';
import { PKI_EVENTS } from '../pki/pki-events';
import { SafeFileName, SafeLine } from '../safe-text';
import { OrdningSet } from '../forbund/ordning';

/**
 * The event catalogue: every event type the app knows, its payload schema, the
 * Swedish label the history shows and the item it is about (its subject).
 *
 * Adding a type (ansokan.registered, review.noted, jav.declared,
 * meeting.decision.recorded, minutes.attested, …) is one entry here, one
 * authority rule in authority.ts and one reducer in reducers.ts; the mapped
 * types there make the compiler refuse a catalogue entry without both.
 *
 * Type strings are short English (glossary.ts maps the Swedish terms). They
 * are part of signed events: never rename or repurpose one.
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

export type SubjectKind = 'federation' | 'organisation' | 'person' | 'key' | 'document' | 'application' | 'question' | 'budget' | 'meeting' | 'delegationOrder' | 'delegationDecision';

/** The subject id of the förbund's insats budget in the history. */
export const INSATS_BUDGET_SUBJECT = 'insatsbudget';

/** Registration and revision carry the whole version: an application is changed only by a new version. */
const ApplicationRegistered = Application.refine((a) => a.version === 1, { message: 'första versionen ska ha nummer 1', path: ['version'] });
const ApplicationRevised = Application.refine((a) => a.version >= 2, { message: 'en ny version har nummer 2 eller högre', path: ['version'] });

/** Year → whole kronor for insatser; a patch names only the years it sets. */
const BudgetSet = z
  .object({ amounts: z.record(Year, z.number().int().min(0).max(1_000_000_000_000)) })
  .strict()
  .refine((p) => Object.keys(p.amounts).length > 0, 'inget år angivet');

const QuestionAsked = z.object({ id: Id, applicationId: Id, text: z.string().trim().min(1).max(5000) }).strict();
const QuestionAnswered = z.object({ questionId: Id, text: z.string().trim().min(1).max(10_000) }).strict();
/** The author's own stance: the author of the event is the member. */
const StanceSet = z
  .object({ applicationId: Id, stance: Stance, comment: z.string().trim().max(2000).nullable().default(null) })
  .strict();
/** The author's own declaration of jäv on an application. */
const JavDeclared = z.object({ applicationId: Id, ground: JavGround, text: z.string().trim().min(1).max(2000) }).strict();

interface Definition<S extends z.ZodType> {
  payload: S;
  /** What the history and the refused list call this kind of event. */
  label: string;
  subjectKind: SubjectKind;
  /** The id of the item the event is about: the förbund id, an organisation or person id, a key fingerprint. */
  subject: (body: EventBody, payload: z.output<S>) => string;
}

const def = <S extends z.ZodType>(d: Definition<S>): Definition<S> => d;

export const CATALOGUE = {
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
  'application.registered': def({ payload: ApplicationRegistered, label: 'Ansökan om medel registrerades', subjectKind: 'application', subject: (_, p) => p.id }),
  'application.revised': def({ payload: ApplicationRevised, label: 'Ny version av ansökan registrerades', subjectKind: 'application', subject: (_, p) => p.id }),
  'budget.set': def({ payload: BudgetSet, label: 'Förbundets budget för insatser fastställdes', subjectKind: 'budget', subject: () => INSATS_BUDGET_SUBJECT }),
  'question.asked': def({ payload: QuestionAsked, label: 'Fråga till förbundschefen ställdes', subjectKind: 'question', subject: (_, p) => p.id }),
  'question.answered': def({ payload: QuestionAnswered, label: 'Fråga besvarades', subjectKind: 'question', subject: (_, p) => p.questionId }),
  'stance.set': def({ payload: StanceSet, label: 'Ställningstagande till ansökan', subjectKind: 'application', subject: (_, p) => p.applicationId }),
  'jav.declared': def({ payload: JavDeclared, label: 'Jäv anmäldes', subjectKind: 'application', subject: (_, p) => p.applicationId }),
  ...MEETING_EVENTS,
  ...DELEGATION_EVENTS,
  ...REVIEW_EVENTS,
  ...PKI_EVENTS,
} as const;

export type EventType = keyof typeof CATALOGUE;
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
  const d = CATALOGUE[parsed.type] as Definition<z.ZodType>;
  return { kind: d.subjectKind, id: d.subject(body, parsed.payload) };
}

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
