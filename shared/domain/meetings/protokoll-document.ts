import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { z } from 'zod';
import { canonicalJson } from '../log/canonical-json';

/**
 * The canonical protokoll: the one document the chair and the justerare
 * attest. It is plain JSON built from the folded state (build-protokoll.ts),
 * written into the signed PDF as an embedded file, and hashed as canonical
 * JSON: the attestation events sign that SHA-256. Everything the PDF shows
 * of the protokoll comes from this document, so `verify` can check the
 * visible text against it.
 *
 * Texts here are final Swedish wording (labels already resolved), so the PDF
 * renderer and the verifier need no domain knowledge to show them.
 */

export const PROTOKOLL_FORMAT = 'styrelsebordet-protokoll/1';

/*
 * Declared once, as a schema (issue #16): the types below are inferred from
 * it. The same schema checks a protokoll read back from a PDF (`verify`) or
 * handed over the contract, so a file from elsewhere never reaches the
 * layout code with a missing array or a number where text belongs. Texts are
 * capped so a hostile file cannot make the verifier lay out megabytes.
 */

const text = (max = 20_000) => z.string().max(max);
const name = z.string().min(1).max(200);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const ProtokollPersonSchema = z.object({ personId: z.string().min(1).max(100), name }).strict();

const AttendanceLineSchema = ProtokollPersonSchema.extend({
  /** The member organisation the person represents, or null (staff, guests). */
  organisation: text(200).nullable(),
  /** Swedish: "ordförande", "ledamot", "tjänstgörande ersättare för Anna Berg", "förbundschef". */
  role: text(300),
  /** Swedish § range when attendance varies, e.g. "§ 28–33"; null for the whole meeting. */
  paragraphs: text(200).nullable(),
  distance: z.boolean(),
}).strict();

/** A sentence by one person: a yrkande, a jäv, a reservation. */
const PersonTextSchema = ProtokollPersonSchema.extend({ text: text(5000) }).strict();

const ProtokollVoteSchema = z
  .object({
    /** Propositionsordning / what was put to the vote, Swedish. */
    proposition: text(5000),
    votes: z.array(ProtokollPersonSchema.extend({ vote: z.enum(['ja', 'nej', 'avstar']) }).strict()).max(200),
    yes: z.number().int().min(0),
    no: z.number().int().min(0),
    abstain: z.number().int().min(0),
    /** Whether the chair's casting vote decided a tie. */
    castingVote: z.boolean(),
    /** Sluten omröstning: `votes` is empty, only the count is known. Absent when open. */
    closed: z.literal(true).optional(),
    /** Lottning decided a tie. Absent otherwise. */
    byLot: z.literal(true).optional(),
    /** Swedish: "Styrelsen har med 5 ja-röster mot 3 nej-röster beslutat att …". */
    result: text(5000),
  })
  .strict();

