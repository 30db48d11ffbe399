import { describe, expect, it } from 'vitest';
import { buildProtokoll } from '../../../../../shared/domain/meetings/build-protokoll';
import { ITEM, MEETING, P, board } from './fixtures';

/** KL 6 kap 27 §: the board may act only when more than half of the ledamöter serve. */
describe('quorum', () => {
  function thin() {
    const s = board();
    // Two of four ledamöter and no ersättare: not quorate.
    s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons: [P.chair, P.kom, P.secretary].map((a) => ({ personId: a.id, present: true })) });
    return s;
  }
  const decision = { outcome: 'reject', text: 'Styrelsen beslutar att avslå ansökan.' };

  it('refuses a decision in a § that is not quorate; tabling is still possible', () => {
    const s = thin();
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision });
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision: { outcome: 'table', text: 'Styrelsen beslutar att bordlägga ärendet.' } });
    expect(s.state().refused.map((r) => r.reason)).toEqual([
      'Ärende protokollfördes: Styrelsen är inte beslutför i punkten: 2 av 4 ledamöter tjänstgör, och mer än hälften (3) krävs. Bordlägg ärendet, eller anteckna att sammanträdet fortsatte ändå och skälet till det.',
    ]);
  });

  it('accepts it when the secretary records that the meeting continued anyway, and the protokoll states the reason', () => {
    const s = thin();
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision, quorumContinued: { reason: 'Ärendet kunde inte vänta till nästa sammanträde.' } });
    expect(s.state().refused).toEqual([]);
    const p = buildProtokoll(s.state(), MEETING, 1).paragraphs.find((x) => x.title.includes('Ungdomslots'))!;
    expect(p.quorumNote).toBe('Styrelsen var inte beslutför i paragrafen (2 av 4 ledamöter tjänstgjorde). Sammanträdet fortsatte ändå: Ärendet kunde inte vänta till nästa sammanträde.');
  });
});
