import { describe, expect, it } from 'vitest';
import { filterByOutcomeAndMeeting, meetingsWithApplications } from '../../../../renderer/src/features/applications/application-rows';
import { APP_ID } from '../../../unit/shared/domain/applications/fixtures';
import { MEETING, P, heldMeeting } from '../../../unit/shared/domain/meetings/fixtures';

/** The Ansökningar list's status and meeting filters, on a meeting that decides the ansökan. */
describe('filtering ansökningar by outcome and by meeting', () => {
  const OTHER = '00000000-0000-4000-8000-00000000dead';

  it('finds the ansökan by its meeting, and by its outcome only once the protokoll is justerat', () => {
    const s = heldMeeting();
    s.draft(1);
    const before = s.state();
    expect(meetingsWithApplications(before).map((m) => m.id)).toEqual([MEETING]);
    expect(filterByOutcomeAndMeeting(before, [APP_ID, OTHER], { status: null, meetingId: MEETING })).toEqual([APP_ID]);
    expect(filterByOutcomeAndMeeting(before, [APP_ID], { status: 'decidedNotAttested', meetingId: null })).toEqual([APP_ID]);
    expect(filterByOutcomeAndMeeting(before, [APP_ID], { status: 'granted', meetingId: null })).toEqual([]);

    s.attest(P.chair, 1, 'chair');
    s.attest(P.kom, 1, 'adjuster');
    const after = s.state();
    const outcome = filterByOutcomeAndMeeting(after, [APP_ID], { status: 'granted', meetingId: MEETING });
    const rejected = filterByOutcomeAndMeeting(after, [APP_ID], { status: 'rejected', meetingId: null });
    // The held meeting's fixture grants the ansökan: it is found as beviljad, not as avslagen.
    expect(outcome).toEqual([APP_ID]);
    expect(rejected).toEqual([]);
    expect(filterByOutcomeAndMeeting(after, [APP_ID, OTHER], { status: null, meetingId: null })).toEqual([APP_ID, OTHER]);
  });
});
