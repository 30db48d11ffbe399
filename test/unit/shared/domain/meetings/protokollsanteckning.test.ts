import { describe, expect, it } from 'vitest';
import { buildProtokoll } from '../../../../../shared/domain/meetings/build-protokoll';
import { ITEM, MEETING, P, meetingUnderWay, refusalReasons } from './fixtures';

/** DOMAIN.md 1.7 [S-44]: a protokollsanteckning has no statutory right behind it; the meeting (the chair or the board) allows it. */
describe('protokollsanteckning', () => {
  const decision = { outcome: 'reject', text: 'Styrelsen beslutar att avslå ansökan.' };
  const held = meetingUnderWay;
  const reasons = refusalReasons;

  it('is refused without the meeting’s permission, with the reason', () => {
    const s = held();
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision, notes: [{ personId: P.af.id, text: 'Anders Ahl vill att det antecknas att frågan bör utredas vidare.' }] });
    expect(reasons(s)).toEqual([
      'Anders Ahl får göra en protokollsanteckning bara om sammanträdet medger det; anteckna att ordföranden (eller styrelsen) medgav protokollsanteckningen.',
    ]);
  });

  it('is recorded with the permission, and the protokoll states it', () => {
    const s = held();
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision, notes: [{ personId: P.af.id, text: 'Anders Ahl vill att det antecknas att frågan bör utredas vidare.', permittedBy: 'chair' }] });
    expect(reasons(s)).toEqual([]);
    const p = buildProtokoll(s.state(), MEETING, 1).paragraphs.find((x) => x.title.includes('Ungdomslots'))!;
    expect(p.notes).toEqual([{ personId: P.af.id, name: 'Anders Ahl', text: 'Anders Ahl vill att det antecknas att frågan bör utredas vidare.', permission: 'Ordföranden medgav protokollsanteckning.' }]);
  });
});
