import { describe, expect, it } from 'vitest';
import { paragraphContent } from '../../../../../../electron/services/meetings/protokoll/protokoll-content';
import { contentText } from '../../../../../../electron/services/meetings/protokoll/visible-text';
import { buildProtokoll } from '../../../../../../shared/domain/meetings/build-protokoll';
import { ProtokollDocumentSchema } from '../../../../../../shared/domain/meetings/protokoll-document';
import { DIRECTOR } from '../../../../../helpers/event-builder';
import { ITEM, MEETING, P, board } from '../../../../shared/domain/meetings/fixtures';

/** The PDF states who presided, the qualified majority and the permission of a protokollsanteckning, and `verify` reads them back. */
describe('the protokoll PDF content of #13', () => {
  it('shows the temporary chair, the qualified majority and the note’s permission, and the schema verify uses accepts them', () => {
    const s = board();
    s.add(DIRECTOR, 'federation.ordning.set', { qualifiedMajority: [{ matter: 'insatsGrant', numerator: 2, denominator: 3 }] });
    s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons: [P.fk, P.af, P.kom, P.eReg, P.secretary].map((a) => ({ personId: a.id, present: true })) });
    s.add(P.secretary, 'minutes.item.recorded', {
      meetingId: MEETING,
      itemId: ITEM.decision,
      decision: { outcome: 'grant', text: 'Styrelsen beslutar att bevilja ansökan.', amountKr: 2_130_000 },
      presiding: { personId: P.kom.id, basis: 'longestServing' },
      notes: [{ personId: P.af.id, text: 'Anders Ahl antecknar att uppföljningen ska redovisas.', permittedBy: 'board' }],
    });
    expect(s.state().refused).toEqual([]);
    const doc = buildProtokoll(s.state(), MEETING, 1);
    expect(ProtokollDocumentSchema.safeParse(JSON.parse(JSON.stringify(doc))).success).toBe(true);
    const p = doc.paragraphs.find((x) => x.title.includes('Ungdomslots'))!;
    const text = contentText(paragraphContent(doc, p, { variant: 'signed' } as Parameters<typeof paragraphContent>[2]));
    expect(text).toContain('Ordförande i paragrafen');
    expect(text).toContain('Lina Ledamot var ordförande i paragrafen som ålderspresident (den som varit ledamot längst tid) då varken ordföranden eller vice ordföranden deltog.');
    expect(text).toContain('Beslutet fattades med kvalificerad majoritet 2/3: 4 av 4.');
    expect(text).toContain('Styrelsen medgav protokollsanteckning. Anders Ahl antecknar att uppföljningen ska redovisas.');
  });

  it('states under Jäv who raised it and the board’s ruling', () => {
    const s = board();
    s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons: [P.chair, P.fk, P.af, P.kom, P.eKom1, P.secretary].map((a) => ({ personId: a.id, present: true })) });
    s.add(P.secretary, 'minutes.item.recorded', {
      meetingId: MEETING,
      itemId: ITEM.decision,
      decision: { outcome: 'reject', text: 'Styrelsen beslutar att avslå ansökan.' },
      jav: [{ personId: P.kom.id, ground: 'delicacy', raisedBy: P.fk.id, disputed: true }],
      javDismissed: [{ personId: P.af.id, raisedBy: P.fk.id }],
    });
    expect(s.state().refused).toEqual([]);
    const doc = buildProtokoll(s.state(), MEETING, 1);
    expect(ProtokollDocumentSchema.safeParse(JSON.parse(JSON.stringify(doc))).success).toBe(true);
    const p = doc.paragraphs.find((x) => x.title.includes('Ungdomslots'))!;
    const text = contentText(paragraphContent(doc, p, { variant: 'signed' } as Parameters<typeof paragraphContent>[2]));
    expect(text).toContain('Frågan om jäv för Lina Ledamot väcktes av Frida Fors. Lina Ledamot bestred jävet. Styrelsen beslutade, utan Lina Ledamots deltagande, att Lina Ledamot är jävig i ärendet.');
    expect(text).toContain('Frågan om jäv för Anders Ahl väcktes av Frida Fors. Styrelsen beslutade, utan Anders Ahls deltagande, att Anders Ahl inte är jävig i ärendet.');
    expect(text).toContain('Lina Ledamot anmäler jäv och deltar inte i handläggningen av ärendet. Kim Kvist tjänstgör i Lina Ledamots ställe.');
  });
});
