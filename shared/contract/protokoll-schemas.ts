import { z } from 'zod';
import { Bytes, FileName } from './primitives';

/**
 * The contract for the signed protokoll (issue "Meetings, delegations and the
 * signed protokoll"): the PDF the chair exports once the protokoll is justerat.
 */
const Uuid = z.uuid();

export const ProtokollVariantInput = z.enum(['full', 'public']);
export type ProtokollVariantInput = z.infer<typeof ProtokollVariantInput>;

export const protokollContract = {
  /**
   * The signed protokoll PDF of a justerat protokoll ('full'), or its public
   * version. `part` = a § justerad omedelbart: its extract, exportable before
   * the rest of the protokoll is justerat. A copy stays in the exports folder.
   */
  'protokoll.export': {
    input: z
      .object({
        meetingId: Uuid,
        variant: ProtokollVariantInput,
        part: z.union([z.literal('whole'), z.number().int().min(1).max(100_000)]).optional(),
      })
      .strict(),
    output: z.object({ fileName: FileName, bytes: Bytes }),
  },
  /**
   * "Kontrollera ett protokoll": the same check as `cli verify`, on a PDF the
   * user picked. The förbund CA pinned is this laptop's own förbund's, unless
   * the user gives another fingerprint (a stranger's protokoll). A file of any
   * size up to 200 MB; it is never stored.
   */
  'protokoll.verify': {
    input: z
      .object({
        bytes: Bytes.refine((b) => b.byteLength <= 200 * 1024 * 1024, 'Filen är för stor för att vara ett protokoll.'),
        caFingerprint: z.string().trim().max(200).optional(),
      })
      .strict(),
    output: z.object({
      ok: z.boolean(),
      title: z.string().nullable(),
      sha256: z.string().nullable(),
      /** The CA fingerprint the file names, for comparison. */
      caFingerprint: z.string().nullable(),
      /** The CA the check trusted (own förbund or given), or null when none was known. */
      trustedCa: z.string().nullable(),
      sealedBy: z.array(z.object({ name: z.string(), role: z.string(), time: z.string() })),
      signers: z.array(z.object({ name: z.string(), role: z.string(), time: z.string(), fingerprint: z.string() })),
      problems: z.array(z.string()),
    }),
  },
} as const;
