import { describe, expect, it } from 'vitest';
import { swedishDate } from '../../../../shared/domain/format';

describe('swedishDate: the date in Sweden of a UTC instant, whatever the device time zone', () => {
  it('moves an instant just after midnight Swedish winter time to that day', () => {
    expect(swedishDate('2026-01-14T23:30:00.000Z')).toBe('2026-01-15');
    expect(swedishDate('2026-01-14T22:59:00.000Z')).toBe('2026-01-14');
  });
  it('uses UTC+2 in summer time', () => {
    expect(swedishDate('2026-06-30T22:10:00.000Z')).toBe('2026-07-01');
    expect(swedishDate('2026-06-30T21:50:00.000Z')).toBe('2026-06-30');
  });
  it('switches on the last Sundays of March and October at 01.00 UTC', () => {
    // 2026: summer time from 2026-03-29 01:00 UTC to 2026-10-25 01:00 UTC.
    expect(swedishDate('2026-03-28T23:30:00.000Z')).toBe('2026-03-29'); // +1: 00.30 on the 29th
    expect(swedishDate('2026-10-24T22:30:00.000Z')).toBe('2026-10-25'); // +2: 00.30 on the 25th
    expect(swedishDate('2026-10-25T22:30:00.000Z')).toBe('2026-10-25'); // +1 again: 23.30
  });
  it('answers an empty string for a value that is not a time', () => {
    expect(swedishDate('inte ett datum')).toBe('');
  });
});
