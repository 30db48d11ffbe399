import { normalizeSv, stemSv, tokenSpansSv } from './swedish';

/** A half-open range [start, end) of characters in the original text. */
export interface HighlightRange {
  start: number;
  end: number;
}

/**
 * Where to highlight `text` for a search hit. `terms` are the hit's matched
 * index terms (`SearchHit.terms`: full words and stems); `queryWords` are
 * the words as typed (`SearchHit.queryWords`), so a word still being typed
 * lights up by prefix. A token is marked when it, or its stem, is one of the
 * terms, or when it starts with one of the query words.
 */
export function highlightRanges(
  text: string,
  terms: readonly string[],
  queryWords: readonly string[] = [],
): HighlightRange[] {
  const set = new Set(terms.map(normalizeSv));
  const prefixes = queryWords.map(normalizeSv).filter((w) => w.length > 0);
  if (set.size === 0 && prefixes.length === 0) return [];
  const ranges: HighlightRange[] = [];
  for (const { token, start, end } of tokenSpansSv(text)) {
    if (set.has(token) || set.has(stemSv(token)) || prefixes.some((p) => token.startsWith(p))) {
      ranges.push({ start, end });
    }
  }
  return ranges;
}
