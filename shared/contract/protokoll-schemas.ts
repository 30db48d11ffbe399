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
} as const;
