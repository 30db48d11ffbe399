/**
 * Search in a PDF's text, pure: Swedish case-insensitive matching that keeps
 * å, ä and ö apart from a and o (no diacritics folding: "år" is not "ar"),
 * on the text items pdf.js gives per page. A hit lies within one text item
 * (one run of text on a line), which is what the text layer can highlight.
 */

/** One page's text items in pdf.js order; null for an item without text, so indices match react-pdf's itemIndex. */
export type PageItems = readonly (string | null)[];

export interface PdfHit {
  page: number;
  item: number;
  /** Offsets in the item's NFC text. */
  start: number;
  end: number;
}

/** Lowercases code point by code point, so every position maps back to the NFC text. */
function foldWithMap(nfc: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of nfc) {
    const low = ch.toLocaleLowerCase('sv');
    for (let k = 0; k < low.length; k++) origin.push(i);
    folded += low;
    i += ch.length;
  }
  origin.push(i);
  return { folded, origin };
}

export const normaliseQuery = (q: string): string => q.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv');

/** Every hit of `query` in the pages (page numbers from 1), in reading order. At most `limit` hits. */
export function findHits(pages: readonly PageItems[], query: string, limit = 10_000): PdfHit[] {
  const q = normaliseQuery(query);
  if (q === '') return [];
  const hits: PdfHit[] = [];
  pages.forEach((items, p) => {
    items.forEach((str, item) => {
      if (!str) return;
      const { folded, origin } = foldWithMap(str.normalize('NFC'));
      let at = folded.indexOf(q);
      while (at !== -1 && hits.length < limit) {
        hits.push({ page: p + 1, item, start: origin[at]!, end: origin[at + q.length]! });
        at = folded.indexOf(q, at + q.length);
      }
    });
  });
  return hits;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The text layer HTML for one item: the item's text with its hits in <mark>;
 * the current hit gets its own class. Everything else is escaped.
 */
export function highlightItem(str: string, hits: readonly PdfHit[], current: PdfHit | null): string {
  const text = str.normalize('NFC');
  if (hits.length === 0) return escapeHtml(text);
  let out = '';
  let pos = 0;
  for (const h of [...hits].sort((a, b) => a.start - b.start)) {
    if (h.start < pos) continue;
    const isCurrent = current !== null && current.page === h.page && current.item === h.item && current.start === h.start;
    out += escapeHtml(text.slice(pos, h.start));
    out += `<mark class="${isCurrent ? 'pdf-hit pdf-hit-current' : 'pdf-hit'}">${escapeHtml(text.slice(h.start, h.end))}</mark>`;
    pos = h.end;
  }
  return out + escapeHtml(text.slice(pos));
}

/** "3 av 12", "Inga träffar", or '' before a search. */
export function hitLabel(count: number, index: number, searched: boolean): string {
  if (!searched) return '';
  if (count === 0) return 'Inga träffar';
  return `${index + 1} av ${count}`;
}

/** The hit to go to from `index` in direction `dir`, wrapping around. */
export const stepHit = (count: number, index: number, dir: 1 | -1): number => (count === 0 ? 0 : (index + dir + count) % count);

/** The first hit on or after `page` (so a search starts where the reader is). */
export function firstHitFrom(hits: readonly PdfHit[], page: number): number {
  const i = hits.findIndex((h) => h.page >= page);
  return i === -1 ? 0 : i;
}
