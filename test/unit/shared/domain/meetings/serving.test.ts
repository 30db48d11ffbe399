import { describe, expect, it } from 'vitest';
import { anslagDates, appealEnds, isFinal, latestPostingDate } from '../../../../../shared/domain/meetings/anslag';
import { forecastServing, quorumByItem, servingByItem } from '../../../../../shared/domain/meetings/serving';
import { javSentence, reservationSentence, voteResult, voteResultSentence } from '../../../../../shared/domain/meetings/texts';
import { DIRECTOR } from '../../../../helpers/event-builder';
import { ITEM, MEETING, P, board } from './fixtures';

const deciding = (s: ReturnType<typeof servingByItem>[number] | undefined) => s?.deciding.map((d) => [d.personId, d.servesFor]);

describe('who serves (beslutande)', () => {
  it('forecast: förhinder calls in the first ersättare of the same organisation, in calling order', () => {
    const s = board();
    s.add(P.kom, 'absence.reported', { meetingId: MEETING, reason: 'Sjuk' });
    s.add(P.eKom1, 'absence.reported', { meetingId: MEETING });
    const st = s.state();
    expect(st.refused).toEqual([]);
    const first = forecastServing(st, st.meetings[MEETING]!)[0];
    // Kim (order 1) has förhinder too, so Karl (order 2) serves for Lina.
    expect(deciding(first)).toEqual([
      [P.chair.id, null],
      [P.af.id, null],
      [P.fk.id, null],
      [P.eKom2.id, P.kom.id],
    ]);
    expect(first?.substitutesNotServing).toEqual([P.eAf.id, P.eFk.id, P.eReg.id]);
    // Withdrawing Kim's förhinder brings Kim back first in line.
    s.add(P.eKom1, 'absence.withdrawn', { meetingId: MEETING });
    const again = forecastServing(s.state(), s.state().meetings[MEETING]!)[0];
    expect(again?.deciding.find((d) => d.servesFor === P.kom.id)?.personId).toBe(P.eKom1.id);
  });

  it('jäv in one item: the next ersättare serves that item only', () => {
    const s = board();
    s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons: [P.chair, P.fk, P.af, P.kom, P.eKom1, P.eKom2].map((a) => ({ personId: a.id, present: true })) });
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, jav: [{ personId: P.kom.id, ground: 'delicacy' }] });
    const st = s.state();
    expect(st.refused).toEqual([]);
    const all = servingByItem(st, st.meetings[MEETING]!);
    const at = (id: string) => all.find((x) => x.itemId === id);
    expect(at(ITEM.decision)?.deciding.find((d) => d.servesFor === P.kom.id)?.personId).toBe(P.eKom1.id);
    expect(at(ITEM.decision)?.jav).toEqual([P.kom.id]);
    expect(at(ITEM.previous)?.deciding.some((d) => d.personId === P.eKom1.id)).toBe(false);
    expect(at(ITEM.delegation)?.deciding.some((d) => d.personId === P.kom.id && d.servesFor === null)).toBe(true);
    // By name: Karl Kron before Kim Kvist.
    expect(at(ITEM.delegation)?.substitutesNotServing).toEqual([P.eKom2.id, P.eKom1.id]);
  });

  it('a ledamot arriving before an item takes the seat back from that item on; a departure calls the ersättare in', () => {
    const s = board();
    s.add(P.secretary, 'minutes.attendance.set', {
      meetingId: MEETING,
      persons: [
        { personId: P.chair.id, present: true },
        { personId: P.fk.id, present: true, leftAfterItem: ITEM.previous },
        { personId: P.eFk.id, present: true },
        { personId: P.af.id, present: true, distance: true },
        { personId: P.kom.id, present: true, arrivedBeforeItem: ITEM.decision },
        { personId: P.eKom1.id, present: true },
      ],
    });
    const st = s.state();
    const all = servingByItem(st, st.meetings[MEETING]!);
    const at = (id: string) => all.find((x) => x.itemId === id);
    expect(at(ITEM.previous)?.deciding.find((d) => d.servesFor === P.kom.id)?.personId).toBe(P.eKom1.id);
    expect(at(ITEM.decision)?.deciding.find((d) => d.personId === P.kom.id)?.servesFor).toBeNull();
    expect(at(ITEM.decision)?.deciding.some((d) => d.personId === P.eKom1.id)).toBe(false);
    expect(at(ITEM.previous)?.deciding.some((d) => d.personId === P.eFk.id)).toBe(false);
    expect(at(ITEM.decision)?.deciding.find((d) => d.personId === P.eFk.id)?.servesFor).toBe(P.fk.id);
    expect(at(ITEM.decision)?.distance).toEqual([P.af.id]);
  });

  it('quorum: a warning per item when half or fewer of the seats are beslutande', () => {
    const s = board();
    s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons: [P.chair, P.fk, P.secretary, DIRECTOR].map((a) => ({ personId: a.id, present: true })) });
    const st = s.state();
    const q = quorumByItem(st, st.meetings[MEETING]!);
    expect(q[0]).toMatchObject({ deciding: 2, seats: 4, quorate: false });
    expect(q[0]?.message).toBe('Styrelsen är inte beslutför i punkt 1: 2 av 4 ledamöter tjänstgör, och mer än hälften (3) krävs.');
    s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons: [P.chair, P.fk, P.eKom1].map((a) => ({ personId: a.id, present: true })) });
    const st2 = s.state();
    expect(quorumByItem(st2, st2.meetings[MEETING]!)[0]).toMatchObject({ deciding: 3, quorate: true, message: null });
  });
});

