import { describe, expect, it } from 'vitest';
import {
  filterRecords,
  isEmptyFilter,
  matchesFilters,
  sortRecords,
  type SearchableRecord,
} from '../../../../../shared/domain/search/filter';
import { rec } from '../../../../helpers/search-records';


const records = [
  rec({ id: 'a', title: 'Öppna vägar', status: 'beviljad', meetingId: 'm1', parties: ['Skövde kommun'], amount: 500_000, periodFrom: '2026-01-01', periodTo: '2026-12-31' }),
  rec({ id: 'b', title: 'Arbetsträning', status: 'inkommen', meetingId: null, parties: ['Falköpings kommun', 'Region Västra Götaland'], amount: 120_000, periodFrom: '2025-07-01', periodTo: '2026-06-30' }),
  rec({ id: 'c', title: 'Ärendet om unga', status: 'avslagen', meetingId: 'm2', parties: ['Försäkringskassan'], amount: 2_000_000, periodFrom: '2027-01-01', periodTo: '' }),
  rec({ id: 'd', title: 'Bättre hälsa', status: 'beviljad', meetingId: 'm1', parties: ['Arbetsförmedlingen', 'Skövde kommun'], amount: 80_000, periodFrom: '', periodTo: '2025-03-31' }),
];
const ids = (list: SearchableRecord[]) => list.map((r) => r.id);

describe('filters', () => {
  it('passes everything with no or empty filters', () => {
    expect(isEmptyFilter(undefined)).toBe(true);
    expect(isEmptyFilter({ statuses: [], parties: [], periodFrom: '' })).toBe(true);
    expect(ids(filterRecords(records, {}))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('filters by a set of statuses', () => {
    expect(ids(filterRecords(records, { statuses: ['beviljad'] }))).toEqual(['a', 'd']);
    expect(ids(filterRecords(records, { statuses: ['inkommen', 'avslagen'] }))).toEqual(['b', 'c']);
  });

  it('filters by meeting, with null meaning "on no meeting"', () => {
    expect(ids(filterRecords(records, { meetingId: 'm1' }))).toEqual(['a', 'd']);
    expect(ids(filterRecords(records, { meetingId: null }))).toEqual(['b']);
  });

  it('filters by any of the chosen parties', () => {
    expect(ids(filterRecords(records, { parties: ['Skövde kommun'] }))).toEqual(['a', 'd']);
    expect(ids(filterRecords(records, { parties: ['Försäkringskassan', 'Region Västra Götaland'] }))).toEqual(['b', 'c']);
  });

  it('filters by amount, bounds inclusive', () => {
    expect(ids(filterRecords(records, { amountMin: 120_000, amountMax: 500_000 }))).toEqual(['a', 'b']);
    expect(ids(filterRecords(records, { amountMin: 1_000_000 }))).toEqual(['c']);
  });

  it('keeps records whose period overlaps the window, open ends included', () => {
    expect(ids(filterRecords(records, { periodFrom: '2026-07-01', periodTo: '2026-12-31' }))).toEqual(['a']);
    expect(ids(filterRecords(records, { periodFrom: '2026-06-30', periodTo: '2026-06-30' }))).toEqual(['a', 'b']);
    expect(ids(filterRecords(records, { periodFrom: '2030-01-01' }))).toEqual(['c']); // c has no end
    expect(ids(filterRecords(records, { periodTo: '2024-01-01' }))).toEqual(['d']); // d has no start
  });

  it('combines filters with AND', () => {
    expect(ids(filterRecords(records, { statuses: ['beviljad'], parties: ['Skövde kommun'], amountMin: 100_000 }))).toEqual(['a']);
    expect(matchesFilters(records[0]!, { statuses: ['beviljad'], meetingId: 'm2' })).toBe(false);
  });
});

describe('sortRecords', () => {
  it('sorts titles in Swedish order (å ä ö after z) without touching the input', () => {
    const sorted = sortRecords(records, { key: 'title', direction: 'asc' });
    expect(sorted.map((r) => r.title)).toEqual(['Arbetsträning', 'Bättre hälsa', 'Ärendet om unga', 'Öppna vägar']);
    expect(ids(records)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('sorts by amount and by period start, both directions', () => {
    expect(ids(sortRecords(records, { key: 'amount', direction: 'desc' }))).toEqual(['c', 'a', 'b', 'd']);
    expect(ids(sortRecords(records, { key: 'periodFrom', direction: 'asc' }))).toEqual(['d', 'b', 'a', 'c']);
  });
});
