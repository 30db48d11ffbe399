import { describe, expect, it } from 'vitest';
import { DIRECTOR } from '../../../../helpers/event-builder';
import { EVERYONE_PRESENT, ITEM, MEETING, P, board, heldMeeting, type Scenario } from './fixtures';

/** Each refusal: the Swedish reason, and the meetings exactly as before. */
function refused(s: Scenario, make: (s: Scenario) => void): string[] {
  const before = s.state();
  const n = before.refused.length;
  make(s);
  const after = s.state();
  expect(JSON.stringify(after.meetings)).toBe(JSON.stringify(before.meetings));
  return after.refused.slice(n).map((r) => r.reason);
}

/** The event is applied: no new refusal. */
function accepted(s: Scenario, make: (s: Scenario) => void): void {
  const n = s.state().refused.length;
  make(s);
  expect(s.state().refused.slice(n)).toEqual([]);
}

const record = (s: Scenario, payload: Record<string, unknown>, by = P.secretary) => s.add(by, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, ...payload });
const grant = (amountKr: number, extra: Record<string, unknown> = {}) => ({ decision: { outcome: 'grant', text: 'Styrelsen beslutar att bevilja ansökan.', amountKr, ...extra } });

function present(): Scenario {
  const s = board();
  s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons: EVERYONE_PRESENT });
  return s;
}

