import { describe, expect, it } from 'vitest';
import { JAV_GROUND_LABEL, JAV_GROUND_REFERENCE, JavGround, suggestJav } from '../../../shared/domain/applications/jav';
import { ORG } from '../domain/helpers';
import { ORGS } from './fixtures';

const nameOf = (id: string) => ORGS.find((o) => o.id === id)?.name ?? 'okänd organisation';

describe('jäv', () => {
  it('has the five grounds of KL 6 kap 28 § with Swedish labels', () => {
    expect(JavGround.options).toHaveLength(5);
    expect(JAV_GROUND_LABEL.delicacy).toBe('Delikatessjäv (annan särskild omständighet)');
    expect(JavGround.options.map((g) => JAV_GROUND_REFERENCE[g])).toEqual([1, 2, 3, 4, 5].map((n) => `KL 6 kap. 28 § första stycket ${n}`));
  });

  it('suggests considering jäv where a declared tie matches an applying party', () => {
    const ties = [
      { kind: 'employer' as const, organisationId: ORG.kommun, description: 'enhetschef' },
      { kind: 'steeringGroup' as const, organisationId: ORG.region },
      { kind: 'board' as const, organisationId: ORG.af },
    ];
    const s = suggestJav(ties, [ORG.af, ORG.kommun], nameOf);
    expect(s.map((x) => [x.organisationId, x.ground])).toEqual([
      [ORG.kommun, 'delicacy'],
      [ORG.af, 'representative'],
    ]);
    expect(s[0]?.message).toBe(
      'Du har angett: Anställd hos Linköpings kommun (enhetschef), som står bakom ansökan. Överväg om du är jävig (delikatessjäv (annan särskild omständighet), KL 6 kap. 28 § första stycket 5).',
    );
    expect(suggestJav(ties, [ORG.fk])).toEqual([]);
    expect(suggestJav(ties, { parties: [ORG.fk], ownerId: ORG.region }).map((x) => x.tie.kind)).toEqual(['steeringGroup']);
  });
});
