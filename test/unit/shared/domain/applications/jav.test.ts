import { describe, expect, it } from 'vitest';
import { JAV_GROUND_LABEL, JAV_GROUND_REFERENCE, JavGround, suggestJav } from '../../../../../shared/domain/applications/jav';
import { ORG } from '../../../../helpers/event-builder';
import { ORGS } from './fixtures';

const nameOf = (id: string) => ORGS.find((o) => o.id === id)?.name ?? 'okänd organisation';

describe('jäv', () => {
  it('has the five grounds of KL 6 kap 28 § with Swedish labels', () => {
    expect(JavGround.options).toHaveLength(5);
    expect(JAV_GROUND_LABEL.delicacy).toBe('Delikatessjäv (annan särskild omständighet)');
    expect(JavGround.options.map((g) => JAV_GROUND_REFERENCE[g])).toEqual([1, 2, 3, 4, 5].map((n) => `KL 6 kap. 28 § första stycket ${n}`));
  });

  it('suggests considering jäv where a declared tie reaches an applying party’s unit named in the ansökan, or the owner’s', () => {
    const app = { parties: [ORG.af, ORG.kommun], ownerId: ORG.kommun, contact: { name: 'Karin', role: 'Vuxenenheten' }, governance: 'Styrgrupp för Lotsen Region' };
    const ties = [
      { kind: 'employer' as const, organisationId: ORG.kommun, description: 'enhetschef', unit: 'Vuxenenheten' },
      { kind: 'steeringGroup' as const, organisationId: ORG.region, unit: 'Lotsen' },
      { kind: 'board' as const, organisationId: ORG.af, unit: 'Lotsen' },
    ];
    const s = suggestJav(ties, app, nameOf);
    expect(s.map((x) => [x.organisationId, x.ground])).toEqual([
      [ORG.kommun, 'delicacy'],
      [ORG.af, 'representative'],
    ]);
    expect(s[0]?.message).toBe(
      'Du har angett att du är anställd vid Linköpings kommun, Vuxenenheten. Ansökan nämner Vuxenenheten (kontaktperson), som hör till Linköpings kommun, sökande part och insatsägare. Överväg att anmäla jäv.',
    );
    expect(suggestJav(ties, { ...app, parties: [ORG.fk], ownerId: null })).toEqual([]);
    const owner = suggestJav(ties, { ...app, parties: [ORG.fk], ownerId: ORG.region }, nameOf);
    expect(owner.map((x) => x.tie?.kind)).toEqual(['steeringGroup']);
    expect(owner[0]?.message).toContain('som hör till Region Östergötland, insatsägare');
  });

  it('matches an organisation named in free text, Swedish case-insensitively, and only ties in force that day', () => {
    const app = (parties: string[]) => ({ parties, ownerId: null, governance: 'Vuxenenheten leder arbetet.' });
    const free = [{ kind: 'employer' as const, organisationId: null, organisationName: '  linköpings   KOMMUN ', unit: 'vuxenenheten', from: '2024-01-01', to: '2026-06-30' }];
    expect(suggestJav(free, app([ORG.af, ORG.kommun]), nameOf, '2026-03-01').map((s) => s.organisationId)).toEqual([ORG.kommun]);
    expect(suggestJav(free, app([ORG.af, ORG.kommun]), nameOf, '2026-07-01')).toEqual([]);
    expect(suggestJav(free, app([ORG.af, ORG.kommun]), nameOf, '2023-12-31')).toEqual([]);
    expect(suggestJav([{ kind: 'manager' as const, organisationId: null, organisationName: 'Lomma kommun', unit: 'Vuxenenheten' }], app([ORG.af, ORG.kommun]), nameOf)).toEqual([]);
    // Å, ä and ö are kept: "Åre kommun" is not "Are kommun".
    const are = (id: string) => (id === ORG.kommun ? 'Åre kommun' : nameOf(id));
    expect(suggestJav([{ kind: 'board' as const, organisationId: null, organisationName: 'Are kommun', unit: 'Vuxenenheten' }], app([ORG.af, ORG.kommun]), are)).toEqual([]);
    expect(suggestJav([{ kind: 'board' as const, organisationId: null, organisationName: 'ÅRE kommun', unit: 'Vuxenenheten' }], app([ORG.af, ORG.kommun]), are)[0]?.message).toBe(
      'Du har angett att du har ett styrelseuppdrag i ÅRE kommun, Vuxenenheten. Ansökan nämner Vuxenenheten (organisation och styrning), som hör till ÅRE kommun, sökande part. Överväg att anmäla jäv.',
    );
  });
});
