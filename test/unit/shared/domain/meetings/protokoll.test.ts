import { describe, expect, it } from 'vitest';
import { fold } from '../../../../../shared/domain/events/fold';
import { historyOf } from '../../../../../shared/domain/events/state';
import { buildProtokoll } from '../../../../../shared/domain/meetings/build-protokoll';
import { buildKallelse } from '../../../../../shared/domain/meetings/build-kallelse';
import { paragraphNumbers } from '../../../../../shared/domain/meetings/numbering';
import { protokollHash } from '../../../../../shared/domain/meetings/protokoll-document';
import {
  anslagOf,
  applicationOutcome,
  attestationStatus,
  budgetLedger,
  meetingStatus,
  reportedDelegationDecisionIds,
} from '../../../../../shared/domain/meetings/selectors';
import { LOCKED_REASON } from '../../../../../shared/domain/meetings/state';
import { DIRECTOR } from '../../../../helpers/event-builder';
import { APP_ID } from '../applications/fixtures';
import { AG, EVERYONE_PRESENT, ITEM, MEETING, MEETING2, P, agendaFor, board, heldMeeting } from './fixtures';

describe('the protokoll from draft to justerat', () => {
  it('draft → returned → corrected → new version → attested by chair and adjuster → locked → change refused', () => {
    const s = heldMeeting();
    expect(meetingStatus(s.state(), MEETING)).toBe('closed');
    s.draft(1);
    expect(s.state().refused).toEqual([]);
    expect(meetingStatus(s.state(), MEETING)).toBe('forAttestation');
    const doc1 = s.state().meetings[MEETING]!.drafts[0]!.document;
    expect(doc1.paragraphRange).toEqual({ from: 1, to: 11 });
    expect(doc1.signatories).toEqual({ chair: { personId: P.chair.id, name: 'Olle Ordförande' }, adjusters: [{ personId: P.kom.id, name: 'Lina Ledamot' }], secretary: { personId: P.secretary.id, name: 'Sara Sekreterare' } });
    expect(doc1.attendance.deciding.map((l) => [l.name, l.role, l.paragraphs])).toEqual([
      ['Olle Ordförande', 'ordförande', null],
      ['Anders Ahl', 'ledamot', null],
      ['Frida Fors', 'ledamot', null],
      ['Lina Ledamot', 'ledamot', null],
    ]);
    expect(doc1.attendance.substitutesNotServing.map((l) => l.name)).toEqual(['Kim Kvist']);
    expect(doc1.attendance.others.map((l) => [l.name, l.role])).toEqual([['Dana Direktör', 'förbundschef'], ['Sara Sekreterare', 'sekreterare']]);

    s.add(P.kom, 'protokoll.returned', { meetingId: MEETING, version: 1, comment: 'Beloppet ska vara per år.' });
    s.add(P.chair, 'protokoll.commented', { meetingId: MEETING, version: 1, comment: 'I övrigt bra.' });
    expect(meetingStatus(s.state(), MEETING)).toBe('returned');
    // A returned version cannot be attested.
    s.attest(P.chair, 1, 'chair');
    expect(s.state().refused.map((r) => r.reason)).toEqual(['Protokollet justerades: Version 1 har sänts tillbaka; justera en rättad version.']);

    s.add(P.secretary, 'minutes.item.recorded', {
      meetingId: MEETING,
      itemId: ITEM.decision,
      decision: { outcome: 'partialGrant', text: 'Styrelsen beslutar att bevilja Ungdomslots 1 000 000 kr.', amountKr: 1_000_000, period: { from: '2026-03-01', to: '2027-12-31' }, grantByYear: { '2026': 500_000, '2027': 500_000 } },
    });
    s.draft(2);
    s.attest(P.chair, 2, 'chair', 'whole', MEETING, '2026-03-17T10:00:00.000Z');
    expect(s.state().meetings[MEETING]!.locked).toBeNull();
    s.attest(P.kom, 2, 'adjuster', 'whole', MEETING, '2026-03-18T10:00:00.000Z');
    const st = s.state();
    expect(st.refused).toHaveLength(1);
    expect(st.meetings[MEETING]!.locked).toMatchObject({ version: 2, date: '2026-03-18' });
    expect(meetingStatus(st, MEETING)).toBe('attested');
    expect(attestationStatus(st, MEETING).signers.map((x) => [x.name, x.attested])).toEqual([['Olle Ordförande', true], ['Lina Ledamot', true]]);
    expect(anslagOf(st, MEETING)).toMatchObject({ justeredOn: '2026-03-18', latestPosting: '2026-03-20', postedOn: null, appealEnds: null });

    const before = JSON.stringify(st.meetings);
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision: { outcome: 'reject', text: 'Styrelsen beslutar att avslå.' } });
    s.add(DIRECTOR, 'meeting.updated', { id: MEETING, place: 'Annan plats' });
    s.draft(3);
    const after = s.state();
    expect(after.refused.slice(1).map((r) => r.reason)).toEqual([
      `Ärende protokollfördes: ${LOCKED_REASON}`,
      `Sammanträdet ändrades: ${LOCKED_REASON}`,
      `Protokollet skickades för justering: ${LOCKED_REASON}`,
    ]);
    expect(JSON.stringify(after.meetings)).toBe(before);
    expect(historyOf(after, MEETING).map((h) => h.label)).toContain('Protokollet justerades');
  });

  it('an attestation of an old version is shown as no longer valid after a new draft, and cannot be made any more', () => {
    const s = heldMeeting();
    s.draft(1);
    s.attest(P.chair, 1, 'chair');
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.information, notes: [{ personId: P.fk.id, text: 'Frida Fors vill se en tertialrapport.', permittedBy: 'chair' }] });
    s.draft(2);
    s.attest(P.kom, 1, 'adjuster');
    const st = s.state();
    expect(st.refused.map((r) => r.reason)).toEqual(['Protokollet justerades: Det finns en senare version än 1; justera den senaste versionen.']);
    const a = attestationStatus(st, MEETING);
    expect(a.version).toBe(2);
    expect(a.attestations).toEqual([expect.objectContaining({ personId: P.chair.id, version: 1, valid: false, why: expect.stringContaining('måste justeras på nytt') })]);
    expect(a.signers.every((x) => !x.attested)).toBe(true);
  });

  it('an urgent § is drafted alone, attested at the meeting and then that § alone is locked', () => {
    const s = board();
    s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons: [P.chair, P.fk, P.af, P.kom, P.secretary].map((a) => ({ personId: a.id, present: true })) });
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.adjusters, adjusters: [P.kom.id] });
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, urgent: true, decision: { outcome: 'reject', text: 'Styrelsen beslutar att avslå ansökan.' } });
    s.draft(1, 6);
    const doc = s.state().meetings[MEETING]!.drafts[0]!.document;
    expect(doc.paragraphs.map((p) => [p.number, p.urgent])).toEqual([[6, true]]);
    s.attest(P.chair, 1, 'chair', 6);
    s.attest(P.kom, 1, 'adjuster', 6);
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision: { outcome: 'grant', text: 'Styrelsen beslutar att bevilja.', amountKr: 2_130_000 } });
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.information, notes: [{ personId: P.fk.id, text: 'Fortsatt dialog.', permittedBy: 'chair' }] });
    const st = s.state();
    expect(st.meetings[MEETING]!.lockedParagraphs['6']).toMatchObject({ version: 1 });
    expect(st.meetings[MEETING]!.locked).toBeNull();
    expect(st.refused.map((r) => r.reason)).toEqual(['Ärende protokollfördes: § 6 är justerad omedelbart och kan inte ändras.']);
    expect(applicationOutcome(st, APP_ID).status).toBe('rejected');
  });

  it('buildProtokoll is deterministic: two folds of shuffled events give the same hash', () => {
    const s = heldMeeting();
    const a = fold(s.events);
    const shuffled = [...s.events].reverse();
    [shuffled[0], shuffled[3]] = [shuffled[3]!, shuffled[0]!];
    const b = fold(shuffled);
    expect(protokollHash(buildProtokoll(a, MEETING, 1))).toBe(protokollHash(buildProtokoll(b, MEETING, 1)));
    // and a document that differs from the state is refused
    const doc = buildProtokoll(a, MEETING, 1);
    s.add(P.secretary, 'protokoll.drafted', { meetingId: MEETING, version: 1, part: 'whole', document: { ...doc, storage: 'Någon annanstans' } });
    expect(s.state().refused.map((r) => r.reason)).toEqual([expect.stringContaining('Utkastet stämmer inte med protokollet')]);
  });

  it('application outcome and the budget ledger follow the justerat protokoll', () => {
    const s = heldMeeting();
    s.draft(1);
    expect(applicationOutcome(s.state(), APP_ID).status).toBe('decidedNotAttested');
    expect(budgetLedger(s.state()).map((y) => y.available)).toEqual([1_000_000, 1_000_000, 1_000_000]);
    s.attest(P.chair, 1, 'chair');
    s.attest(P.kom, 1, 'adjuster');
    const st = s.state();
    expect(applicationOutcome(st, APP_ID)).toMatchObject({ status: 'granted', amountKr: 2_130_000, period: { from: '2026-03-01', to: '2028-12-31' } });
    expect(budgetLedger(st).map((y) => [y.year, y.granted, y.available])).toEqual([
      ['2026', 710_000, 290_000],
      ['2027', 710_000, 290_000],
      ['2028', 710_000, 290_000],
    ]);
    expect(reportedDelegationDecisionIds(st)).toEqual([AG[6]!.delegationDecisionIds[0]]);
  });

  it('§ numbers run through the year across meetings and restart on 1 January', () => {
    const s = heldMeeting();
    s.draft(1);
    s.add(DIRECTOR, 'meeting.created', { id: MEETING2, date: '2026-05-12', startTime: '13:00', place: 'Kansliet', agenda: agendaFor(2, false) });
    const st = s.state();
    expect(Object.values(paragraphNumbers(st, st.meetings[MEETING2]!))).toEqual([12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
    s.add(DIRECTOR, 'meeting.updated', { id: MEETING2, date: '2027-01-20' });
    const st2 = s.state();
    expect(paragraphNumbers(st2, st2.meetings[MEETING2]!)[agendaFor(2, false)[0]!.id]).toBe(1);
    s.add(DIRECTOR, 'meeting.updated', { id: MEETING2, firstParagraph: 40 });
    const st3 = s.state();
    expect(paragraphNumbers(st3, st3.meetings[MEETING2]!)[agendaFor(2, false)[0]!.id]).toBe(40);
  });

  it('the kallelse lists the called in role order with the agenda', () => {
    const st = board().state();
    const k = buildKallelse(st, MEETING, '2026-03-03');
    expect(k.recipients[0]).toEqual({ name: 'Olle Ordförande', role: 'ordförande', organisation: 'Region Östergötland' });
    expect(k.recipients.filter((r) => r.organisation === 'Linköpings kommun').map((r) => r.role)).toEqual(['ledamot', 'ersättare (1)', 'ersättare (2)']);
    expect(k.items[5]).toMatchObject({ number: 6, title: 'Ansökan om medel: Ungdomslots', dnr: 'Dnr 2026/12' });
    expect(k.items[7]?.presenter).toBe('Dana Direktör, förbundschef');
    expect(k.sender).toMatchObject({ name: 'Sara Sekreterare', role: 'sekreterare' });
    // Issue #15 item 14: the form says the justering's time and place "står i kallelsen" – so they do.
    expect(k.meeting.justering).toEqual({ date: '2026-03-17', place: 'Förbundets kansli' });
  });
});

