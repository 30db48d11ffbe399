import { describe, expect, it } from 'vitest';
import { fold } from '../../../../../shared/domain/events/fold';
import { leftToReview, readKey } from '../../../../../renderer/src/features/applications/application-rows';
import { OTHER_ORGANISATION, describeTie, emptyTieDraft, fromTieDraft, hasTieErrors, tieErrors } from '../../../../../renderer/src/features/overview/ties';
import { DIRECTOR, LEDAMOT, ORG, baseSetup, ev, uuid } from '../../../../helpers/event-builder';
import { APP_ID, application } from './fixtures';

const APP_B = uuid(0xa02);
const APP_C = uuid(0xa03);

function threeApplications(extra: ReturnType<typeof ev>[] = []) {
  const { events } = baseSetup();
  return fold([
    ...events,
    ev(DIRECTOR, 'application.registered', application({ receivedOn: '2026-01-10' }), 10),
    ev(DIRECTOR, 'application.registered', application({ id: APP_B, name: 'Bryggan', registrationNumber: 'Dnr 2026/2', receivedOn: '2026-01-05' }), 11),
    ev(DIRECTOR, 'application.registered', application({ id: APP_C, name: 'Cirkeln', registrationNumber: 'Dnr 2026/3', receivedOn: '2026-01-20' }), 12),
    ...extra,
  ]);
}

describe('Kvar att granska', () => {
  it('lists the ansökningar not marked read or without a stance, oldest first; jäv is set apart', () => {
    const s = threeApplications([
      ev(LEDAMOT, 'stance.set', { applicationId: APP_ID, stance: 'support' }, 13),
      ev(LEDAMOT, 'jav.declared', { applicationId: APP_C, ground: 'delicacy', text: 'Min arbetsgivare söker.' }, 14),
    ]);
    const left = leftToReview(s, LEDAMOT.id, new Set([readKey(APP_B, 1)]));
    expect(left.total).toBe(3);
    expect(left.todo.map((t) => [t.name, t.gaps])).toEqual([
      ['Bryggan', ['noStance']],
      ['Ungdomslots', ['unread']],
    ]);
    expect(left.jav.map((t) => t.applicationId)).toEqual([APP_C]);

    // Read and taken a stance: done.
    const done = leftToReview(s, LEDAMOT.id, new Set([readKey(APP_ID, 1), readKey(APP_B, 1)]));
    expect(done.todo.map((t) => t.applicationId)).toEqual([APP_B]);
  });

  it('a new version is unread again', () => {
    const base = threeApplications([ev(LEDAMOT, 'stance.set', { applicationId: APP_ID, stance: 'support' }, 13)]);
    const reg = base.applications[APP_ID]!.heads;
    const s = threeApplications([
      ev(LEDAMOT, 'stance.set', { applicationId: APP_ID, stance: 'support' }, 13),
      ev(DIRECTOR, 'application.revised', application({ version: 2, receivedOn: '2026-01-10', name: 'Ungdomslots 2' }), 15, { prev: reg }),
    ]);
    const left = leftToReview(s, LEDAMOT.id, new Set([readKey(APP_ID, 1)]));
    expect(left.todo.find((t) => t.applicationId === APP_ID)).toMatchObject({ version: 2, gaps: ['unread'] });
  });

  it('limits to the next meeting’s agenda when given, and leaves out decided ansökningar otherwise', () => {
    const s = threeApplications();
    expect(leftToReview(s, LEDAMOT.id, new Set(), { agenda: [APP_C] }).todo.map((t) => t.applicationId)).toEqual([APP_C]);
    expect(leftToReview(s, LEDAMOT.id, new Set(), { agenda: [] })).toEqual({ todo: [], jav: [], total: 0 });
    expect(leftToReview(s, LEDAMOT.id, new Set(), { decided: new Set([APP_ID, APP_B]) }).todo.map((t) => t.applicationId)).toEqual([APP_C]);
  });
});

describe('the ties form', () => {
  it('says in Swedish what is missing and turns a draft into a tie', () => {
    const d = emptyTieDraft('a');
    expect(tieErrors(d).organisationId).toBe('Välj en förbundsmedlem eller Annan organisation.');
    const other = { ...d, organisationId: OTHER_ORGANISATION };
    expect(tieErrors(other).organisationName).toBe('Skriv organisationens namn.');
    const dated = { ...other, organisationName: 'Lomma kommun', from: '2026-05-01', to: '2026-04-01' };
    expect(tieErrors(dated).to).toBe('Till kan inte vara före Från.');
    expect(tieErrors({ ...dated, from: '2026-13-01' }).from).toContain('2026-13-01 finns inte');
    const ok = { ...dated, to: '', description: ' enhetschef ' };
    expect(hasTieErrors(tieErrors(ok))).toBe(false);
    expect(fromTieDraft(ok)).toEqual({ kind: 'employer', organisationId: null, organisationName: 'Lomma kommun', description: 'enhetschef', unit: null, from: '2026-05-01', to: null });
    expect(fromTieDraft({ ...ok, organisationId: ORG.kommun })).toMatchObject({ organisationId: ORG.kommun, organisationName: null });
    const s = threeApplications();
    expect(describeTie(s, { kind: 'steeringGroup', organisationId: ORG.kommun, organisationName: null, description: null, unit: null, from: '2025-01-01', to: null })).toBe(
      'Sitter i styrgrupp för Linköpings kommun, 2025-01-01 –',
    );
  });
});