describe('refused meeting events', () => {
  it('only the secretary role plans meetings and keeps the minutes', () => {
    const s = present();
    expect(refused(s, (x) => record(x, grant(2_130_000), P.kom))).toEqual([
      'Ärende protokollfördes: Lina Ledamot är varken förbundschef, sekreterare eller styrelsens ordförande och får inte föra protokoll.',
    ]);
    expect(refused(s, (x) => x.add(P.fk, 'meeting.updated', { id: MEETING, place: 'Hemma' }))).toEqual([
      'Sammanträdet ändrades: Frida Fors är varken förbundschef, sekreterare eller styrelsens ordförande och får inte ändra sammanträden.',
    ]);
    // The chair of the board may.
    s.add(P.chair, 'meeting.updated', { id: MEETING, place: 'Stadshuset' });
    expect(s.state().meetings[MEETING]?.place).toBe('Stadshuset');
    expect(refused(s, (x) => x.add(P.secretary, 'absence.reported', { meetingId: MEETING }))).toEqual(['Förhinder anmäldes: Sara Sekreterare är inte kallad till sammanträdet.']);
  });

  it('votes only by beslutande, never by a jävig person; a tie needs the chair', () => {
    const s = present();
    const votes = (list: [string, string][]) => ({ vote: { proposition: 'Bifall mot avslag', votes: list.map(([personId, vote]) => ({ personId, vote })) } });
    expect(refused(s, (x) => record(x, { ...grant(2_130_000), ...votes([[P.eKom1.id, 'ja']]) }))).toEqual([
      'Ärende protokollfördes: Kim Kvist tjänstgör inte (är inte beslutande) i ärendet och får inte rösta.',
    ]);
    expect(refused(s, (x) => record(x, { ...grant(2_130_000), jav: [{ personId: P.kom.id, ground: 'delicacy' }], ...votes([[P.kom.id, 'ja']]) }))).toEqual([
      'Ärende protokollfördes: Lina Ledamot är jävig i ärendet och får inte rösta.',
    ]);
    expect(refused(s, (x) => record(x, { ...grant(2_130_000), ...votes([[P.fk.id, 'ja'], [P.af.id, 'nej']]) }))).toEqual([
      'Ärende protokollfördes: Omröstningen slutade lika utan ordförandens utslagsröst; ordföranden måste rösta ja eller nej.',
    ]);
    // With jäv, the ersättare serving for the jävig ledamot votes; a tie with the chair's vote is decided.
    accepted(s, (x) => record(x, { ...grant(2_130_000), jav: [{ personId: P.kom.id, ground: 'delicacy' }], ...votes([[P.chair.id, 'ja'], [P.eKom1.id, 'ja'], [P.fk.id, 'nej'], [P.af.id, 'nej']]) }));
  });

  it('reservations only by those who took part, and no new one after the meeting closed', () => {
    const s = present();
    expect(refused(s, (x) => record(x, { ...grant(2_130_000), reservations: [{ personId: P.eKom1.id }] }))).toEqual([
      'Ärende protokollfördes: Kim Kvist deltog inte i beslutet och kan inte reservera sig.',
    ]);
    expect(refused(s, (x) => record(x, { ...grant(2_130_000), jav: [{ personId: P.kom.id, ground: 'interest' }], reservations: [{ personId: P.kom.id }] }))).toEqual([
      'Ärende protokollfördes: Lina Ledamot är jävig i ärendet, deltog inte i beslutet och kan inte reservera sig.',
    ]);
    accepted(s, (x) => record(x, { ...grant(2_130_000), reservations: [{ personId: P.fk.id }] }));
    s.add(P.secretary, 'minutes.closed', { meetingId: MEETING, endTime: '11:00' });
    // Frida's reservation may get its written motivation after closing; Anders's new one may not.
    accepted(s, (x) => record(x, { ...grant(2_130_000), reservations: [{ personId: P.fk.id, text: 'Insatsen borde prövas som förstudie.' }] }));
    expect(refused(s, (x) => record(x, { ...grant(2_130_000), reservations: [{ personId: P.fk.id }, { personId: P.af.id }] }))).toEqual([
      'Ärende protokollfördes: En reservation måste anmälas innan mötet avslutas; mötet är redan avslutat.',
    ]);
  });

  it('the outcome must fit the item, and a grant lies between 0 and the amount sought', () => {
    const s = present();
    expect(refused(s, (x) => record(x, { decision: { outcome: 'noted', text: 'Noteras.' } }))).toEqual([
      'Ärende protokollfördes: Beslutet passar inte punktens slag (ett beslutsärende avgörs, det noteras inte).',
    ]);
    expect(refused(s, (x) => record(x, grant(-5)))).toEqual(['Ärende protokollfördes: Beviljat belopp får inte vara negativt.']);
    expect(refused(s, (x) => record(x, grant(3_000_000)))).toEqual(['Ärende protokollfördes: Beviljat belopp (3000000 kr) är större än det sökta (2130000 kr).']);
    expect(refused(s, (x) => record(x, grant(1_000_000, { grantByYear: { '2026': 400_000 } })))).toEqual([
      'Ärende protokollfördes: Beviljat belopp per år går inte ihop med det beviljade beloppet.',
    ]);
    expect(refused(s, (x) => x.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.information, decision: { outcome: 'reject', text: 'Avslås.' } }))).toEqual([
      'Ärende protokollfördes: Beslutet passar inte punktens slag (punkten kan bara noteras, godkännas eller bordläggas).',
    ]);
  });

  it('drafts and attestations: version order, the right signer, the right text', () => {
    const s = heldMeeting();
    expect(refused(s, (x) => x.draft(2))).toEqual(['Protokollet skickades för justering: Protokollet har redan version 0; ett nytt utkast måste ha version 1.']);
    s.draft(1);
    expect(refused(s, (x) => x.attest(P.fk, 1, 'chair'))).toEqual(['Protokollet justerades: Frida Fors är inte ordförande i version 1 och kan inte justera som ordförande.']);
    expect(refused(s, (x) => x.attest(P.af, 1, 'adjuster'))).toEqual(['Protokollet justerades: Anders Ahl är inte justerare i version 1.']);
    expect(refused(s, (x) => x.add(P.chair, 'protokoll.attested', { meetingId: MEETING, version: 1, sha256: 'a'.repeat(64), role: 'chair', part: 'whole' }))).toEqual([
      'Protokollet justerades: Justeringen gäller inte den text som skickades för justering (kontrollsumman stämmer inte).',
    ]);
    expect(refused(s, (x) => x.add(P.fk, 'protokoll.returned', { meetingId: MEETING, version: 1, comment: 'Fel.' }))).toEqual([
      'Protokollet sändes tillbaka: Frida Fors är varken ordförande eller justerare i version 1 och kan inte sända tillbaka protokollet.',
    ]);
  });

  it('a draft needs a closed meeting', () => {
    const s = present();
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.adjusters, adjusters: [P.kom.id] });
    expect(refused(s, (x) => x.draft(1))).toEqual(['Protokollet skickades för justering: Mötet är inte avslutat; avsluta mötet med sluttid innan protokollet skickas för justering.']);
    expect(refused(s, (x) => x.add(DIRECTOR, 'meeting.created', { id: MEETING, date: '2026-04-01', startTime: '09:00', place: 'X' }))).toEqual(['Sammanträde planerades: Det finns redan något med samma id.']);
  });
});
