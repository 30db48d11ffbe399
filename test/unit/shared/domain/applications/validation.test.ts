import { describe, expect, it } from 'vitest';
import { countParties, periodYears, validateApplication } from '../../../../../shared/domain/applications/model';
import { ORG } from '../../../../helpers/event-builder';
import { KOMMUN2, ORGS, application, budget, line } from './fixtures';

const messages = (app = application()) => validateApplication(app, ORGS);

describe('validateApplication', () => {
  it('accepts a complete application', () => {
    expect(messages()).toEqual([]);
  });

  it('needs at least two parties, and two kommuner count as one', () => {
    expect(countParties([ORG.kommun, KOMMUN2], ORGS)).toBe(1);
    expect(countParties([ORG.kommun, KOMMUN2, ORG.fk], ORGS)).toBe(2);
    const twoKommuner = application({ parties: [ORG.kommun, KOMMUN2], ownerId: ORG.kommun, budget: budget().map((l) => ({ ...l, coFinancing: [] })) });
    expect(messages(twoKommuner)).toEqual([{ field: 'parties', message: 'Ansökan måste ha minst två sökande parter. Flera kommuner räknas som en part.' }]);
    const one = application({ parties: [ORG.af] });
    expect(messages(one).map((i) => i.field)).toEqual(['parties']);
    expect(messages(application({ parties: [ORG.kommun, KOMMUN2, ORG.af] }))).toEqual([]);
  });

  it('needs an owner among the parties', () => {
    expect(messages(application({ ownerId: null }))).toEqual([{ field: 'ownerId', message: 'Ansökan saknar insatsägare.' }]);
    expect(messages(application({ ownerId: ORG.fk }))).toEqual([{ field: 'ownerId', message: 'Insatsägaren måste vara en av de sökande parterna.' }]);
  });

  it('refuses unknown parties', () => {
    expect(messages(application({ parties: [ORG.af, ORG.kommun, '00000000-0000-4000-8000-00000000dead'] }))).toContainEqual({
      field: 'parties',
      message: 'En sökande part finns inte bland förbundsmedlemmarna.',
    });
  });

  it('refuses an end date before the start', () => {
    expect(messages(application({ period: { from: '2026-03-01', to: '2025-12-31' } }))).toEqual([{ field: 'period.to', message: 'Slutdatum ligger före startdatum.' }]);
  });

  it('refuses a budget year outside the period', () => {
    const app = application({ budget: [...budget(), line('x', '2029')] });
    expect(messages(app)).toEqual([{ field: 'budget.6.year', message: 'Budgetåret 2029 ligger utanför insatsens period (2026-03-01–2028-12-31).' }]);
    expect(periodYears({ from: '2026-07-01', to: '2028-06-30' })).toEqual(['2026', '2027', '2028']);
  });

  it('refuses negative amounts and FTE', () => {
    const app = application({
      budget: [line('a', '2026', { sought: -1, fte: -0.5, statedTotal: -1, coFinancing: [{ financier: 'esf', amount: -100, inKind: false }] })],
    });
    expect(messages(app)).toEqual([
      { field: 'budget.0.sought', message: 'Sökt belopp får inte vara negativt.' },
      { field: 'budget.0.statedTotal', message: 'Summan får inte vara negativ.' },
      { field: 'budget.0.fte', message: 'Antalet årsarbetskrafter får inte vara negativt.' },
      { field: 'budget.0.coFinancing.0.amount', message: 'Medfinansiering får inte vara negativ.' },
    ]);
  });

  it('checks names, line ids, co-financiers and confidential attachments', () => {
    const app = application({
      name: ' ',
      registrationNumber: '',
      budget: [line('a', '2026', { coFinancing: [{ financier: '00000000-0000-4000-8000-00000000dead', amount: 1, inKind: false }] }), line('a', '2027')],
      attachments: [{ sha256: 'b'.repeat(64), fileName: 'x.pdf', title: 'Sekretessbelagd', confidential: true, oslReference: null }],
    });
    expect(messages(app).map((i) => i.message)).toEqual([
      'Diarienummer saknas.',
      'Insatsens namn saknas.',
      'Medfinansiären finns inte bland förbundsmedlemmarna.',
      'Två budgetrader har samma id.',
      'En sekretessmarkerad bilaga kräver hänvisning till bestämmelse i OSL.',
    ]);
  });
});
