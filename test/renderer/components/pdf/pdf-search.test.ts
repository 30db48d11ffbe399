import { describe, expect, it } from 'vitest';
import { findHits, firstHitFrom, highlightItem, hitLabel, stepHit } from '../../../../renderer/src/components/pdf/pdf-search';

const pages = [
  ['Årsredovisning för förbundets samverkan', null, 'ÅTGÄRDER och åtgärder'],
  ['Styrelsen föreslås besluta att godkänna årets åtgärder.'],
  ['Arbete och studier', 'Inga ord här'],
];

describe('search in a PDF', () => {
  it('matches Swedish case-insensitively and keeps å ä ö apart from a and o', () => {
    expect(findHits(pages, 'åtgärder').map((h) => [h.page, h.item, h.start, h.end])).toEqual([
      [1, 2, 0, 8],
      [1, 2, 13, 21],
      [2, 0, 46, 54],
    ]);
    expect(findHits(pages, 'ÅRS').map((h) => h.page)).toEqual([1]);
    expect(findHits(pages, 'ÅRe').map((h) => h.page)).toEqual([2]);
    // "ar" is not "år": no diacritics folding.
    expect(findHits(pages, 'arsredovisning')).toEqual([]);
    expect(findHits(pages, '  ')).toEqual([]);
    expect(findHits(pages, 'Föreslås   BESLUTA').map((h) => h.page)).toEqual([2]);
  });

  it('finds decomposed letters (a + ring) as å, with offsets in the text shown', () => {
    const decomposed = [['Sa\u030Angt a\u030Ar']];
    const hits = findHits(decomposed, 'år');
    expect(hits).toHaveLength(1);
    expect(highlightItem(decomposed[0]![0]!, hits, hits[0]!)).toBe('Sångt <mark class="pdf-hit pdf-hit-current">år</mark>');
  });

  it('highlights hits in the text layer, escaping the rest', () => {
    const str = '<b>Åtgärd</b> & åtgärd';
    const hits = findHits([[str]], 'åtgärd');
    expect(highlightItem(str, hits, hits[1]!)).toBe(
      '&lt;b&gt;<mark class="pdf-hit">Åtgärd</mark>&lt;/b&gt; &amp; <mark class="pdf-hit pdf-hit-current">åtgärd</mark>',
    );
    expect(highlightItem('x < y', [], null)).toBe('x &lt; y');
  });

  it('counts "3 av 12", steps around and starts from the page being read', () => {
    expect(hitLabel(12, 2, true)).toBe('3 av 12');
    expect(hitLabel(0, 0, true)).toBe('Inga träffar');
    expect(hitLabel(0, 0, false)).toBe('');
    expect(stepHit(3, 2, 1)).toBe(0);
    expect(stepHit(3, 0, -1)).toBe(2);
    const hits = findHits(pages, 'åtgärder');
    expect(firstHitFrom(hits, 2)).toBe(2);
    expect(firstHitFrom(hits, 3)).toBe(0);
  });
});
