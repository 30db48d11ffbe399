import { describe, expect, it } from 'vitest';
import { anslagOf, paragraphAnslagOf } from '../../../../../shared/domain/meetings/selectors';
import { ITEM, MEETING, P, board } from './fixtures';

/** A § justerad omedelbart is announced on its own (KL 8 kap 12 §): its own anslag, its own appeal end (KL 13 kap 5 §). */
describe('the anslag of a § justerad omedelbart', () => {
  /** § 6 justerad omedelbart on Tuesday 2026-03-10, the day of the meeting; the rest of the protokoll not yet justerat. */
  function urgent() {
    const s = board();
    s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons: [P.chair, P.fk, P.af, P.kom, P.secretary].map((a) => ({ personId: a.id, present: true })) });
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.adjusters, adjusters: [P.kom.id] });
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, urgent: true, decision: { outcome: 'reject', text: 'Styrelsen beslutar att avslå ansökan.' } });
    s.draft(1, 6);
    s.attest(P.chair, 1, 'chair', 6, MEETING, '2026-03-10T11:00:00.000Z');
    s.attest(P.kom, 1, 'adjuster', 6, MEETING, '2026-03-10T11:05:00.000Z');
    return s;
  }
  const reasons = (s: ReturnType<typeof urgent>) => s.state().refused.map((r) => r.reason);

  it('is recorded for the § alone, before the protokoll is justerat, with its own appeal end', () => {
    const s = urgent();
    expect(paragraphAnslagOf(s.state(), MEETING, 6)).toMatchObject({ justeredOn: '2026-03-10', postedOn: null, appealEnds: null, latestPosting: '2026-03-12' });
    s.add(P.secretary, 'anslag.posted', { meetingId: MEETING, postedOn: '2026-03-11', part: 6 }, { at: '2026-03-11T08:00:00.000Z' });
    const st = s.state();
    expect(reasons(s)).toEqual([]);
    // 2026-03-11 + three weeks = Wednesday 2026-04-01.
    expect(paragraphAnslagOf(st, MEETING, 6)).toMatchObject({ postedOn: '2026-03-11', appealEnds: '2026-04-01', finalFrom: '2026-04-02' });
    expect(anslagOf(st, MEETING)).toBeNull();
  });

  it('is refused for a § not justerad omedelbart, before its justering, and twice', () => {
    const s = urgent();
    s.add(P.secretary, 'anslag.posted', { meetingId: MEETING, postedOn: '2026-03-11', part: 7 }, { at: '2026-03-11T08:00:00.000Z' });
    s.add(P.secretary, 'anslag.posted', { meetingId: MEETING, postedOn: '2026-03-09', part: 6 }, { at: '2026-03-11T08:00:00.000Z' });
    s.add(P.secretary, 'anslag.posted', { meetingId: MEETING, postedOn: '2026-03-11', part: 6 }, { at: '2026-03-11T08:00:00.000Z' });
    s.add(P.secretary, 'anslag.posted', { meetingId: MEETING, postedOn: '2026-03-12', part: 6 }, { at: '2026-03-12T08:00:00.000Z' });
    expect(reasons(s)).toEqual([
      'Anslaget sattes upp: § 7 är inte justerad omedelbart; dess justering tillkännages med protokollet.',
      'Anslaget sattes upp: Anslaget kan inte ha satts upp 2026-03-09, före justeringen 2026-03-10.',
      'Anslaget sattes upp: Anslaget för § 6 är redan registrerat som uppsatt 2026-03-11.',
    ]);
  });
});
