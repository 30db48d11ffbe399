import { describe, expect, it } from 'vitest';
import { demoCalendar, endOfMonthAfter, firstOfNextMonth } from '../../../../../electron/services/demo/demo-calendar';
import { isNonWorkday } from '../../../../../shared/domain/calendar';

const days = (a: string, b: string): number => (Date.parse(b) - Date.parse(a)) / 86_400_000;
const weekday = (d: string): number => new Date(`${d}T12:00:00Z`).getUTCDay();

describe('the demo calendar', () => {
  it('puts the held meeting on a Tuesday 6–12 days back and the next on a Thursday 15–21 days ahead, whatever the day (holidays aside)', () => {
    for (let i = 0; i < 21; i++) {
      const cal = demoCalendar(new Date(Date.UTC(2026, 10, 1 + i, 10)));
      expect(weekday(cal.held), cal.today).toBe(2);
      expect(weekday(cal.next), cal.today).toBe(4);
      expect(days(cal.held, cal.today)).toBeGreaterThanOrEqual(6);
      expect(days(cal.held, cal.today)).toBeLessThanOrEqual(12);
      expect(days(cal.today, cal.next)).toBeGreaterThanOrEqual(15);
      expect(days(cal.today, cal.next)).toBeLessThanOrEqual(21);
    }
    for (let i = 0; i < 800; i++) {
      const cal = demoCalendar(new Date(Date.UTC(2026, 0, 1 + i, 10)));
      // Never exactly two weeks ahead: that is where the Sammanträden form puts a new meeting.
      expect(days(cal.today, cal.next), cal.today).not.toBe(14);
      expect(days(cal.today, cal.next), cal.today).toBeGreaterThanOrEqual(15);
    }
  });

  it('takes today as the date in Sweden and numbers §§ four a month through the year', () => {
    expect(demoCalendar(new Date('2026-11-30T23:30:00Z')).today).toBe('2026-12-01');
    expect(demoCalendar(new Date('2026-12-01T12:00:00Z')).firstParagraph).toBe(41); // held 2026-11-24
    expect(demoCalendar(new Date('2027-01-05T12:00:00Z'))).toMatchObject({ held: '2026-12-29', year: 2026, firstParagraph: 45 });
    expect(demoCalendar(new Date('2027-01-20T12:00:00Z'))).toMatchObject({ year: 2027, firstParagraph: 1 });
  });

  it('never plans a meeting on a weekend or holiday: julafton gives way to the next weekday', () => {
    // Played on 2026-12-06 the next Thursday 15–21 days ahead is julafton 2026-12-24.
    expect(demoCalendar(new Date('2026-12-06T10:00:00Z')).next).toBe('2026-12-28');
    // Played on 2026-01-14 the held Tuesday would be trettondedag jul 2026-01-06.
    expect(demoCalendar(new Date('2026-01-14T10:00:00Z')).held).toBe('2026-01-05');
    // Kristi himmelsfärdsdag is always a Thursday.
    expect(demoCalendar(new Date('2026-04-25T10:00:00Z')).next).toBe('2026-05-15');
    for (let i = 0; i < 800; i++) {
      const cal = demoCalendar(new Date(Date.UTC(2026, 0, 1 + i, 10)));
      expect(isNonWorkday(cal.held), cal.today).toBe(false);
      expect(isNonWorkday(cal.next), cal.today).toBe(false);
      expect(days(cal.held, cal.today), cal.today).toBeLessThanOrEqual(14);
    }
  });

  it('finds month boundaries across the new year', () => {
    expect(firstOfNextMonth('2026-11-24')).toBe('2026-12-01');
    expect(firstOfNextMonth('2026-12-29')).toBe('2027-01-01');
    expect(endOfMonthAfter('2026-12-01', 3)).toBe('2027-02-28');
    expect(endOfMonthAfter('2027-12-01', 1)).toBe('2027-12-31');
  });
});