const ProtokollParagraphSchema = z
  .object({
    /** § number, running through the calendar year. */
    number: z.number().int().min(1).max(100_000),
    title: text(500),
    dnr: text(100).nullable(),
    /** Ärendebeskrivning / sammanfattning. */
    summary: text().nullable(),
    /** Beslutsunderlag: document titles. */
    basis: z.array(text(500)).max(200),
    /** Förslag till beslut. */
    proposal: text().nullable(),
    /** Yrkanden: "Anna Berg yrkar bifall till förslaget." */
    motions: z.array(PersonTextSchema).max(100),
    vote: ProtokollVoteSchema.nullable(),
    decision: z
      .object({
        /** DecisionOutcome (meetings/model.ts): grant, grantWithChanges, partialGrant, reject, referBack, table, noted, elected. */
        outcome: text(50),
        /** Swedish label of the outcome. */
        outcomeLabel: text(100),
        /** "Styrelsen beslutar att …". */
        text: text(),
        amountKr: z.number().finite().nullable(),
        period: z.object({ from: isoDate, to: isoDate }).strict().nullable(),
      })
      .strict(),
    /** The standard sentence per person: "Per Ek (ledamot) anmäler jäv och deltar inte i handläggningen. Lisa Holm tjänstgör i hans ställe." */
    jav: z.array(PersonTextSchema).max(100),
    reservations: z.array(PersonTextSchema).max(100),
    /** Protokollsanteckningar; `permission` ("Ordföranden medgav protokollsanteckning.") when recorded. */
    notes: z.array(PersonTextSchema.extend({ permission: text(200).optional() }).strict()).max(100),
    /** Those who took part in the decision (beslutande for this §). */
    participants: z.array(ProtokollPersonSchema).max(200),
    /** Justerad omedelbart at the meeting. */
    urgent: z.boolean(),
    /** Expedieras till. */
    sendTo: z.array(text(300)).max(100),
    /**
     * True when the § rests on documents under sekretess: the public version of
     * the protokoll leaves out its summary and beslutsunderlag. Absent = public
     * (so documents built without it hash exactly as before).
     */
    confidential: z.boolean().optional(),
    /** When the § was not quorate and the meeting continued anyway: the sentence stating it and why. Absent otherwise. */
    quorumNote: text(2500).optional(),
    /** Who presided when neither the ordförande nor a vice ordförande took part (a temporary chair). Absent otherwise. */
    presidingNote: text(500).optional(),
    /** Who raised a jäv and the board's ruling when it was disputed ("Frågan om jäv för NN väcktes av MM. …"). Absent when none. */
    javRulings: z.array(text(1000)).max(100).optional(),
    /** "Beslutet fattades med kvalificerad majoritet 2/3: 6 av 8." when the förbundsordning requires one. Absent otherwise. */
    qualifiedNote: text(500).optional(),
  })
  .strict();

export const ProtokollDocumentSchema = z
  .object({
    format: z.literal(PROTOKOLL_FORMAT),
    forbund: z.object({ id: z.string().min(1).max(100), name, orgNr: text(20) }).strict(),
    /** "Styrelsen". */
    organ: name,
    meeting: z
      .object({ id: z.string().min(1).max(100), date: isoDate, startTime: text(10), endTime: text(10).nullable(), place: text(500), distanceParticipation: z.boolean() })
      .strict(),
    paragraphRange: z.object({ from: z.number().int(), to: z.number().int() }).strict(),
    attendance: z
      .object({ deciding: z.array(AttendanceLineSchema).max(200), substitutesNotServing: z.array(AttendanceLineSchema).max(200), others: z.array(AttendanceLineSchema).max(200) })
      .strict(),
    paragraphs: z.array(ProtokollParagraphSchema).max(2000),
    signatories: z.object({ chair: ProtokollPersonSchema, adjusters: z.array(ProtokollPersonSchema).max(10), secretary: ProtokollPersonSchema.nullable() }).strict(),
    justering: z.object({ date: isoDate, place: text(500) }).strict(),
    /** Förvaringsplats för protokollet. */
    storage: text(500),
    /** The draft version this document was built from (1, 2, …): a sent-back draft is corrected into a new version. */
    version: z.number().int().min(1),
  })
  .strict();

export type ProtokollPerson = z.infer<typeof ProtokollPersonSchema>;
export type AttendanceLine = z.infer<typeof AttendanceLineSchema>;
export type ProtokollVote = z.infer<typeof ProtokollVoteSchema>;
export type ProtokollParagraph = z.infer<typeof ProtokollParagraphSchema>;
export type ProtokollDocument = z.infer<typeof ProtokollDocumentSchema>;

const hashes = new WeakMap<ProtokollDocument, string>();

/**
 * SHA-256 (hex) of the canonical JSON of a protokoll: what an attestation signs.
 * Remembered per document object (a draft's document is hashed by its
 * authority rule and again by its reducer); documents are never changed in place.
 */
export function protokollHash(doc: ProtokollDocument): string {
  let hash = hashes.get(doc);
  if (hash === undefined) hashes.set(doc, (hash = bytesToHex(sha256(utf8ToBytes(canonicalJson(doc))))));
  return hash;
}

/** The exact bytes embedded in the PDF as protokoll.json (canonical JSON, UTF-8). */
export function protokollBytes(doc: ProtokollDocument): Uint8Array {
  return utf8ToBytes(canonicalJson(doc));
}
