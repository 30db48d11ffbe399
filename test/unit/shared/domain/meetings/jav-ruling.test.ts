import { describe, expect, it } from 'vitest';
import { buildProtokoll } from '../../../../../shared/domain/meetings/build-protokoll';
import { servingForItem } from '../../../../../shared/domain/meetings/serving';
import { ITEM, MEETING, P, meetingUnderWay, refusalReasons, type Scenario } from './fixtures';

/**
 * KL 6 kap 28–32 §§, DOMAIN.md 1.6: others may raise a jäv; when it is
 * disputed the board decides it, without the person concerned; the protokoll
 * states who raised it and the ruling.
 */
describe('jäv raised by another and the board’s ruling', () => {
  const decision = { outcome: 'reject', text: 'Styrelsen beslutar att avslå ansökan.' };
  const held = meetingUnderWay;
  const reasons = refusalReasons;
  const paragraph = (s: Scenario) => buildProtokoll(s.state(), MEETING, 1).paragraphs.find((x) => x.title.includes('Ungdomslots'))!;

  it('states who raised a jäv the board ruled on over the person’s objection', () => {
    const s = held();
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision, jav: [{ personId: P.kom.id, ground: 'delicacy', raisedBy: P.fk.id, disputed: true }] });
    expect(reasons(s)).toEqual([]);
    expect(paragraph(s).javRulings).toEqual([
      'Frågan om jäv för Lina Ledamot väcktes av Frida Fors. Lina Ledamot bestred jävet. Styrelsen beslutade, utan Lina Ledamots deltagande, att Lina Ledamot är jävig i ärendet.',
    ]);
    const st = s.state();
    expect(servingForItem(st, st.meetings[MEETING]!, ITEM.decision)?.jav).toEqual([P.kom.id]);
  });

  it('records a jäv the board found not to exist: the person takes part in the matter', () => {
    const s = held();
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision, javDismissed: [{ personId: P.kom.id, raisedBy: P.fk.id }] });
    expect(reasons(s)).toEqual([]);
    expect(paragraph(s).javRulings).toEqual([
      'Frågan om jäv för Lina Ledamot väcktes av Frida Fors. Styrelsen beslutade, utan Lina Ledamots deltagande, att Lina Ledamot inte är jävig i ärendet.',
    ]);
    expect(paragraph(s).participants.map((x) => x.name)).toContain('Lina Ledamot');
  });

  it('refuses a ruling that makes no sense, with the reason', () => {
    const s = held();
    const rec = (fields: Record<string, unknown>) => s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision, ...fields });
    rec({ jav: [{ personId: P.kom.id, ground: 'delicacy', disputed: true }] });
    rec({ jav: [{ personId: P.kom.id, ground: 'delicacy', raisedBy: P.kom.id }] });
    rec({ jav: [{ personId: P.kom.id, ground: 'delicacy' }], javDismissed: [{ personId: P.kom.id, raisedBy: P.fk.id }] });
    rec({ javDismissed: [{ personId: P.eAf.id, raisedBy: P.fk.id }] });
    expect(reasons(s)).toEqual([
      'Lina Ledamot anmälde själv jäv; bara en jävsfråga som någon annan väckt kan vara bestridd. Ange vem som väckte frågan.',
      'Lina Ledamot kan inte ha väckt frågan om sitt eget jäv; en egen anmälan anges utan ”väckt av”.',
      'Lina Ledamot står både som jävig och som inte jävig i ärendet.',
      'Axel Alm är inte närvarande i punkten; styrelsen prövar jäv bara för den som är med.',
    ]);
  });
});
