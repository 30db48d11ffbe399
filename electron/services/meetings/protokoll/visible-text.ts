import type { Content, DocDefinition, DynamicContent, PageSize } from '../../pdf/types';

/**
 * The text a reader sees, derived from a pdfmake definition, and compared
 * with the text pdf.js extracts from the pages.
 *
 * Why this comparison: pdf.js returns text in the order pdfmake wrote it —
 * the content of each page in definition order, then the page's header and
 * footer — but breaks it into items and lines wherever the layout wrapped.
 * So both sides are reduced to their characters without any white space
 * (Unicode NFC). Line breaking, justification and item splitting then vanish,
 * while any changed, added or removed letter, digit or word still shows.
 * Header and footer are computed per page (they carry the page number) and
 * must end each page exactly; the rest of all pages, joined, must equal the
 * body exactly.
 */

export const A4: PageSize = { width: 595.28, height: 841.89 };

/** NFC, no white space: what survives every line break. */
export function squeeze(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00a0\u00ad\u200b]+/g, '');
}

/** All text of a content tree in the order pdfmake lays it out (tables row by row, columns left to right). */
export function contentText(content: Content | null | undefined): string {
  if (content === null || content === undefined) return '';
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map(contentText).join(' ');
  const parts: string[] = [];
  const { text, stack, columns, table } = content;
  if (typeof text === 'string') parts.push(text);
  else if (Array.isArray(text)) parts.push(contentText(text));
  else if (typeof text === 'number') parts.push(String(text));
  if (stack) parts.push(contentText(stack));
  if (columns) parts.push(contentText(columns));
  if (table) for (const row of table.body) parts.push(contentText(row));
  return parts.join(' ');
}

export interface ExpectedText {
  /** The squeezed body of every page, joined. */
  body: string;
  /** Squeezed header + footer of page `i` of `n` (1-based). */
  furniture(page: number, pageCount: number): string;
}

export function expectedText(definition: Pick<DocDefinition, 'content' | 'header' | 'footer'>): ExpectedText {
  const dyn = (fn: DynamicContent | undefined, page: number, count: number): string => (fn ? contentText(fn(page, count, A4)) : '');
  return {
    body: squeeze(contentText(definition.content)),
    furniture: (page, count) => squeeze(dyn(definition.header, page, count) + dyn(definition.footer, page, count)),
  };
}

export type TextMismatch =
  | { kind: 'furniture'; page: number; expected: string; found: string }
  | { kind: 'body'; page: number; expected: string; found: string }
  | { kind: 'length'; page: number; expected: string; found: string };

/** A short window around the first difference, for the message. */
const around = (s: string, at: number): string => s.slice(Math.max(0, at - 24), at + 24);

/**
 * Compares the extracted pages (raw pdf.js text per page) with what the
 * definition says. Returns null when every page matches, else the first
 * place that differs, with a page number and the two versions around it.
 */
export function compareVisibleText(expected: ExpectedText, pages: string[]): TextMismatch | null {
  const bodies: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    const page = squeeze(pages[i]!);
    const furniture = expected.furniture(i + 1, pages.length);
    if (!page.endsWith(furniture)) {
      return { kind: 'furniture', page: i + 1, expected: furniture.slice(-48), found: page.slice(-48) };
    }
    bodies.push(page.slice(0, page.length - furniture.length));
  }
  const found = bodies.join('');
  if (found === expected.body) return null;
  let at = 0;
  while (at < found.length && at < expected.body.length && found[at] === expected.body[at]) at++;
  let page = 1;
  for (let seen = 0, i = 0; i < bodies.length; i++) {
    seen += bodies[i]!.length;
    page = i + 1;
    if (at < seen) break;
  }
  const kind = at >= found.length || at >= expected.body.length ? 'length' : 'body';
  return { kind, page, expected: around(expected.body, at), found: around(found, at) };
}
