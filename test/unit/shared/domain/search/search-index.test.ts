import { describe, expect, it } from 'vitest';
import { highlightRanges } from '../../../../../shared/domain/search/highlight';
import type { SearchableRecord } from '../../../../../shared/domain/search/filter';
import { RecordSearchIndex } from '../../../../../renderer/src/search/search-index';
import { rec } from '../../../../helpers/search-records';


const records = (): SearchableRecord[] => [
  rec({
    id: 'vagar',
    title: 'Öppna vägar',
    fields: { diarienummer: 'SF 2026/14', sökande: 'Skövde kommun' },
    parties: ['Skövde kommun'],
    status: 'beviljad',
    meetingId: 'm1',
    amount: 450_000,
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    pdfText: 'Insatsen riktar sig till ungdomar med psykisk ohälsa och långvarigt försörjningsstöd.',
  }),
  rec({
    id: 'samverkan',
    title: 'Samverkan kring rehabilitering',
    fields: { diarienummer: 'SF 2026/15' },
    parties: ['Falköpings kommun', 'Försäkringskassan'],
    status: 'inkommen',
    amount: 1_200_000,
    periodFrom: '2026-03-01',
    periodTo: '2027-02-28',
    pdfText: 'Projektet stärker arbetsförmåga genom arbetsträning.',
  }),
  rec({
    id: 'halsa',
    title: 'Bättre hälsa i Tidaholm',
    fields: { diarienummer: 'SF 2025/88' },
    parties: ['Tidaholms kommun'],
    status: 'avslagen',
    meetingId: 'm2',
    amount: 90_000,
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
    pdfText: 'Budgeten avser ÅTGÄRDER för äldre. Samverkan med vårdcentralen.',
  }),
];

describe('RecordSearchIndex', () => {
  const index = new RecordSearchIndex(records());

  it('finds a record by the text of its PDF', () => {
    expect(index.searchIds('försörjningsstöd')).toEqual(['vagar']);
    expect(index.searchIds('arbetsträning')).toEqual(['samverkan']);
  });

  it('finds by title prefix as it is typed, letter by letter', () => {
    for (const typed of ['Öp', 'Öpp', 'Öppn', 'Öppna', 'Öppna v', 'Öppna vä', 'Öppna väga', 'Öppna vägar']) {
      expect(index.searchIds(typed), typed).toEqual(['vagar']);
    }
  });

  it('matches å ä ö words whatever their case, and inflected forms', () => {
    for (const q of ['öppna', 'ÖPPNA', 'VÄGAR', 'väg', 'vägen', 'vägarna']) {
      expect(index.searchIds(q), q).toEqual(['vagar']);
    }
    expect(index.searchIds('åtgärd')).toEqual(['halsa']); // ÅTGÄRDER in the PDF
    expect(index.searchIds('ÅTGÄRDERNA')).toEqual(['halsa']);
    // Fuzzy: one edit away, "ohälsa" also finds "hälsa" (here in a boosted title).
    expect(index.searchIds('ohälsa').sort()).toEqual(['halsa', 'vagar']);
    // å ä ö are letters of their own: no match without the dots and rings.
    expect(index.searchIds('atgarder')).toEqual([]);
  });

  it('ranks a title match above a PDF-text match', () => {
    expect(index.searchIds('samverkan')).toEqual(['samverkan', 'halsa']);
  });

  it('tolerates a typo (fuzzy)', () => {
    expect(index.searchIds('samverkn')).toContain('samverkan');
    expect(index.searchIds('rehabiliterng')).toEqual(['samverkan']);
  });

  it('finds diarienummer and parties', () => {
    expect(index.searchIds('2026/14')).toEqual(['vagar']);
    expect(index.searchIds('2026/1').sort()).toEqual(['samverkan', 'vagar']);
    expect(index.searchIds('falköping')).toEqual(['samverkan']);
  });

  it('requires every word of the query', () => {
    expect(index.searchIds('samverkan äldre')).toEqual(['halsa']);
    expect(index.searchIds('samverkan ungdomar')).toEqual([]);
  });

  it('combines the search with filters', () => {
    expect(index.searchIds('samverkan', { statuses: ['avslagen'] })).toEqual(['halsa']);
    expect(index.searchIds('samverkan', { amountMin: 1_000_000 })).toEqual(['samverkan']);
    expect(index.searchIds('samverkan', { parties: ['Skövde kommun'] })).toEqual([]);
    expect(index.searchIds('kommun', { meetingId: 'm1' })).toEqual(['vagar']);
    expect(index.searchIds('sf', { periodFrom: '2026-06-01', periodTo: '2026-06-30' }).sort()).toEqual(['samverkan', 'vagar']);
  });

  it('gives the filtered list, sorted, for an empty query', () => {
    expect(index.searchIds('')).toEqual(['halsa', 'samverkan', 'vagar']); // Bättre, Samverkan, Öppna
    expect(index.searchIds(' – ', { statuses: ['beviljad', 'avslagen'] })).toEqual(['halsa', 'vagar']);
    expect(index.searchIds('', {}, { sort: { key: 'amount', direction: 'desc' } })).toEqual(['samverkan', 'vagar', 'halsa']);
  });

  it('returns match info that highlights the PDF text', () => {
    const [hit] = index.search('vägar försörjning');
    expect(hit?.id).toBe('vagar');
    expect(hit?.match['försörjningsstöd']).toEqual(['pdfText']);
    const title = 'Öppna vägar';
    const ranges = highlightRanges(title, hit!.terms, hit!.queryWords);
    expect(ranges.map((r) => title.slice(r.start, r.end))).toEqual(['vägar']);
  });
});

describe('incremental updates', () => {
  it('adds, replaces and removes records', () => {
    const index = new RecordSearchIndex(records());
    index.add(rec({ id: 'ny', title: 'Individuellt stöd i Mariestad', pdfText: 'Stödet ges till unga vuxna.' }));
    expect(index.searchIds('mariestad')).toEqual(['ny']);
    expect(() => index.add(rec({ id: 'ny' }))).toThrow();

    index.put(rec({ id: 'ny', title: 'Individuellt stöd i Hjo' }));
    expect(index.searchIds('mariestad')).toEqual([]);
    expect(index.searchIds('hjo')).toEqual(['ny']);
    expect(index.size).toBe(4);

    expect(index.remove('vagar')).toBe(true);
    expect(index.remove('vagar')).toBe(false);
    expect(index.searchIds('öppna')).toEqual([]);
    expect(index.searchIds('försörjningsstöd')).toEqual([]);
    expect(index.size).toBe(3);
    expect(index.searchIds('')).not.toContain('vagar');
  });

  it('builds in chunks without blocking', async () => {
    const index = await RecordSearchIndex.build(records(), 1);
    expect(index.size).toBe(3);
    expect(index.searchIds('tidaholm')).toEqual(['halsa']);
  });
});
