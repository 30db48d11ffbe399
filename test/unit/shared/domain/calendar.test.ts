import { describe, expect, it } from 'vitest';
import { deadline, easterSunday, holidayOn, isNonWorkday, nonWorkdayReason, swedishHolidays } from '../../../../shared/domain/calendar';
import { anslagDates, appealEnds, isFinal, latestPostingDate } from '../../../../shared/domain/meetings/anslag';

describe('Swedish holidays, computed for any year', () => {
  it('finds Easter and the days that hang on it', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(holidayOn('2026-04-03')?.name).toBe('långfredagen');
    expect(holidayOn('2026-04-06')?.name).toBe('annandag påsk');
    expect(holidayOn('2026-05-14')?.name).toBe('Kristi himmelsfärdsdag');
    expect(holidayOn('2026-05-24')?.name).toBe('pingstdagen');
  });

  it('has midsommar, alla helgons dag and the aftnar that count as helgdag for time limits', () => {
    expect(holidayOn('2026-06-19')?.name).toBe('midsommarafton');
    expect(holidayOn('2026-06-20')?.name).toBe('midsommardagen');
    expect(holidayOn('2026-10-31')?.name).toBe('alla helgons dag');
    expect(holidayOn('2027-11-06')?.name).toBe('alla helgons dag');
    expect(holidayOn('2026-12-24')?.name).toBe('julafton');
    expect(holidayOn('2026-12-31')?.name).toBe('nyårsafton');
    expect(holidayOn('2026-06-06')?.name).toBe('nationaldagen');
    expect(swedishHolidays(2026)).toHaveLength(16);
    expect(holidayOn('2026-12-23')).toBeNull();
  });

  it('weekends and holidays are not weekdays; a deadline moves to the next weekday', () => {
    expect(isNonWorkday('2026-12-05')).toBe(true);
    expect(isNonWorkday('2026-12-07')).toBe(false);
    expect(nonWorkdayReason('2026-12-06')).toBe('en söndag');
    expect(nonWorkdayReason('2026-12-24')).toBe('julafton');
    expect(nonWorkdayReason('2026-12-23')).toBeNull();
    expect(deadline('2026-12-24')).toBe('2026-12-28');
    expect(deadline('2026-04-03')).toBe('2026-04-07');
    expect(deadline('2026-12-23')).toBe('2026-12-23');
  });
});

describe('the appeal period (KL 13:5, lag 1930:173)', () => {
  it('ends three weeks after the anslag, moved to the next weekday past a weekend or holiday', () => {
    // Posted on a Saturday: three weeks later is a Saturday, then Sunday, then annandag påsk.
    expect(appealEnds('2026-03-14')).toBe('2026-04-07');
    // Three weeks after 2026-03-13 is långfredagen.
    expect(appealEnds('2026-03-13')).toBe('2026-04-07');
    // Three weeks after 2026-12-03 is julafton.
    expect(appealEnds('2026-12-03')).toBe('2026-12-28');
    expect(appealEnds('2026-03-19')).toBe('2026-04-09');
  });

  it('laga kraft only after the moved last day', () => {
    expect(isFinal('2026-03-14', '2026-04-06')).toBe(false);
    expect(isFinal('2026-03-14', '2026-04-07')).toBe(false);
    expect(isFinal('2026-03-14', '2026-04-08')).toBe(true);
  });

  it('the latest posting day moves past a holiday too, and nothing is assumed before the anslag is recorded', () => {
    expect(latestPostingDate('2026-12-22')).toBe('2026-12-28');
    const none = anslagDates('2026-03-18');
    expect(none).toMatchObject({ postedOn: null, appealEnds: null, finalFrom: null, latestPosting: '2026-03-20', postedLate: false });
    expect(anslagDates('2026-03-18', '2026-03-21')).toMatchObject({ postedOn: '2026-03-21', postedLate: true, appealEnds: '2026-04-13', finalFrom: '2026-04-14' });
  });
});
