import { z } from 'zod';
import { PROTOKOLL_FORMAT, type ProtokollDocument } from '../../../shared/domain/meetings/protokoll-document';
import { KALLELSE_FORMAT, type KallelseDocument } from '../../../shared/domain/meetings/kallelse-document';

/**
 * Shapes of the documents read back from a PDF (by `verify`) or handed to the
 * renderers over the contract: a file from elsewhere must never reach the
 * layout code with a missing array or a number where text belongs. Texts are
 * capped so a hostile file cannot make the verifier lay out megabytes.
 */

const text = (max = 20_000) => z.string().max(max);
const name = z.string().min(1).max(200);
const person = z.object({ personId: z.string().min(1).max(100), name }).strict();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const attendance = person
  .extend({ organisation: text(200).nullable(), role: text(300), paragraphs: text(200).nullable(), distance: z.boolean() })
  .strict();

const note = person.extend({ text: text(5000) }).strict();
const minuteNote = note.extend({ permission: text(200).optional() }).strict();

const paragraph = z
  .object({
    number: z.number().int().min(1).max(100_000),
    title: text(500),
    dnr: text(100).nullable(),
    summary: text().nullable(),
    basis: z.array(text(500)).max(200),
    proposal: text().nullable(),
    motions: z.array(note).max(100),
    vote: z
      .object({
        proposition: text(5000),
        votes: z.array(person.extend({ vote: z.enum(['ja', 'nej', 'avstar']) }).strict()).max(200),
        yes: z.number().int().min(0),
        no: z.number().int().min(0),
        abstain: z.number().int().min(0),
        castingVote: z.boolean(),
        closed: z.literal(true).optional(),
        byLot: z.literal(true).optional(),
        result: text(5000),
      })
      .strict()
      .nullable(),
    decision: z
      .object({
        outcome: text(50),
        outcomeLabel: text(100),
        text: text(),
        amountKr: z.number().finite().nullable(),
        period: z.object({ from: date, to: date }).strict().nullable(),
      })
      .strict(),
    jav: z.array(note).max(100),
    reservations: z.array(note).max(100),
    notes: z.array(minuteNote).max(100),
    participants: z.array(person).max(200),
    urgent: z.boolean(),
    sendTo: z.array(text(300)).max(100),
    confidential: z.boolean().optional(),
    quorumNote: text(2500).optional(),
    presidingNote: text(500).optional(),
    javRulings: z.array(text(1000)).max(100).optional(),
    qualifiedNote: text(500).optional(),
  })
  .strict();

export const ProtokollDocumentSchema: z.ZodType<ProtokollDocument> = z
  .object({
    format: z.literal(PROTOKOLL_FORMAT),
    forbund: z.object({ id: z.string().min(1).max(100), name, orgNr: text(20) }).strict(),
    organ: name,
    meeting: z
      .object({ id: z.string().min(1).max(100), date, startTime: text(10), endTime: text(10).nullable(), place: text(500), distanceParticipation: z.boolean() })
      .strict(),
    paragraphRange: z.object({ from: z.number().int(), to: z.number().int() }).strict(),
    attendance: z.object({ deciding: z.array(attendance).max(200), substitutesNotServing: z.array(attendance).max(200), others: z.array(attendance).max(200) }).strict(),
    paragraphs: z.array(paragraph).max(2000),
    signatories: z.object({ chair: person, adjusters: z.array(person).max(10), secretary: person.nullable() }).strict(),
    justering: z.object({ date, place: text(500) }).strict(),
    storage: text(500),
    version: z.number().int().min(1),
  })
  .strict();

export const KallelseDocumentSchema: z.ZodType<KallelseDocument> = z
  .object({
    format: z.literal(KALLELSE_FORMAT),
    forbund: z.object({ name, orgNr: text(20) }).strict(),
    organ: name,
    meeting: z.object({ id: z.string().min(1).max(100), date, startTime: text(10), place: text(500), distance: text(1000).nullable() }).strict(),
    sentOn: date,
    recipients: z.array(z.object({ name, role: text(200), organisation: text(200).nullable() }).strict()).max(500),
    items: z
      .array(
        z
          .object({
            number: z.number().int().min(1),
            title: text(500),
            dnr: text(100).nullable(),
            proposal: text().nullable(),
            documents: z.array(text(500)).max(200),
            presenter: text(300).nullable(),
          })
          .strict(),
      )
      .max(500),
    absenceNote: text(2000),
    sender: z.object({ name, role: text(200), email: text(300) }).strict().nullable(),
  })
  .strict();
