import { z } from 'zod';
import type { Method } from './methods';
import { Bytes, FileName, MAX_ATTACHMENT_BYTES, Sha256 } from './primitives';
import { syncContract } from './sync-schemas';
import { protokollContract } from './protokoll-schemas';
import { lockContract } from './lock-schemas';
import { notesContract } from './notes-schemas';

export { Bytes, FileName, MAX_ATTACHMENT_BYTES, Sha256 } from './primitives';

export const AttachmentMeta = z.object({
  sha256: Sha256,
  fileName: FileName,
  size: z.number().int().positive(),
  pageCount: z.number().int().positive(),
  /** ISO 8601 instant when first stored on this device. */
  addedAt: z.string().datetime(),
});
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;

export const GeneratedFile = z.object({
  fileName: FileName,
  bytes: Bytes,
});
export type GeneratedFile = z.infer<typeof GeneratedFile>;

const Empty = z.object({}).strict();

/**
 * Every capability with its argument and result schema. The main side parses
 * every call in and every answer out with these; the renderer gets its types
 * from them.
 */
export const contract = {
  'app.info': {
    input: Empty,
    output: z.object({
      name: z.literal('Styrelsebordet'),
      version: z.string(),
      host: z.enum(['electron', 'web']),
      dataDir: z.string(),
    }),
  },
  'attachments.add': {
    input: z
      .object({
        fileName: FileName,
        bytes: Bytes.refine((b) => b.byteLength <= MAX_ATTACHMENT_BYTES, 'filen är för stor'),
      })
      .strict(),
    output: AttachmentMeta,
  },
  'attachments.list': {
    input: Empty,
    output: z.array(AttachmentMeta),
  },
  'attachments.read': {
    input: z.object({ sha256: Sha256 }).strict(),
    output: z.object({ meta: AttachmentMeta, bytes: Bytes }),
  },
  'attachments.text': {
    input: z.object({ sha256: Sha256 }).strict(),
    output: z.object({ text: z.string() }),
  },
  'documents.coverSheet': {
    input: Empty,
    output: GeneratedFile,
  },
  /** The kallelse with the föredragningslista of one sammanträde as a PDF; a copy is kept in the exports folder. */
  'meetings.kallelsePdf': {
    input: z.object({ meetingId: z.uuid() }).strict(),
    output: GeneratedFile,
  },
  /** The ansökan in force as a PDF summary for paper readers; a copy is kept in the exports folder. */
  'applications.summaryPdf': {
    input: z.object({ applicationId: z.uuid() }).strict(),
    output: GeneratedFile,
  },
  ...syncContract,
  ...protokollContract,
  ...lockContract,
  ...notesContract,
  /**
   * "Visa i mappen" (Electron only): shows a file the main side wrote, named by
   * the file name it gave (never a path). The browser host refuses it.
   */
  'files.showInFolder': {
    input: z.object({ fileName: FileName }).strict(),
    output: z.object({}).strict(),
  },
} as const satisfies Record<Method, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

/** What the renderer sees: one async function per method. */
export type Api = { [M in Method]: (input: Input<M>) => Promise<Output<M>> };

/** What the main side implements: validated input in, a result that must pass the output schema. */
export type Handlers = {
  [M in Method]: (input: z.output<Contract[M]['input']>) => Promise<z.input<Contract[M]['output']>>;
};
