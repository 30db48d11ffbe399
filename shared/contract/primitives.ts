import { z } from 'zod';
import { isSafeFileName } from '../domain/safe-text';

/** Building blocks shared by every part of the contract (kept apart so the parts don't import each other in a cycle). */

/** Largest single attachment accepted (bytes). Board PDFs are rarely above a few MB; base64 of this over the browser host stays under 100 MB (its body cap). */
export const MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024;

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 i hex');

/** Raw bytes. Buffers are Uint8Arrays, so Node and the browser both pass. */
export const Bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes');

/** A file name as the user's system gave it: the same rule as in signed events (shared/domain/safe-text.ts). */
export const FileName = z
  .string()
  .min(1)
  .max(255)
  .refine(isSafeFileName, 'filnamn utan mappar, styrtecken eller riktningstecken');

