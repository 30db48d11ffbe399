import { describe, expect, it } from 'vitest';
import { boardSeats } from '../../../../../shared/domain/meetings/serving';
import { buildProtokoll } from '../../../../../shared/domain/meetings/build-protokoll';
import { ordningOf, seatsUnsetWarning } from '../../../../../shared/domain/forbund/ordning';
import { DIRECTOR } from '../../../../helpers/event-builder';
import { EVERYONE_PRESENT, ITEM, MEETING, P, board } from './fixtures';

/** KL 6 kap 27 §: quorum is more than half of the seats as the förbundsordning fixes them, not of the seats filled today. */
describe('the förbundsordning’s number of seats', () => {
  const decision = { outcome: 'reject', text: 'Styrelsen beslutar att avslå ansökan.' };
  const reasons = (s: ReturnType<typeof board>) => s.state().refused.map((r) => r.reason);

  it('makes a § with all four registered ledamöter not quorate when the förbundsordning fixes nine seats', () => {
    const s = board();
    s.add(DIRECTOR, 'federation.ordning.set', { seats: 9, ordningReference: 'Förbundsordningen 7 §' });
    s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons: EVERYONE_PRESENT });
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision });
    expect(reasons(s)).toEqual([
      'Ärende protokollfördes: Styrelsen är inte beslutför i punkten: 4 av 9 ledamöter (enligt förbundsordningen) tjänstgör, och mer än hälften (5) krävs. Bordlägg ärendet, eller anteckna att sammanträdet fortsatte ändå och skälet till det.',
    ]);
    expect(boardSeats(s.state(), '2026-03-10')).toEqual({ seats: 9, fixed: true, registered: 4 });
    expect(ordningOf(s.state())).toMatchObject({ seats: 9, ordningReference: 'Förbundsordningen 7 §' });
  });

  it('counts the registered ledamöter while unset, and the protokoll states the fixed number when the meeting continued anyway', () => {
    const s = board();
    expect(boardSeats(s.state(), '2026-03-10')).toEqual({ seats: 4, fixed: false, registered: 4 });
    expect(seatsUnsetWarning(4)).toContain('Förbundsordningens antal ledamöter är inte angivet');
    s.add(DIRECTOR, 'federation.ordning.set', { seats: 9 });
    s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons: EVERYONE_PRESENT });
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision, quorumContinued: { reason: 'Ärendet kunde inte vänta.' } });
    expect(reasons(s)).toEqual([]);
    const p = buildProtokoll(s.state(), MEETING, 1).paragraphs.find((x) => x.title.includes('Ungdomslots'))!;
    expect(p.quorumNote).toBe('Styrelsen var inte beslutför i paragrafen (4 av 9 ledamöter enligt förbundsordningen tjänstgjorde). Sammanträdet fortsatte ändå: Ärendet kunde inte vänta.');
  });

  it('is set by the förbundschef only, with fractions above one half, and unset again with null', () => {
    const s = board();
    s.add(P.secretary, 'federation.ordning.set', { seats: 9 });
    s.add(DIRECTOR, 'federation.ordning.set', { qualifiedMajority: [{ matter: 'budget', numerator: 1, denominator: 2 }] });
    s.add(DIRECTOR, 'federation.ordning.set', { seats: 0 });
    s.add(DIRECTOR, 'federation.ordning.set', { seats: 9 });
    s.add(DIRECTOR, 'federation.ordning.set', { seats: null });
    expect(reasons(s)).toEqual([
      'Förbundsordningens regler angavs: Sara Sekreterare är inte förbundschef och får inte ange förbundsordningens regler.',
      'Förbundsordningens regler angavs: Kvalificerad majoritet för budget måste vara mer än hälften och högst allt (angivet: 1/2).',
      'Händelsens innehåll är ogiltigt: seats.',
    ]);
    expect(boardSeats(s.state(), '2026-03-10')).toEqual({ seats: 4, fixed: false, registered: 4 });
  });
});
