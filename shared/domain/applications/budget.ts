import { formatAmount } from '../format';
import { type Application, type BudgetLine, COST_CATEGORY_LABEL, type CostCategory, CostCategory as CostCategoryEnum, periodYears } from './model';
import { readDateInput } from '../date-input';

/**
 * The budget of an application: totals per year and cost line, what does not
 * add up, and what granting it would leave of the förbund's insats budget.
 * Amounts are whole kronor. Findings are flags for the reviewer, not refusals.
 */

export interface Sum {
  /** Sought from the förbund. */
  sought: number;
  coFinancing: number;
  /** sought + coFinancing. */
  total: number;
}

export interface YearTotals extends Sum {
  year: string;
  byCategory: Record<CostCategory, Sum>;
}

export interface BudgetTotals extends Sum {
  /** Years in ascending order, only those with lines. */
  years: YearTotals[];
  byCategory: Record<CostCategory, Sum>;
}

const zero = (): Sum => ({ sought: 0, coFinancing: 0, total: 0 });
const byCategoryZero = (): Record<CostCategory, Sum> =>
  Object.fromEntries(CostCategoryEnum.options.map((c) => [c, zero()])) as Record<CostCategory, Sum>;

function addTo(sum: Sum, s: Sum): void {
  sum.sought += s.sought;
  sum.coFinancing += s.coFinancing;
  sum.total += s.total;
}

/** The parts of one line: sought, the sum of its co-financing, and both together. */
export function lineSum(line: BudgetLine): Sum {
  const coFinancing = line.coFinancing.reduce((acc, c) => acc + c.amount, 0);
  return { sought: line.sought, coFinancing, total: line.sought + coFinancing };
}

export function budgetTotals(app: Pick<Application, 'budget'>): BudgetTotals {
  const totals: BudgetTotals = { ...zero(), years: [], byCategory: byCategoryZero() };
  const years = new Map<string, YearTotals>();
  for (const line of app.budget) {
    const s = lineSum(line);
    let y = years.get(line.year);
    if (!y) {
      y = { year: line.year, ...zero(), byCategory: byCategoryZero() };
      years.set(line.year, y);
    }
    addTo(y, s);
    addTo(y.byCategory[line.category], s);
    addTo(totals, s);
    addTo(totals.byCategory[line.category], s);
  }
  totals.years = [...years.values()].sort((a, b) => (a.year < b.year ? -1 : 1));
  return totals;
}

/** Year → amount sought from the förbund. */
export type YearAmounts = Record<string, number>;

export function soughtPerYear(app: Pick<Application, 'budget'>): YearAmounts {
  const out: YearAmounts = {};
  for (const y of budgetTotals(app).years) out[y.year] = y.sought;
  return out;
}

export type BudgetFlagCode = 'line-total-mismatch' | 'year-outside-period' | 'year-without-budget';

export interface BudgetFlag {
  code: BudgetFlagCode;
  /** Path in the application, as in ValidationIssue. */
  field: string;
  year: string;
  /** Swedish, shown as is. */
  message: string;
}

const kr = formatAmount;

/** What does not add up: stated line totals, lines outside the period, period years without a budget. */
export function budgetFlags(app: Pick<Application, 'budget' | 'period'>): BudgetFlag[] {
  const flags: BudgetFlag[] = [];
  // Both ends must be real dates: a period still being typed ("2027-0") says nothing about years.
  const periodOk = readDateInput(app.period.from).ok && readDateInput(app.period.to).ok && app.period.from <= app.period.to;
  const years = periodOk ? periodYears(app.period) : [];
  app.budget.forEach((line, i) => {
    const s = lineSum(line);
    const name = `${COST_CATEGORY_LABEL[line.category]}${line.description ? ` (${line.description})` : ''} ${line.year}`;
    if (line.statedTotal !== null && line.statedTotal !== s.total) {
      flags.push({
        code: 'line-total-mismatch',
        field: `budget.${i}.statedTotal`,
        year: line.year,
        message: `Budgetraden ${name} går inte ihop: sökt ${kr(s.sought)} och medfinansiering ${kr(s.coFinancing)} blir ${kr(s.total)}, men summan anges till ${kr(line.statedTotal)}.`,
      });
    }
    if (periodOk && !years.includes(line.year)) {
      flags.push({ code: 'year-outside-period', field: `budget.${i}.year`, year: line.year, message: `Budgetraden ${name} gäller ett år utanför insatsens period (${app.period.from}–${app.period.to}).` });
    }
  });
  const budgeted = new Set(app.budget.map((l) => l.year));
  for (const y of years) {
    if (!budgeted.has(y)) flags.push({ code: 'year-without-budget', field: 'budget', year: y, message: `Insatsen pågår ${y} men budgeten har inga rader för det året.` });
  }
  return flags;
}

export interface RemainingYear {
  year: string;
  /** The förbund's budget for insatser that year (0 if not set). */
  budget: number;
  /** Already granted to other insatser. */
  granted: number;
  /** Sought by this application. */
  sought: number;
  /** budget − granted: what is left before this application. */
  available: number;
  /** budget − granted − sought: what granting this would leave. Negative when it does not fit. */
  remaining: number;
  /** The förbund has set no budget for this year. */
  budgetMissing: boolean;
}

/**
 * What granting this application would leave of the förbund's insats budget,
 * per year: every year that has a budget, a grant or a sought amount.
 * `thisApplication` is the application (its sought amounts) or year → amount
 * (e.g. a proposed reduced grant).
 */
export function remainingBudget(forbundBudgetPerYear: YearAmounts, grantedPerYear: YearAmounts, thisApplication: Pick<Application, 'budget'> | YearAmounts): RemainingYear[] {
  const sought: YearAmounts = Array.isArray((thisApplication as { budget?: unknown }).budget)
    ? soughtPerYear(thisApplication as Pick<Application, 'budget'>)
    : (thisApplication as YearAmounts);
  const years = [...new Set([...Object.keys(forbundBudgetPerYear), ...Object.keys(grantedPerYear), ...Object.keys(sought)])].sort();
  return years.map((year) => {
    const budget = forbundBudgetPerYear[year] ?? 0;
    const granted = grantedPerYear[year] ?? 0;
    const s = sought[year] ?? 0;
    return { year, budget, granted, sought: s, available: budget - granted, remaining: budget - granted - s, budgetMissing: forbundBudgetPerYear[year] === undefined };
  });
}
