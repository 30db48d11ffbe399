import { z } from 'zod';
import type { Method } from './methods';
import { syncContract } from './sync-schemas';

/** Largest single attachment accepted (bytes). Board PDFs are rarely above a few MB. */
export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 i hex');

/** Raw bytes. Buffers are Uint8Arrays, so Node and the browser both pass. */
export const Bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes');

/** A file name as the user's system gave it: no folders, no control characters. */
export const FileName = z
  .string()
  .min(1)
  .max(255)
  // No folders and no control characters (code points below 32).
  .refine((s) => !/[\\/]/.test(s) && ![...s].some((c) => c.charCodeAt(0) < 32), 'filnamn utan mappar eller styrtecken');

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
  'documents.coverSheet': {
    input: Empty,
    output: GeneratedFile,
  },
  ...syncContract,
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
