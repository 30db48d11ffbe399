import { z } from 'zod';

/**
 * Names and titles that other laptops receive in signed events and show, save
 * or hand to the operating system. One rule, used by the contract (what the
 * renderer may send) and by the event catalogue (what a package may carry), so
 * neither side accepts what the other refuses.
 *
 * Refused everywhere: control characters (C0, DEL, C1: line breaks, NUL, …)
 * and the Unicode bidi controls, with which `faktura\u202Efdp.exe` displays as
 * "fakturaexe.pdf". File names also may not name a folder (`/`, `\`, `.`, `..`).
 */
const isControl = (code: number): boolean => code < 0x20 || (code >= 0x7f && code <= 0x9f);
const isBidiControl = (code: number): boolean =>
  code === 0x061c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);

export function hasUnsafeCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isControl(code) || isBidiControl(code)) return true;
  }
  return false;
}

export function isSafeFileName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && !/[\\/]/.test(name) && name !== '.' && name !== '..' && !hasUnsafeCharacters(name);
}

/** A file name as the user's system gave it: no folders, no control or bidi characters. */
export const SafeFileName = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine(isSafeFileName, 'filnamn utan mappar, styrtecken eller riktningstecken');

/** One line of text (a title, a reference) without control or bidi characters. */
export const SafeLine = (max: number, min = 0) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !hasUnsafeCharacters(s), 'text utan styrtecken eller riktningstecken');
