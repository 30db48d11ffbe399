import {
  Application,
  BUDGET_LINE_FIELD_LABEL,
  applicationFieldLabel,
  periodYears,
  validateApplication,
  type BudgetLine,
  type CoFinancing,
  type OrganisationRef,
  type ValidationIssue,
} from '../../../../../shared/domain/applications';
import { IsoDate } from '../../../../../shared/domain/forbund/model';
import { dateError } from '../../../lib/validate';

/**
 * The registration form's draft: an Application as the form builds it. The
 * schema lets rule-breaking values through (negative amounts, an end before
 * the start), so the draft can hold what the user typed and every Swedish
 * message can be shown at once; only a draft without issues becomes an event.
 */
export type Draft = Application;

export function emptyDraft(id: string, receivedOn: string): Draft {
  return {
    id,
    version: 1,
    registrationNumber: '',
    receivedOn,
    name: '',
    parties: [],
    ownerId: null,
    contact: { name: '', role: '', organisationId: null, email: '', phone: '' },
    kind: 'individual',
    form: 'project',
    period: { from: '', to: '' },
    background: '',
    purpose: '',
    goals: [],
    targetGroup: { ageFrom: null, ageTo: null, area: '', participants: null, description: '' },
    activities: '',
    governance: '',
    relationToOrdinary: '',
    budget: [],
    followUp: { text: '', nationalSystemReference: null },
    implementation: { kind: null, text: '' },
    risks: '',
    attachments: [],
  };
}

/** The next version of an application: the current one, numbered one higher (line ids kept, so the diff follows lines). */
export function nextVersionDraft(current: Application): Draft {
  return { ...structuredClone(current), version: current.version + 1 };
}

export function newBudgetLine(id: string, year: string): BudgetLine {
  return { id, year, category: 'personnel', description: '', fte: null, sought: 0, coFinancing: [], statedTotal: null };
}

export function newCoFinancing(partyIds: readonly string[]): CoFinancing {
  return { financier: partyIds[0] ?? 'inKind', amount: 0, inKind: false };
}

const isDate = (s: string): boolean => IsoDate.safeParse(s).success;

/** The years the budget editor shows: those with lines, and those added by hand; ascending. */
export function budgetYears(draft: Draft, added: readonly string[]): string[] {
  return [...new Set([...added, ...draft.budget.map((l) => l.year)])].sort();
}

/** The period's years not yet in the budget editor, when the period is readable. */
export function missingPeriodYears(draft: Draft, shown: readonly string[]): string[] {
  const { from, to } = draft.period;
  if (!isDate(from) || !isDate(to) || from > to) return [];
  return periodYears(draft.period).filter((y) => !shown.includes(y));
}

/** The checks the save button runs, in the order the form reads; empty when the draft may be signed. */
export function draftIssues(draft: Draft, organisations: readonly OrganisationRef[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const dates: [string, string, string][] = [
    ['receivedOn', draft.receivedOn, 'datum då ansökan kom in'],
    ['period.from', draft.period.from, 'startdatum'],
    ['period.to', draft.period.to, 'slutdatum'],
  ];
  for (const [field, value, what] of dates) {
    const message = dateError(value, what);
    if (message) issues.push({ field, message });
  }
  const datesOk = issues.length === 0;
  for (const issue of validateApplication(draft, organisations)) {
    // Without readable dates there is no period to compare with: the date message says what to fix first.
    if (!datesOk && (issue.field === 'period.to' || /^budget\.\d+\.year$/.test(issue.field))) continue;
    issues.push(issue);
  }
  // Lengths and other shape rules (a text too long, an age over 120) the domain rules leave to the schema.
  const shape = Application.safeParse(draft);
  if (!shape.success) {
    for (const zi of shape.error.issues) {
      const field = zi.path.join('.');
      if (issues.some((i) => i.field === field) || ['receivedOn', 'period.from', 'period.to'].includes(field)) continue;
      issues.push({ field, message: shapeMessage(zi.code) });
    }
  }
  return issues;
}

function shapeMessage(code: string): string {
  if (code === 'too_big') return 'Värdet är för stort eller texten för lång. Korta texten eller ange ett mindre värde.';
  if (code === 'too_small') return 'Värdet är för litet eller saknas.';
  return 'Värdet har fel form. Kontrollera det och försök igen.';
}

/** The DOM id of a field's input, so the summary can link to it: `budget.2.sought` → `f-budget-2-sought`. */
export const fieldId = (path: string): string => `f-${path.replace(/\./g, '-')}`;

/** The messages for one field path. */
export const messagesFor = (issues: readonly ValidationIssue[], field: string): string[] => issues.filter((i) => i.field === field).map((i) => i.message);

/** What the error summary calls a field: `budget.2.sought` → "Budget 2027, kostnadsrad 1: sökt belopp". */
export function issueLabel(draft: Draft, field: string): string {
  const parts = field.split('.');
  if (parts[0] === 'budget' && parts[1] !== undefined) {
    const index = Number(parts[1]);
    const line = draft.budget[index];
    if (!line) return 'Budget';
    const n = draft.budget.slice(0, index + 1).filter((l) => l.year === line.year).length;
    const what = parts[2] === 'coFinancing' ? `medfinansiering ${Number(parts[3]) + 1}` : parts[2] ? (BUDGET_LINE_FIELD_LABEL[parts[2]] ?? parts[2]) : '';
    return `Budget ${line.year}, kostnadsrad ${n}${what ? `: ${what}` : ''}`;
  }
  if (parts[0] === 'attachments' && parts[1] !== undefined) {
    const a = draft.attachments[Number(parts[1])];
    return `Bilaga ${a?.fileName ?? Number(parts[1]) + 1}${parts[2] === 'oslReference' ? ': bestämmelse i OSL' : ''}`;
  }
  if (parts[0] === 'goals' && parts[1] !== undefined) return `Mål ${Number(parts[1]) + 1}`;
  const label = applicationFieldLabel(field);
  return label.charAt(0).toUpperCase() + label.slice(1);
}
