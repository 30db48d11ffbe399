import { budgetTotals } from './budget';
import { type Application, APPLICATION_FIELD_LABEL, type Attachment, BUDGET_LINE_FIELD_LABEL, type BudgetLine, COST_CATEGORY_LABEL, applicationFieldLabel } from './model';

/**
 * What changed between two versions of an application, field by field, with
 * Swedish labels: the reviewer's "vad har ändrats sedan förra versionen".
 *
 * Paths: `name`, `period.to`, `parties`, `goals.1`, `budget[<line id>].sought`,
 * `budget[<line id>]` (a line added or removed), `budgetTotal.2026` (the
 * year's sought total), `attachments[<sha256>]`. Values are JSON; ids of
 * organisations are left as ids for the screen to name.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface FieldDiff {
  field: string;
  /** Swedish. */
  label: string;
  from: Json;
  to: Json;
}

const SCALARS = ['registrationNumber', 'receivedOn', 'name', 'ownerId', 'kind', 'form', 'background', 'purpose', 'activities', 'governance', 'relationToOrdinary', 'risks'] as const;
const OBJECTS = ['contact', 'period', 'targetGroup', 'followUp', 'implementation'] as const;

const json = (v: unknown): Json => (v === undefined ? null : (JSON.parse(JSON.stringify(v)) as Json));

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Object keys sorted, so equality does not depend on key order. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/** "budget 2026, Personal (Processledare)". */
export function budgetLineName(line: Pick<BudgetLine, 'year' | 'category' | 'description'>): string {
  return `budget ${line.year}, ${COST_CATEGORY_LABEL[line.category]}${line.description ? ` (${line.description})` : ''}`;
}

function diffBudget(before: readonly BudgetLine[], after: readonly BudgetLine[], out: FieldDiff[]): void {
  const old = new Map(before.map((l) => [l.id, l]));
  const now = new Map(after.map((l) => [l.id, l]));
  for (const line of after) {
    const prev = old.get(line.id);
    if (!prev) {
      out.push({ field: `budget[${line.id}]`, label: `${budgetLineName(line)}: ny rad`, from: null, to: json(line) });
      continue;
    }
    for (const k of ['year', 'category', 'description', 'fte', 'sought', 'coFinancing', 'statedTotal'] as const) {
      if (!same(prev[k], line[k])) {
        out.push({ field: `budget[${line.id}].${k}`, label: `${budgetLineName(line)}: ${BUDGET_LINE_FIELD_LABEL[k] ?? k}`, from: json(prev[k]), to: json(line[k]) });
      }
    }
  }
  for (const line of before) {
    if (!now.has(line.id)) out.push({ field: `budget[${line.id}]`, label: `${budgetLineName(line)}: raden togs bort`, from: json(line), to: null });
  }
  const oldYears = new Map(budgetTotals({ budget: [...before] }).years.map((y) => [y.year, y.sought]));
  const newYears = new Map(budgetTotals({ budget: [...after] }).years.map((y) => [y.year, y.sought]));
  for (const year of [...new Set([...oldYears.keys(), ...newYears.keys()])].sort()) {
    const a = oldYears.get(year) ?? 0;
    const b = newYears.get(year) ?? 0;
    if (a !== b) out.push({ field: `budgetTotal.${year}`, label: `sökt belopp ${year} totalt`, from: a, to: b });
  }
}

function diffAttachments(before: readonly Attachment[], after: readonly Attachment[], out: FieldDiff[]): void {
  const old = new Map(before.map((a) => [a.sha256, a]));
  const now = new Map(after.map((a) => [a.sha256, a]));
  const name = (a: Attachment): string => `bilaga ”${a.title || a.fileName}”`;
  for (const a of after) {
    const prev = old.get(a.sha256);
    if (!prev) {
      out.push({ field: `attachments[${a.sha256}]`, label: `${name(a)}: ny`, from: null, to: json(a) });
      continue;
    }
    const labels = { fileName: 'filnamn', title: 'titel', confidential: 'sekretess', oslReference: 'hänvisning till OSL' } as const;
    for (const k of ['fileName', 'title', 'confidential', 'oslReference'] as const) {
      if (!same(prev[k], a[k])) out.push({ field: `attachments[${a.sha256}].${k}`, label: `${name(a)}: ${labels[k]}`, from: json(prev[k]), to: json(a[k]) });
    }
  }
  for (const a of before) {
    if (!now.has(a.sha256)) out.push({ field: `attachments[${a.sha256}]`, label: `${name(a)}: togs bort`, from: json(a), to: null });
  }
}

/**
 * The differences from `before` to `after`. With `before` null (the first
 * version) every field is listed as new, as the history shows a creation.
 */
export function diffApplications(before: Application | null, after: Application): FieldDiff[] {
  const out: FieldDiff[] = [];
  if (before === null) {
    for (const [k, v] of Object.entries(after)) {
      if (k === 'id') continue;
      out.push({ field: k, label: APPLICATION_FIELD_LABEL[k] ?? k, from: null, to: json(v) });
    }
    return out;
  }
  for (const k of SCALARS) {
    if (!same(before[k], after[k])) out.push({ field: k, label: applicationFieldLabel(k), from: json(before[k]), to: json(after[k]) });
  }
  if (!same([...before.parties].sort(), [...after.parties].sort())) {
    out.push({ field: 'parties', label: applicationFieldLabel('parties'), from: json(before.parties), to: json(after.parties) });
  }
  for (const k of OBJECTS) {
    const a = before[k] as Record<string, unknown>;
    const b = after[k] as Record<string, unknown>;
    for (const sub of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
      const path = `${k}.${sub}`;
      if (!same(a[sub], b[sub])) out.push({ field: path, label: applicationFieldLabel(path), from: json(a[sub]), to: json(b[sub]) });
    }
  }
  const goals = Math.max(before.goals.length, after.goals.length);
  for (let i = 0; i < goals; i++) {
    if (!same(before.goals[i], after.goals[i])) out.push({ field: `goals.${i}`, label: `mål ${i + 1}`, from: json(before.goals[i]), to: json(after.goals[i]) });
  }
  diffBudget(before.budget, after.budget, out);
  diffAttachments(before.attachments, after.attachments, out);
  return out;
}