describe('vote and standard sentences', () => {
  it('majority, and a tie decided by the chair (utslagsröst)', () => {
    const v = (ja: number, nej: number, avstar = 0, chairVote: 'ja' | 'nej' | null = null) => [
      ...(chairVote ? [{ personId: 'chair', vote: chairVote }] : []),
      ...Array.from({ length: ja - (chairVote === 'ja' ? 1 : 0) }, (_, i) => ({ personId: `j${i}`, vote: 'ja' as const })),
      ...Array.from({ length: nej - (chairVote === 'nej' ? 1 : 0) }, (_, i) => ({ personId: `n${i}`, vote: 'nej' as const })),
      ...Array.from({ length: avstar }, (_, i) => ({ personId: `a${i}`, vote: 'avstar' as const })),
    ];
    const r = voteResult(v(5, 3), 'chair');
    expect(r).toEqual({ yes: 5, no: 3, abstain: 0, winner: 'ja', castingVote: false });
    expect(voteResultSentence(r, 'Styrelsen beslutar att bevilja ansökan.')).toBe('Styrelsen har med 5 ja-röster mot 3 nej-röster beslutat att bevilja ansökan.');
    const tie = voteResult(v(2, 2, 1, 'nej'), 'chair');
    expect(tie).toEqual({ yes: 2, no: 2, abstain: 1, winner: 'nej', castingVote: true });
    expect(voteResultSentence(tie, 'Styrelsen beslutar att avslå ansökan.')).toBe(
      'Styrelsen har med ordförandens utslagsröst (2 nej-röster mot 2 ja-röster) beslutat att avslå ansökan. 1 ledamot avstod från att rösta.',
    );
    expect(voteResult(v(2, 2), 'chair').winner).toBeNull();
  });

  it('jäv and reservation sentences use names, never pronouns', () => {
    expect(javSentence('Lina Ledamot', 'Kim Kvist')).toBe('Lina Ledamot anmäler jäv och deltar inte i handläggningen av ärendet. Kim Kvist tjänstgör i Lina Ledamots ställe.');
    expect(javSentence('Lars Nils', null)).toBe('Lars Nils anmäler jäv och deltar inte i handläggningen av ärendet.');
    expect(reservationSentence('Frida Fors', 'Frida Fors', true, '')).toBe('Frida Fors reserverar sig mot beslutet till förmån för eget yrkande.');
  });
});

describe('anslag', () => {
  it('posting at the latest two days after justering, appeal 21 days after posting, then laga kraft', () => {
    expect(latestPostingDate('2026-03-17')).toBe('2026-03-19');
    expect(appealEnds('2026-03-19')).toBe('2026-04-09');
    expect(isFinal('2026-03-19', '2026-04-09')).toBe(false);
    expect(isFinal('2026-03-19', '2026-04-10')).toBe(true);
    // The second day after 2026-12-30 is nyårsdagen: the posting deadline moves to the next weekday (lag 1930:173).
    expect(anslagDates('2026-12-30', '2027-01-04')).toEqual({
      justeredOn: '2026-12-30',
      postedOn: '2027-01-04',
      latestPosting: '2027-01-04',
      postedLate: false,
      appealEnds: '2027-01-25',
      finalFrom: '2027-01-26',
    });
    expect(latestPostingDate('2026-03-17', 3)).toBe('2026-03-20');
  });
});
