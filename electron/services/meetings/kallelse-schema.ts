import { z } from 'zod';
import { KALLELSE_FORMAT, type KallelseDocument } from '../../../shared/domain/meetings/kallelse-document';

/**
 * The kallelse's shape as handed to the renderer over the contract (the
 * protokoll's schema lives with its type: ProtokollDocumentSchema in
 * shared/domain/meetings/protokoll-document.ts): a file from elsewhere must never reach the
 * layout code with a missing array or a number where text belongs. Texts are
 * capped so a hostile file cannot make the verifier lay out megabytes.
 */

const text = (max = 20_000) => z.string().max(max);
const name = z.string().min(1).max(200);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

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
