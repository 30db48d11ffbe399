import { describe, expect, it } from 'vitest';
import { diffApplications } from '../../../../../shared/domain/applications/diff';
import { ORG } from '../../../../helpers/event-builder';
import { application, budget, line } from './fixtures';

describe('diffApplications', () => {
  it('finds nothing between equal versions (version number aside)', () => {
    expect(diffApplications(application(), application({ version: 2 }))).toEqual([]);
  });

  it('lists changed fields with Swedish labels, nested fields one by one', () => {
    const v1 = application();
    const v2 = application({
      version: 2,
      name: 'Ungdomslots 2.0',
      period: { from: '2026-03-01', to: '2028-06-30' },
      targetGroup: { ageFrom: 16, ageTo: 29, area: 'Linköping', participants: 40 },
      parties: [ORG.kommun, ORG.af, ORG.fk],
      goals: [{ text: 'Fler unga i arbete eller studier', target: '60 % efter 12 månader' }],
    });
    expect(diffApplications(v1, v2)).toEqual([
      { field: 'name', label: 'insatsens namn', from: 'Ungdomslots', to: 'Ungdomslots 2.0' },
      { field: 'parties', label: 'sökande parter', from: [ORG.af, ORG.kommun], to: [ORG.kommun, ORG.af, ORG.fk] },
      { field: 'period.to', label: 'slutdatum', from: '2028-12-31', to: '2028-06-30' },
      { field: 'targetGroup.ageTo', label: 'målgruppens högsta ålder', from: 24, to: 29 },
      { field: 'goals.0', label: 'mål 1', from: v1.goals[0], to: v2.goals[0] },
    ]);
  });

  it('does not report a reordering of the parties', () => {
    expect(diffApplications(application(), application({ parties: [ORG.kommun, ORG.af] }))).toEqual([]);
  });

  it('compares budget lines by id: changed, added, removed, and the yearly totals', () => {
    const v1 = application();
    const lines = budget();
    const v2 = application({
      version: 2,
      budget: [{ ...lines[0]!, sought: 650_000, fte: 0.8, statedTotal: 700_000 }, ...lines.slice(1, 5), line('u-2026', '2026', { category: 'evaluation', description: 'Extern utvärdering', fte: null, sought: 40_000 })],
    });
    expect(diffApplications(v1, v2)).toEqual([
      { field: 'budget[p-2026].fte', label: 'budget 2026, Personal (Processledare): årsarbetskrafter', from: 1, to: 0.8 },
      { field: 'budget[p-2026].sought', label: 'budget 2026, Personal (Processledare): sökt belopp', from: 700_000, to: 650_000 },
      { field: 'budget[p-2026].statedTotal', label: 'budget 2026, Personal (Processledare): angiven summa', from: 750_000, to: 700_000 },
      { field: 'budget[u-2026]', label: 'budget 2026, Utvärdering (Extern utvärdering): ny rad', from: null, to: expect.objectContaining({ sought: 40_000 }) },
      { field: 'budget[r-2028]', label: 'budget 2028, Resor: raden togs bort', from: expect.objectContaining({ sought: 10_000 }), to: null },
      { field: 'budgetTotal.2026', label: 'sökt belopp 2026 totalt', from: 710_000, to: 700_000 },
      { field: 'budgetTotal.2028', label: 'sökt belopp 2028 totalt', from: 710_000, to: 700_000 },
    ]);
  });

  it('compares attachments by their SHA-256', () => {
    const a = application().attachments[0]!;
    const v2 = application({ attachments: [{ ...a, confidential: true, oslReference: 'OSL 26 kap. 1 §' }, { sha256: 'c'.repeat(64), fileName: 'budget.pdf', title: 'Budget', confidential: false, oslReference: null }] });
    expect(diffApplications(application(), v2).map((d) => [d.field, d.label])).toEqual([
      [`attachments[${'a'.repeat(64)}].confidential`, 'bilaga ”Ansökan”: sekretess'],
      [`attachments[${'a'.repeat(64)}].oslReference`, 'bilaga ”Ansökan”: hänvisning till OSL'],
      [`attachments[${'c'.repeat(64)}]`, 'bilaga ”Budget”: ny'],
    ]);
  });

  it('lists every field of a first version as new', () => {
    const d = diffApplications(null, application());
    expect(d.find((x) => x.field === 'name')).toEqual({ field: 'name', label: 'insatsens namn', from: null, to: 'Ungdomslots' });
    expect(d.some((x) => x.field === 'id')).toBe(false);
  });
});
