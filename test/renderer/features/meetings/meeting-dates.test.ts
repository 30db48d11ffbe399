import { describe, expect, it } from 'vitest';
import { emptyState } from '../../../../shared/domain/events';
import { meetingDayWarning } from '../../../../shared/domain/meetings';
import { meetingDateWarning, newDraft } from '../../../../renderer/src/features/meetings/meeting-draft';

/** Issue #15 item 14: a new meeting never defaults to a weekend; past dates and weekends are pointed out. */
describe('meeting dates in the form', () => {
  it('defaults two weeks ahead, moved to the Monday when that is a weekend', () => {
    // 2026-12-06 is a Sunday: two weeks ahead is Sunday 2026-12-20.
    expect(newDraft(emptyState(), '2026-12-06', null).date).toBe('2026-12-21');
    // Saturday 2026-12-05 + 14 = Saturday 2026-12-19 → Monday 2026-12-21.
    expect(newDraft(emptyState(), '2026-12-05', null).date).toBe('2026-12-21');
    // A Thursday stays a Thursday.
    expect(newDraft(emptyState(), '2026-12-03', null).date).toBe('2026-12-17');
  });

  it('warns for a date that has passed (weekends and holidays: meetingDayWarning), not for a date ahead or an unreadable date', () => {
    expect(meetingDateWarning('2026-12-01', '2026-12-06')).toBe('2026-12-01 har redan varit. Kontrollera datumet.');
    expect(meetingDayWarning('2026-12-20')).toMatch(/^2026-12-20 är en söndag\./);
    expect(meetingDayWarning('2026-12-24')).toMatch(/^2026-12-24 är julafton\./);
    expect(meetingDateWarning('2026-12-17', '2026-12-06')).toBeNull();
    expect(meetingDayWarning('2026-12-17')).toBeNull();
    expect(meetingDateWarning('2026-02-30', '2026-01-01')).toBeNull();
    expect(meetingDateWarning('i morgon', '2026-12-06')).toBeNull();
  });
});
