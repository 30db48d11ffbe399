import { describe, expect, it } from 'vitest';
import { CATALOGUE, fold, plainReason, type FederationState } from '../../../../../shared/domain/events';
import { DIRECTOR } from '../../../../helpers/event-builder';
import { adopt, decision, record, setup } from '../delegations/fixtures';
import { MEETING, ITEM, P, board } from '../meetings/fixtures';

/**
 * Issue #15 item 17: a refusal as a person reads it never carries a double
 * prefix ("Delegationsbeslut registrerades: Delegationsbeslut registrerades: …")
 * nor starts with an event label at all where the screen already names the
 * change (plainReason). Checked over refusals of several areas.
 */
const LABELS = Object.values(CATALOGUE).map((d) => `${d.label}: `);

function refusalsOf(state: FederationState): { type: string; reason: string }[] {
  return state.refused.map((r) => ({ type: r.type, reason: r.reason }));
}

function scenarios(): { type: string; reason: string }[] {
  const m = board();
  m.add(P.fk, 'meeting.updated', { id: MEETING, place: 'Hemma' });
  m.add(P.kom, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision: { outcome: 'noted', text: 'Noteras.', amountKr: null } });
  m.add(P.fk, 'minutes.closed', { meetingId: MEETING, endTime: '11:00' });
  m.add(DIRECTOR, 'key.accepted', { fingerprint: 'f'.repeat(64) });
  m.add(P.fk, 'meeting.updated', { id: MEETING, distance: 'x', videoLink: 'http://möte.exempel.se/1' });
  const d = fold([...setup(), adopt(20), record(21, decision({ amountKr: 50_001 })), record(22, decision({ amountKr: null }))]);
  return [...refusalsOf(m.state()), ...refusalsOf(d)];
}

describe('refusal reasons as people read them', () => {
  it('carry their event label once in the log, and none once plainReason has taken it off', () => {
    const all = scenarios();
    expect(all.length).toBeGreaterThanOrEqual(6);
    for (const r of all) {
      const plain = plainReason(r.type, r.reason);
      expect(LABELS.find((l) => plain.startsWith(l)), r.reason).toBeUndefined();
      expect(LABELS.filter((l) => r.reason.includes(l)).length, r.reason).toBeLessThanOrEqual(1);
    }
  });
});
