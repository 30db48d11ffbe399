import { describe, expect, it } from 'vitest';
import { historyOf } from '../../../../../shared/domain/events/state';
import { anslagOf } from '../../../../../shared/domain/meetings/selectors';
import { DIRECTOR } from '../../../../helpers/event-builder';
import { MEETING, P, heldMeeting } from './fixtures';

/** A justerat protokoll (justerat 2026-03-12, a Thursday). */
function justerat() {
  const s = heldMeeting();
  s.draft(1);
  s.attest(P.chair, 1, 'chair', 'whole', MEETING, '2026-03-12T09:00:00.000Z');
  s.attest(P.kom, 1, 'adjuster', 'whole', MEETING, '2026-03-12T10:00:00.000Z');
  return s;
}
const reasons = (s: ReturnType<typeof justerat>) => s.state().refused.map((r) => r.reason);

describe('anslag.posted: the anslag as a recorded fact (KL 8:12, 13:5)', () => {
  it('the secretary records the day posted; appeal end and laga kraft come from it, moved past the weekend', () => {
    const s = justerat();
    expect(anslagOf(s.state(), MEETING)).toMatchObject({ postedOn: null, appealEnds: null, finalFrom: null });
    // Posted on the Saturday two days after justering: three weeks later is a Saturday, so the window ends on Monday.
    s.add(P.secretary, 'anslag.posted', { meetingId: MEETING, postedOn: '2026-03-14' }, { at: '2026-03-14T08:00:00.000Z' });
    const st = s.state();
    expect(st.refused).toEqual([]);
    expect(anslagOf(st, MEETING)).toMatchObject({ postedOn: '2026-03-14', postedLate: false, appealEnds: '2026-04-07', finalFrom: '2026-04-08' });
    expect(st.meetings[MEETING]!.anslag).toMatchObject({ postedOn: '2026-03-14', by: P.secretary.id });
    expect(historyOf(st, MEETING).at(-1)?.label).toBe('Anslaget sattes upp');
  });

  it('is refused before justering, from a ledamot, before the justering date, in the future and twice', () => {
    const early = heldMeeting();
    early.add(DIRECTOR, 'anslag.posted', { meetingId: MEETING, postedOn: '2026-03-12' });
    expect(reasons(early)).toEqual(['Anslaget sattes upp: Protokollet är inte justerat; justeringen kan tillkännages först när protokollet är justerat.']);

    const s = justerat();
    const at = { at: '2026-03-16T08:00:00.000Z' };
    s.add(P.kom, 'anslag.posted', { meetingId: MEETING, postedOn: '2026-03-13' }, at);
    s.add(DIRECTOR, 'anslag.posted', { meetingId: MEETING, postedOn: '2026-03-11' }, at);
    s.add(DIRECTOR, 'anslag.posted', { meetingId: MEETING, postedOn: '2026-03-17' }, at);
    s.add(DIRECTOR, 'anslag.posted', { meetingId: MEETING, postedOn: '2026-03-16' }, at);
    s.add(P.secretary, 'anslag.posted', { meetingId: MEETING, postedOn: '2026-03-13' }, at);
    expect(reasons(s)).toEqual([
      'Anslaget sattes upp: Lina Ledamot är varken förbundschef eller sekreterare och får inte registrera anslaget.',
      'Anslaget sattes upp: Anslaget kan inte ha satts upp 2026-03-11, före justeringen 2026-03-12.',
      'Anslaget sattes upp: Datumet 2026-03-17 har inte inträffat än. Registrera anslaget när det har satts upp.',
      'Anslaget sattes upp: Anslaget är redan registrerat som uppsatt 2026-03-16.',
    ]);
    // The second day after justering is Saturday 14 March; the deadline moves to Monday 16th, so this posting is in time.
    expect(anslagOf(s.state(), MEETING)).toMatchObject({ postedOn: '2026-03-16', postedLate: false, latestPosting: '2026-03-16' });
  });
});
