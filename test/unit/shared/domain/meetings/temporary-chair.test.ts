import { describe, expect, it } from 'vitest';
import { buildProtokoll } from '../../../../../shared/domain/meetings/build-protokoll';
import { DIRECTOR } from '../../../../helpers/event-builder';
import { ITEM, MEETING, P, board, refusalReasons } from './fixtures';

/**
 * KL 6 kap 21 §: when neither the ordförande nor a vice ordförande takes part,
 * the board chooses another ledamot to preside for the time; until then the
 * one who has been ledamot longest (ålderspresident). That person has the
 * casting vote in the § and the protokoll says who presided.
 */
describe('a temporary chair', () => {
  /** The chair is away: Rut Ros serves for the region; no ordförande or vice ordförande in the room. */
  function chairAway() {
    const s = board();
    const here = [P.fk, P.af, P.kom, P.eReg, P.secretary, DIRECTOR].map((a) => ({ personId: a.id, present: true }));
    s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons: here });
    return s;
  }
  const tie = {
    proposition: 'Ja för bifall, nej för avslag.',
    votes: [
      { personId: P.fk.id, vote: 'ja' },
      { personId: P.af.id, vote: 'nej' },
      { personId: P.kom.id, vote: 'ja' },
      { personId: P.eReg.id, vote: 'nej' },
    ],
  };
  const decision = { outcome: 'reject', text: 'Styrelsen beslutar att avslå ansökan.' };
  const reasons = refusalReasons;

  it('decides a tie with the casting vote of the ledamot chosen to preside, and the protokoll says who presided', () => {
    const s = chairAway();
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision, vote: tie });
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision: { ...decision, outcome: 'grant', text: 'Styrelsen beslutar att bevilja ansökan.', amountKr: 2_130_000 }, vote: tie, presiding: { personId: P.fk.id, basis: 'chosen' } });
    expect(reasons(s)).toEqual(['Omröstningen slutade lika utan ordförandens utslagsröst; ordföranden måste rösta ja eller nej.']);
    const p = buildProtokoll(s.state(), MEETING, 1).paragraphs.find((x) => x.title.includes('Ungdomslots'))!;
    expect(p.vote).toMatchObject({ yes: 2, no: 2, castingVote: true });
    expect(p.vote?.result).toContain('med ordförandens utslagsröst');
    expect(p.presidingNote).toBe('Frida Fors var ordförande i paragrafen, vald av styrelsen för tillfället då varken ordföranden eller vice ordföranden deltog.');
  });

  it('is refused while the ordförande serves, and must be a serving ledamot', () => {
    const s = board();
    s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons: [P.chair, P.fk, P.af, P.kom, P.secretary].map((a) => ({ personId: a.id, present: true })) });
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision, presiding: { personId: P.fk.id, basis: 'longestServing' } });
    const t = chairAway();
    t.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision, presiding: { personId: P.eReg.id, basis: 'chosen' } });
    t.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision, presiding: { personId: P.secretary.id, basis: 'chosen' } });
    t.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision, presiding: { personId: P.af.id, basis: 'longestServing' } });
    expect(reasons(s)).toEqual(['Olle Ordförande (ordförande) tjänstgör i paragrafen; en tillfällig ordförande utses bara när varken ordföranden eller vice ordföranden deltar.']);
    expect(reasons(t)).toEqual([
      'Rut Ros är inte ledamot utan tjänstgörande ersättare; en tillfällig ordförande ska vara en ledamot som tjänstgör i paragrafen.',
      'Sara Sekreterare tjänstgör inte som ledamot i paragrafen och kan inte vara tillfällig ordförande.',
    ]);
    const p = buildProtokoll(t.state(), MEETING, 1).paragraphs.find((x) => x.title.includes('Ungdomslots'))!;
    expect(p.presidingNote).toBe('Anders Ahl var ordförande i paragrafen som ålderspresident (den som varit ledamot längst tid) då varken ordföranden eller vice ordföranden deltog.');
  });
});
