import { describe, expect, it } from 'vitest';
import { budgetFlags, budgetTotals, lineSum, remainingBudget, soughtPerYear } from '../../../../../shared/domain/applications/budget';
import { application, budget, line } from './fixtures';

describe('budget', () => {
  it('adds up per year, per cost line and in total', () => {
    const t = budgetTotals(application());
    expect(t.years.map((y) => [y.year, y.sought, y.coFinancing, y.total])).toEqual([
      ['2026', 710_000, 50_000, 760_000],
      ['2027', 710_000, 50_000, 760_000],
      ['2028', 710_000, 50_000, 760_000],
    ]);
    expect(t.years[0]?.byCategory.personnel).toEqual({ sought: 700_000, coFinancing: 50_000, total: 750_000 });
    expect(t.years[0]?.byCategory.travel).toEqual({ sought: 10_000, coFinancing: 0, total: 10_000 });
    expect(t.byCategory.premises).toEqual({ sought: 0, coFinancing: 0, total: 0 });
    expect([t.sought, t.coFinancing, t.total]).toEqual([2_130_000, 150_000, 2_280_000]);
    expect(soughtPerYear(application())).toEqual({ '2026': 710_000, '2027': 710_000, '2028': 710_000 });
    expect(lineSum(line('x', '2026', { coFinancing: [{ financier: 'esf', amount: 5, inKind: false }] })).total).toBe(700_005);
  });

  it('has no flags when everything agrees', () => {
    expect(budgetFlags(application())).toEqual([]);
  });

  it('flags a line whose parts do not add up to its stated total', () => {
    const app = application({ budget: [...budget().slice(2), line('p', '2026', { statedTotal: 710_000 }), line('r', '2026', { sought: 1 })] });
    expect(budgetFlags(app)).toEqual([
      {
        code: 'line-total-mismatch',
        field: 'budget.4.statedTotal',
        year: '2026',
        message: 'Budgetraden Personal (Processledare) 2026 går inte ihop: sökt 700 000 kr och medfinansiering 0 kr blir 700 000 kr, men summan anges till 710 000 kr.',
      },
    ]);
  });

  it('flags years outside the period and period years without a budget', () => {
    const app = application({ period: { from: '2026-03-01', to: '2027-12-31' }, budget: [line('a', '2027'), line('b', '2029')] });
    expect(budgetFlags(app).map((f) => [f.code, f.year, f.field])).toEqual([
      ['year-outside-period', '2029', 'budget.1.year'],
      ['year-without-budget', '2026', 'budget'],
    ]);
    expect(budgetFlags(app)[1]?.message).toBe('Insatsen pågår 2026 men budgeten har inga rader för det året.');
  });

  it('says what granting would leave of the förbund budget per year', () => {
    const r = remainingBudget({ '2026': 3_000_000, '2027': 1_000_000 }, { '2026': 2_000_000, '2027': 500_000 }, application());
    expect(r).toEqual([
      { year: '2026', budget: 3_000_000, granted: 2_000_000, sought: 710_000, available: 1_000_000, remaining: 290_000, budgetMissing: false },
      { year: '2027', budget: 1_000_000, granted: 500_000, sought: 710_000, available: 500_000, remaining: -210_000, budgetMissing: false },
      { year: '2028', budget: 0, granted: 0, sought: 710_000, available: 0, remaining: -710_000, budgetMissing: true },
    ]);
    expect(remainingBudget({ '2026': 100 }, {}, { '2026': 40 })).toEqual([{ year: '2026', budget: 100, granted: 0, sought: 40, available: 100, remaining: 60, budgetMissing: false }]);
  });
});

describe('budget flags while the period is still being typed (issue #15: "Insatsen pågår 0 men …")', () => {
  it('says nothing about years until both ends of the period are dates', () => {
    for (const from of ['', '2', '2027-0', '2027-02-30']) {
      const flags = budgetFlags({ budget: [], period: { from, to: '2028-12-31' } });
      expect(flags.map((f) => f.message)).toEqual([]);
    }
    expect(budgetFlags({ budget: [], period: { from: '2027-01-01', to: '2027-12-31' } }).map((f) => f.message)).toEqual(['Insatsen pågår 2027 men budgeten har inga rader för det året.']);
  });
});