describe('a § with jäv, vote and reservation in the protokoll', () => {
  it('says who was jävig, who served instead, how they voted and who reserved', () => {
    // Reservations are made before the meeting closes.
    const s = board();
    s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons: EVERYONE_PRESENT });
    s.add(P.secretary, 'minutes.item.recorded', {
      meetingId: MEETING,
      itemId: ITEM.decision,
      decision: { outcome: 'reject', text: 'Styrelsen beslutar att avslå ansökan.' },
      jav: [{ personId: P.kom.id, ground: 'delicacy' }],
      motions: [{ id: '00000000-0000-4000-8000-0000000f0001', personId: P.fk.id, kind: 'approve' }],
      vote: { proposition: 'Ja för avslag, nej för bifall', votes: [P.chair, P.af, P.eKom1, P.fk].map((a, i) => ({ personId: a.id, vote: i < 3 ? 'ja' : 'nej' })) },
      reservations: [{ personId: P.fk.id, motionId: '00000000-0000-4000-8000-0000000f0001' }],
    });
    const st = s.state();
    expect(st.refused).toEqual([]);
    const doc = buildProtokoll(st, MEETING, 1);
    const p6 = doc.paragraphs.find((p) => p.number === 6)!;
    expect(p6.jav.map((j) => j.text)).toEqual(['Lina Ledamot anmäler jäv och deltar inte i handläggningen av ärendet. Kim Kvist tjänstgör i Lina Ledamots ställe.']);
    expect(p6.motions.map((m) => m.text)).toEqual(['Frida Fors yrkar bifall till förslaget.']);
    expect(p6.vote?.result).toBe('Styrelsen har med 3 ja-röster mot 1 nej-röst beslutat att avslå ansökan.');
    expect(p6.reservations.map((r) => r.text)).toEqual(['Frida Fors reserverar sig mot beslutet till förmån för eget yrkande.']);
    expect(p6.participants.map((x) => x.name)).toEqual(['Anders Ahl', 'Frida Fors', 'Kim Kvist', 'Olle Ordförande']);
    expect(doc.attendance.deciding.find((l) => l.name === 'Lina Ledamot')?.paragraphs).toBe('§ 1–5, 7–11');
    expect(doc.attendance.deciding.find((l) => l.name === 'Kim Kvist')).toMatchObject({ role: 'tjänstgörande ersättare för Lina Ledamot', paragraphs: '§ 6' });
    expect(doc.attendance.substitutesNotServing.find((l) => l.name === 'Kim Kvist')?.paragraphs).toBe('§ 1–5, 7–11');
  });
});
