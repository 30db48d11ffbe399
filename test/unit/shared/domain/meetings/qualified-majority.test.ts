import { describe, expect, it } from 'vitest';
import { buildProtokoll } from '../../../../../shared/domain/meetings/build-protokoll';
import { DIRECTOR } from '../../../../helpers/event-builder';
import { EVERYONE_PRESENT, ITEM, MEETING, P, board, refusalReasons } from './fixtures';

/** Qualified majority for the matters the förbundsordning names: the result computed and stated; a decision not reaching it is refused. */
describe('qualified majority', () => {
  const grant = { outcome: 'grant', text: 'Styrelsen beslutar att bevilja ansökan.', amountKr: 2_130_000 };
  const vote = (ja: number) => ({
    proposition: 'Ja för bifall, nej för avslag.',
    votes: [P.chair, P.fk, P.af, P.kom].map((a, i) => ({ personId: a.id, vote: i < ja ? 'ja' : 'nej' })),
  });
  function twoThirds() {
    const s = board();
    s.add(DIRECTOR, 'federation.ordning.set', { qualifiedMajority: [{ matter: 'insatsGrant', numerator: 2, denominator: 3 }] });
    s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons: EVERYONE_PRESENT });
    return s;
  }
  const reasons = refusalReasons;
  const paragraph = (s: ReturnType<typeof board>) => buildProtokoll(s.state(), MEETING, 1).paragraphs.find((x) => x.title.includes('Ungdomslots'))!;

  it('states the result when the decision reaches the fraction of the beslutande', () => {
    const s = twoThirds();
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision: grant, vote: vote(3) });
    expect(reasons(s)).toEqual([]);
    expect(paragraph(s).qualifiedNote).toBe('Beslutet fattades med kvalificerad majoritet 2/3: 3 av 4.');
  });

  it('refuses a grant that has a simple majority (here with the casting vote) but not the qualified one; an avslag needs none', () => {
    const s = twoThirds();
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision: grant, vote: vote(2) });
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision: { outcome: 'reject', text: 'Styrelsen beslutar att avslå ansökan.' }, vote: vote(2) });
    expect(reasons(s)).toEqual([
      'Beslutet kräver kvalificerad majoritet 2/3 enligt förbundsordningen (beviljande av medel till insatser): 2 av 4 beslutande stödde det, minst 3 krävs. Beslutet har fallit; anteckna avslag eller bordläggning.',
    ]);
    expect(paragraph(s).qualifiedNote).toBeUndefined();
  });

  it('counts a decision without a vote as supported by every beslutande who did not reserve', () => {
    const s = twoThirds();
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision: grant, reservations: [{ personId: P.af.id }, { personId: P.kom.id }] });
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision: grant, reservations: [{ personId: P.af.id }] });
    expect(reasons(s)).toEqual([
      'Beslutet kräver kvalificerad majoritet 2/3 enligt förbundsordningen (beviljande av medel till insatser): 2 av 4 beslutande stödde det, minst 3 krävs. Beslutet har fallit; anteckna avslag eller bordläggning.',
    ]);
    expect(paragraph(s).qualifiedNote).toBe('Beslutet fattades med kvalificerad majoritet 2/3: 3 av 4.');
  });

  it('applies to an item marked with a matter kind the förbundsordning names', () => {
    const s = board();
    s.add(DIRECTOR, 'federation.ordning.set', { qualifiedMajority: [{ matter: 'budget', numerator: 3, denominator: 4 }] });
    const agenda = s.state().meetings[MEETING]!.agenda.map((i) => (i.id === ITEM.information ? { ...i, kind: 'decision', title: 'Budget 2027', matter: 'budget' } : i));
    s.add(P.secretary, 'meeting.updated', { id: MEETING, agenda });
    s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons: EVERYONE_PRESENT });
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.information, decision: { outcome: 'grant', text: 'Styrelsen beslutar att fastställa budgeten.' }, vote: vote(3) });
    expect(reasons(s)).toEqual([]);
    expect(buildProtokoll(s.state(), MEETING, 1).paragraphs.find((x) => x.title === 'Budget 2027')?.qualifiedNote).toBe('Beslutet fattades med kvalificerad majoritet 3/4: 3 av 4.');
  });
});
