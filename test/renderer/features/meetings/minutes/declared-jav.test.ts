import { describe, expect, it } from 'vitest';
import { recordDraft } from '../../../../../renderer/src/features/meetings/minutes/minutes-view';
import { APP_ID } from '../../../../unit/shared/domain/applications/fixtures';
import { EVERYONE_PRESENT, ITEM, MEETING, P, board } from '../../../../unit/shared/domain/meetings/fixtures';

/** A jäv declared on the ansökan at home reaches the minutes: the § starts with it for those present. */
describe('the minutes start from the jäv declared before the meeting', () => {
  function withDeclaration(present: typeof EVERYONE_PRESENT) {
    const s = board();
    s.add(P.fk, 'jav.declared', { applicationId: APP_ID, ground: 'delicacy', text: 'Jag sitter i insatsens styrgrupp.' });
    s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons: present });
    const state = s.state();
    const m = state.meetings[MEETING]!;
    const item = m.agenda.find((i) => i.id === ITEM.decision)!;
    return recordDraft(state, m, item);
  }

  it('fills in the declaration of a member who is present', () => {
    expect(withDeclaration(EVERYONE_PRESENT).jav).toEqual([{ personId: P.fk.id, ground: 'delicacy', text: 'Jag sitter i insatsens styrgrupp.' }]);
  });

  it('leaves out a member who is absent', () => {
    const absent = EVERYONE_PRESENT.map((p) => (p.personId === P.fk.id ? { ...p, present: false } : p));
    expect(withDeclaration(absent).jav).toEqual([]);
  });
});
