import type { FieldDiff } from '../../../../shared/domain/applications';
import type { FederationState } from '../../../../shared/domain/events';
import { formatAmount } from '../../../../shared/domain/format';

const AMOUNT_FIELD = /(sought|statedTotal|budgetTotal|amount)/;
const MAX = 160;

/**
 * A changed value as a reader wants it: amounts in kronor, organisations by
 * name, long texts shortened. Null for whole objects (a budget line added or
 * removed, an attachment): the label already says what happened.
 */
export function formatDiffValue(state: FederationState, field: string, value: FieldDiff['from']): string | null {
  if (value === null) return '–';
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (typeof value === 'number') return AMOUNT_FIELD.test(field) ? formatAmount(value) : String(value).replace('.', ',');
  if (typeof value === 'string') {
    const name = state.organisations[value]?.name;
    if (name) return name;
    return value.length > MAX ? `”${value.slice(0, MAX)} …”` : `”${value}”`;
  }
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return value.map((v) => state.organisations[v as string]?.name ?? (v as string)).join(', ') || '–';
    return null;
  }
  if (field === 'period' && typeof value.from === 'string' && typeof value.to === 'string') return `${value.from} – ${value.to}`;
  return null;
}
