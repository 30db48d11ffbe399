import { describe, expect, it } from 'vitest';
import { fold } from '../../../../../shared/domain/events/fold';
import { LEDAMOT, baseSetup, ev } from '../../../../helpers/event-builder';
import { APP_ID, application } from '../applications/fixtures';
import { DIRECTOR, adopt, decision, setup } from '../delegations/fixtures';

/** Dates derived from an event's time are Swedish dates, not the UTC date of `at`. */
describe('the Swedish date of an event', () => {
  it('a delegationsbeslut taken on the day it is recorded, just after midnight in Sweden, is accepted', () => {
    // 2026-06-15T22:30Z is 00.30 on 2026-06-16 in Sweden (summer time).
    const e = ev(DIRECTOR, 'delegation.decision.recorded', decision({ date: '2026-06-16' }), 30, { at: '2026-06-15T22:30:00.000Z' });
    const s = fold([...setup(), adopt(20), e]);
    expect(s.refused.map((r) => r.reason)).toEqual([]);
  });
});

describe('board seat on the Swedish date of a note or stance', () => {
  it('a ledamot whose term ended 2026-12-31 may not share a note at 00.30 on 2027-01-01 Swedish time', () => {
    const { events } = baseSetup();
    const late = { at: '2026-12-31T23:30:00.000Z' };
    const s = fold([
      ...events,
      ev(DIRECTOR, 'application.registered', application(), 10),
      ev(LEDAMOT, 'note.shared', { applicationId: APP_ID, text: 'Sent på nyårsnatten.' }, 11, late),
      ev(LEDAMOT, 'stance.set', { applicationId: APP_ID, stance: 'support', comment: '' }, 12, late),
    ]);
    expect(s.refused.map((r) => r.reason)).toEqual([
      'Anteckning delades med förbundschefen: Lina Ledamot har inget styrelseuppdrag och får inte dela anteckningar om ansökningar.',
      expect.stringContaining('Lina Ledamot har inget styrelseuppdrag'),
    ]);
  });
});
