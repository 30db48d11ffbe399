import { describe, expect, it } from 'vitest';
import { suggestJav } from '../../../../../shared/domain/applications/jav';
import { ORG } from '../../../../helpers/event-builder';
import { ORGS } from './fixtures';

const nameOf = (id: string) => ORGS.find((o) => o.id === id)?.name ?? 'okänd organisation';

/** An ansökan from Linköpings kommun (its Ungdomsenheten) and Arbetsförmedlingen. */
const APP = {
  parties: [ORG.kommun, ORG.af],
  ownerId: ORG.kommun,
  name: 'Unga vuxna i arbete',
  contact: { name: 'Karin Rangin', role: 'Processledare, Ungdomsenheten' },
  governance: 'Styrgrupp: Per Persson (Arbetsförmedlingen) och enhetschefen för Ungdomsenheten.',
  activities: 'Lotsstöd och arbetsträning.',
};

describe('jäv suggestions (KL 6:28; FinsamL: every ledamot represents a member)', () => {
  it('do not fire merely because the member is employed by, or has a seat in, an applying member organisation', () => {
    const ties = [
      { kind: 'employer' as const, organisationId: ORG.af, description: 'sektionschef' },
      { kind: 'board' as const, organisationId: ORG.kommun },
      { kind: 'manager' as const, organisationId: ORG.kommun, description: 'handläggare' },
    ];
    expect(suggestJav(ties, APP, nameOf, '2026-03-01')).toEqual([]);
  });

  it('fire for a tie to the applying unit, the project organisation or the styrgrupp, and say why', () => {
    const unit = suggestJav([{ kind: 'employer' as const, organisationId: ORG.kommun, unit: 'Ungdomsenheten' }], APP, nameOf, '2026-03-01');
    expect(unit.map((s) => s.ground)).toEqual(['delicacy']);
    expect(unit[0]?.message).toBe(
      'Du har angett att du är anställd vid Linköpings kommun, Ungdomsenheten. Ansökan nämner Ungdomsenheten (kontaktperson, organisation och styrning), som hör till Linköpings kommun, sökande part och insatsägare. Överväg att anmäla jäv.',
    );
    const relative = suggestJav([{ kind: 'relative' as const, organisationId: ORG.kommun, unit: 'ungdomsenheten', description: 'min make' }], APP, nameOf);
    expect(relative.map((s) => s.ground)).toEqual(['interest']);
    expect(relative[0]?.message).toContain('att en närstående (min make) arbetar vid Linköpings kommun, ungdomsenheten. Ansökan nämner ungdomsenheten');
  });

  it('fire when the member is named in the ansökan, e.g. in its styrgrupp', () => {
    const named = suggestJav([], APP, nameOf, '2026-03-01', { name: 'Per Persson' });
    expect(named.map((s) => [s.ground, s.message])).toEqual([
      ['delicacy', 'Ditt namn, Per Persson, står i ansökan (organisation och styrning), till exempel i styrgruppen eller projektorganisationen. Överväg att anmäla jäv.'],
    ]);
    expect(suggestJav([], APP, nameOf, '2026-03-01', { name: 'Per' })).toEqual([]);
  });
});
