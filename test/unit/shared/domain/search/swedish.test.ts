import { describe, expect, it } from 'vitest';
import { highlightRanges } from '../../../../../shared/domain/search/highlight';
import {
  indexTermsSv,
  normalizeSv,
  queryWordsSv,
  stemSv,
  tokenSpansSv,
  tokenizeSv,
} from '../../../../../shared/domain/search/swedish';

describe('normalizeSv', () => {
  it('lower-cases Å Ä Ö and composes decomposed letters (NFC)', () => {
    expect(normalizeSv('ÅRSMÖTE Ärende')).toBe('årsmöte ärende');
    const decomposed = 'A\u030Arsredovisning o\u0308ppna'; // A + ring, o + diaeresis
    expect(normalizeSv(decomposed)).toBe('årsredovisning öppna');
    expect(normalizeSv(decomposed)).toHaveLength('årsredovisning öppna'.length);
  });
});

describe('tokenizeSv', () => {
  it('splits on non-letters and keeps å ä ö é ü words whole', () => {
    expect(tokenizeSv('Öppna vägar – insats för unga i Skövde/Falköping!')).toEqual([
      'öppna', 'vägar', 'insats', 'för', 'unga', 'i', 'skövde', 'falköping',
    ]);
    expect(tokenizeSv('Café Müller, idé')).toEqual(['café', 'müller', 'idé']);
  });

  it('keeps diarienummer and dates as one token', () => {
    expect(tokenizeSv('Dnr SF 2026/14, beslut 2026-03-14 (punkt 4.2)')).toEqual([
      'dnr', 'sf', '2026/14', 'beslut', '2026-03-14', 'punkt', '4.2',
    ]);
  });

  it('gives offsets into the original text', () => {
    const text = 'Om Öppna vägar';
    expect(tokenSpansSv(text).map((s) => text.slice(s.start, s.end))).toEqual(['Om', 'Öppna', 'vägar']);
  });
});

describe('stemSv', () => {
  it.each([
    ['vägar', 'väg'],
    ['vägen', 'väg'],
    ['vägarna', 'väg'],
    ['insatser', 'insats'],
    ['insatsen', 'insats'],
    ['insatserna', 'insats'],
    ['förbundet', 'förbund'],
    ['förbundets', 'förbund'],
    ['kommunens', 'kommun'],
    ['ungdomar', 'ungdom'],
    ['ungdomarnas', 'ungdom'],
    ['ansökningarna', 'ansökning'],
    ['ansökningar', 'ansökning'],
    ['möjligheterna', 'möjlighet'],
  ])('%s → %s', (word, stem) => {
    expect(stemSv(word)).toBe(stem);
  });

  it('is conservative: short words, stems ending in s, numbers and -an nouns stay', () => {
    expect(stemSv('väg')).toBe('väg');
    expect(stemSv('år')).toBe('år');
    expect(stemSv('insats')).toBe('insats'); // no bare genitive -s
    expect(stemSv('process')).toBe('process');
    expect(stemSv('skövde')).toBe('skövde');
    expect(stemSv('2026/14')).toBe('2026/14');
    // Honest limit: ansökan and ansökningar do not share a stem (prefix search joins them).
    expect(stemSv('ansökan')).toBe('ansökan');
    expect(stemSv('ansökan')).not.toBe(stemSv('ansökningar'));
  });
});

describe('index and query terms', () => {
  it('indexes the word and its stem, drops stop words', () => {
    expect(indexTermsSv('Vägar')).toEqual(['vägar', 'väg']);
    expect(indexTermsSv('Skövde')).toEqual(['skövde']);
    expect(indexTermsSv('och')).toBeNull();
    expect(indexTermsSv('På')).toBeNull();
  });

  it('drops stop words from queries of several words, keeps a lone one as a prefix', () => {
    expect(queryWordsSv('insats för unga och äldre')).toEqual(['insats', 'unga', 'äldre']);
    expect(queryWordsSv('de')).toEqual(['de']);
    expect(queryWordsSv('och att')).toEqual(['att']);
    expect(queryWordsSv('  ,. ')).toEqual([]);
  });
});

describe('highlightRanges', () => {
  it('marks inflected forms and the word being typed', () => {
    const text = 'Öppna vägar och vägen till ÖPPENHET';
    const marked = (terms: string[], words: string[]) =>
      highlightRanges(text, terms, words).map((r) => text.slice(r.start, r.end));
    expect(marked(['väg'], [])).toEqual(['vägar', 'vägen']);
    expect(marked([], ['öpp'])).toEqual(['Öppna', 'ÖPPENHET']);
    expect(marked([], [])).toEqual([]);
  });
});
