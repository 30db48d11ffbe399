import type { SearchableRecord } from '../../shared/domain/search/filter';

/** A searchable record with neutral defaults; tests name only what they are about. */
export const rec = (over: Partial<SearchableRecord> & { id: string }): SearchableRecord => ({
  title: over.id,
  fields: {},
  parties: [],
  status: 'inkommen',
  meetingId: null,
  amount: 0,
  periodFrom: '',
  periodTo: '',
  pdfText: '',
  ...over,
});
