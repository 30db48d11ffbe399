import { describe, expect, it } from 'vitest';
import { EVERYONE_PRESENT, ITEM, MEETING, P, board } from './fixtures';

/** A member who abstained took no stand against the decision and may not reserve (KL 4 kap 27 §, DOMAIN 1.7). */
describe('reservation after abstaining', () => {
  it('is refused with the reason; a member who voted nej may reserve', () => {
    const s = board();
    s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons: EVERYONE_PRESENT });
    const vote = { proposition: 'Ja för bifall, nej för avslag.', votes: [{ personId: P.chair.id, vote: 'ja' }, { personId: P.fk.id, vote: 'ja' }, { personId: P.af.id, vote: 'nej' }, { personId: P.kom.id, vote: 'avstar' }] };
    const decision = { outcome: 'reject', text: 'Styrelsen beslutar att avslå ansökan.' };
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision, vote, reservations: [{ personId: P.kom.id }] });
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision, vote, reservations: [{ personId: P.af.id }] });
    expect(s.state().refused.map((r) => r.reason)).toEqual(['Ärende protokollfördes: Lina Ledamot avstod från att rösta och kan därför inte reservera sig mot beslutet.']);
  });
});
