import { describe, expect, it } from 'vitest';
import { Application } from '../../../../../shared/domain/applications/model';
import { budgetYears, draftIssues, emptyDraft, issueLabel, missingPeriodYears, newBudgetLine, nextVersionDraft } from '../../../../../renderer/src/features/applications/register/draft';
import { KOMMUN2, ORGS, application } from './fixtures';
import { ORG } from '../../../../helpers/event-builder';

const ID = '0b7d8c6e-8f7e-4c35-9d0b-6c1f3e8a2b11';
const fields = (d: Application) => draftIssues(d, ORGS).map((i) => i.field);

describe('the registration form draft', () => {
  it('a complete draft has no issues and is a valid Application', () => {
    const d = application();
    expect(draftIssues(d, ORGS)).toEqual([]);
    expect(Application.safeParse(d).success).toBe(true);
  });

  it('an empty draft names every required field in Swedish, dates first', () => {
    const issues = draftIssues(emptyDraft(ID, ''), ORGS);
    expect(issues.map((i) => i.field)).toEqual(expect.arrayContaining(['receivedOn', 'period.from', 'period.to', 'registrationNumber', 'name', 'parties', 'ownerId']));
    expect(issues.find((i) => i.field === 'period.from')?.message).toBe('Ange startdatum (ÅÅÅÅ-MM-DD).');
  });

  it('two kommuner are one party; an unreadable date does not also report every budget year as outside the period', () => {
    expect(fields(application({ parties: [ORG.kommun, KOMMUN2], ownerId: ORG.kommun }))).toEqual(['parties']);
    const d = application();
    d.period.to = '2028-13-40';
    expect(fields(d)).toEqual(['period.to']);
  });

  it('negative amounts, a budget year outside the period and a confidential attachment without OSL are each refused', () => {
    const d = application();
    d.budget[0]!.sought = -1;
    d.budget.push(newBudgetLine('extra', '2031'));
    d.attachments[0]!.confidential = true;
    expect(fields(d)).toEqual(['budget.0.sought', 'budget.6.year', 'attachments.0.oslReference']);
    expect(issueLabel(d, 'budget.6.year')).toBe('Budget 2031, kostnadsrad 1: år');
    expect(issueLabel(d, 'budget.0.sought')).toBe('Budget 2026, kostnadsrad 1: sökt belopp');
  });

  it('a new version starts from the current one, numbered one higher, with the same line ids', () => {
    const current = application();
    const next = nextVersionDraft(current);
    expect(next.version).toBe(2);
    expect(next.budget.map((l) => l.id)).toEqual(current.budget.map((l) => l.id));
    next.name = 'Ändrat';
    expect(current.name).toBe('Ungdomslots');
  });

  it('offers the period years that the budget does not show yet', () => {
    const d = application({ budget: [] });
    expect(missingPeriodYears(d, budgetYears(d, ['2026']))).toEqual(['2027', '2028']);
  });
});
