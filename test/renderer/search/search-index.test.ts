import { describe, expect, it } from 'vitest';
import { highlightRanges } from '../../../shared/domain/search/highlight';
import type { SearchableRecord } from '../../../shared/domain/search/filter';
import { RecordSearchIndex } from '../../../renderer/src/search/search-index';

/** The same index in the renderer's environment (jsdom): no Node APIs needed. */
const record = (id: string, title: string, pdfText: string, status = 'inkommen'): SearchableRecord => ({
  id,
  title,
  fields: { diarienummer: `SF 2026/${id}` },
  parties: ['Skövde kommun'],
  status,
  meetingId: null,
  amount: 100_000,
  periodFrom: '2026-01-01',
  periodTo: '2026-12-31',
  pdfText,
});

describe('search in the renderer', () => {
  it('answers as the user types, with filters and highlighting', async () => {
    const index = await RecordSearchIndex.build([
      record('1', 'Öppna vägar', 'Arbetsförmåga och försörjningsstöd.', 'beviljad'),
      record('2', 'Ungdomar i Falköping', 'Psykisk ohälsa bland unga.'),
    ]);
    const typed = 'ARBETSFÖRM';
    for (let n = 2; n <= typed.length; n++) expect(index.searchIds(typed.slice(0, n)), typed.slice(0, n)).toEqual(['1']);
    expect(index.searchIds('ungdom', { statuses: ['beviljad'] })).toEqual([]);
    expect(index.searchIds('ungdom')).toEqual(['2']);
    const [hit] = index.search('psykisk ohäl');
    const text = index.get(hit!.id)!.pdfText;
    expect(highlightRanges(text, hit!.terms, hit!.queryWords).map((r) => text.slice(r.start, r.end))).toEqual([
      'Psykisk',
      'ohälsa',
    ]);
  });
});
