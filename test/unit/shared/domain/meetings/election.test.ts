import { describe, expect, it } from 'vitest';
import { buildProtokoll } from '../../../../../shared/domain/meetings/build-protokoll';
import { AGENDA_ITEM_KIND_LABEL } from '../../../../../shared/domain/meetings/model';
import { uuid } from '../../../../helpers/event-builder';
import { AG, EVERYONE_PRESENT, ITEM, MEETING, P, board, refusalReasons } from './fixtures';

/** Val as its own kind of §: open or closed vote, a tie decided by lottning (KL 5:53, 5:55, 6:24). */
const ELECTION = uuid(0xe1ec);
function withElection() {
  const s = board();
  const agenda = [...AG.slice(0, 5), { id: ELECTION, kind: 'election', title: 'Val av vice ordförande' }, ...AG.slice(5)];
  s.add(P.secretary, 'meeting.updated', { id: MEETING, agenda });
  s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons: EVERYONE_PRESENT });
  s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.adjusters, adjusters: [P.kom.id] });
  return s;
}
const decision = { outcome: 'elected', text: 'Styrelsen beslutar att välja Frida Fors till vice ordförande.' };
const reasons = refusalReasons;

describe('elections', () => {
  it('is its own kind of §, with closed vote recorded as a count and a tie decided by lottning', () => {
    expect(AGENDA_ITEM_KIND_LABEL.election).toBe('Val');
    const s = withElection();
    const vote = { proposition: 'Ja för Frida Fors, nej för Anders Ahl.', votes: [], closed: true, count: { ja: 2, nej: 2, avstar: 0 }, lot: 'ja' };
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ELECTION, decision, vote });
    expect(reasons(s)).toEqual([]);
    const p = buildProtokoll(s.state(), MEETING, 1).paragraphs.find((x) => x.title === 'Val av vice ordförande')!;
    expect(p.vote).toMatchObject({ votes: [], yes: 2, no: 2, castingVote: false, closed: true, byLot: true });
    expect(p.vote?.result).toBe(
      'Den slutna omröstningen slutade lika (2 ja-röster mot 2 nej-röster) och avgjordes genom lottning; lotten föll på ja. Styrelsen har därmed beslutat att välja Frida Fors till vice ordförande.',
    );
  });

  it('never uses the chair’s casting vote in an election; refuses closed votes elsewhere, names in a closed vote and lottning without a tie', () => {
    const s = withElection();
    const open = { proposition: 'Ja för Frida Fors, nej för Anders Ahl.', votes: [{ personId: P.chair.id, vote: 'ja' }, { personId: P.fk.id, vote: 'ja' }, { personId: P.af.id, vote: 'nej' }, { personId: P.kom.id, vote: 'nej' }] };
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ELECTION, decision, vote: open });
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision: { outcome: 'reject', text: 'Avslag.' }, vote: { proposition: 'Ja', votes: [], closed: true, count: { ja: 3, nej: 1, avstar: 0 } } });
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ELECTION, decision, vote: { ...open, closed: true, count: { ja: 2, nej: 2, avstar: 0 }, lot: 'ja' } });
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ELECTION, decision, vote: { proposition: 'Ja', votes: [], closed: true, count: { ja: 3, nej: 1, avstar: 0 }, lot: 'nej' } });
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ELECTION, decision, vote: { proposition: 'Ja', votes: [], closed: true, count: { ja: 3, nej: 3, avstar: 0 } } });
    expect(reasons(s)).toEqual([
      'Omröstningen slutade lika; vid val och sluten omröstning avgörs det genom lottning. Ange hur lotten föll.',
      'Sluten omröstning får bara användas vid val.',
      'Vid sluten omröstning antecknas bara antalet röster, inte hur var och en röstade.',
      'Lottning avgör bara lika röstetal vid val eller sluten omröstning.',
      'Den slutna omröstningen har fler röster än de 4 som tjänstgör.',
    ]);
    // An open election decided by lottning is recorded as such.
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ELECTION, decision, vote: { ...open, lot: 'nej' } });
    expect(reasons(s)).toHaveLength(5);
    const p = buildProtokoll(s.state(), MEETING, 1).paragraphs.find((x) => x.title === 'Val av vice ordförande')!;
    expect(p.vote?.votes).toHaveLength(4);
    expect(p.vote?.result).toContain('avgjordes genom lottning; lotten föll på nej');
  });
});
