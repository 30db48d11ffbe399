import { describe, expect, it } from 'vitest';
import { fold } from '../../../../../shared/domain/events/fold';
import { DIRECTOR, LEDAMOT, baseSetup, ev, uuid } from '../../../../helpers/event-builder';
import { APP_ID, application } from './fixtures';

/** A member who declared jäv takes no part in the preparation either (KL 6 kap 25 §, 27 §): no questions, no shared notes, no stance. */
describe('jäv in the preparation of an ansökan', () => {
  it('refuses a question and a shared note from a member who declared jäv on it; others on other ansökningar are unaffected', () => {
    const { events } = baseSetup();
    const s = fold([
      ...events,
      ev(DIRECTOR, 'application.registered', application(), 10),
      ev(LEDAMOT, 'jav.declared', { applicationId: APP_ID, ground: 'interest', text: 'Min make leder insatsen.' }, 11),
      ev(LEDAMOT, 'question.asked', { id: uuid(0x7001), applicationId: APP_ID, text: 'Hur många deltagare?' }, 12),
      ev(LEDAMOT, 'note.shared', { applicationId: APP_ID, text: 'Bra ansökan.' }, 13),
      ev(LEDAMOT, 'stance.set', { applicationId: APP_ID, stance: 'support' }, 14),
    ]);
    expect(s.refused.map((r) => r.reason)).toEqual([
      'Fråga till förbundschefen ställdes: Lina Ledamot har anmält jäv i ärendet och deltar inte i beredningen; frågor om ansökan kan inte ställas.',
      'Anteckning delades med förbundschefen: Lina Ledamot har anmält jäv i ärendet och deltar inte i beredningen; anteckningar om ansökan kan inte delas.',
      expect.stringContaining('har anmält jäv i ärendet'),
    ]);
  });
});
