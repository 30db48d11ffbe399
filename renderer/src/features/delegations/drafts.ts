import {
  DEFAULT_BASE_AMOUNTS,
  DELEGATE_ROLE_LABEL,
  DelegateRole,
  DelegationOrder,
  LimitUnit,
  type DelegateRef,
  type DelegationPoint,
  type MatterKind,
} from '../../../../shared/domain/delegations';
import { describeRef, holdersOf } from '../../../../shared/domain/delegations/rules';
import { ordningOf } from '../../../../shared/domain/forbund/ordning';
import { today } from '../../lib/roster';
import type { FederationState } from '../../../../shared/domain/events';
import { groupDigits } from '../../../../shared/domain/format';
import { dateInputError } from '../../../../shared/domain/date-input';

/** Form drafts of a delegationsordning: strings as typed, turned into the payload with Swedish field errors. Pure. */

export interface PointDraft {
  key: string;
  number: string;
  category: MatterKind;
  matter: string;
  legalGround: string;
  /** `role:director` or `person:<id>`. */
  delegate: string;
  /** '' for none. */
  standIn: string;
  limitAmount: string;
  /** '' for no limit. */
  limitUnit: LimitUnit | '';
  mustReport: boolean;
  comment: string;
}

export interface OrderDraft {
  adoptedOn: string;
  adoptedBy: string;
  validFrom: string;
  validTo: string;
  priceBaseAmount: string;
  baseAmount: string;
  points: PointDraft[];
}

export const refValue = (r: DelegateRef | null): string =>
  r === null ? '' : r.kind === 'role' ? `role:${r.role}` : r.kind === 'group' ? `group:${r.members.join(',')}:${r.name}` : `person:${r.personId}`;

export function refFromValue(v: string): DelegateRef | null {
  const at = v.indexOf(':');
  const kind = at < 0 ? v : v.slice(0, at);
  const rest = at < 0 ? '' : v.slice(at + 1);
  if (kind === 'group') {
    const sep = rest.indexOf(':');
    const members = rest.slice(0, Math.max(sep, 0)).split(',').filter((id) => id !== '');
    const name = sep < 0 ? '' : rest.slice(sep + 1);
    return members.length > 0 && name.trim() !== '' ? { kind: 'group', name, members } : null;
  }
  if (kind === 'role') {
    const role = DelegateRole.safeParse(rest);
    return role.success ? { kind: 'role', role: role.data } : null;
  }
  if (kind === 'person' && rest) return { kind: 'person', personId: rest };
  return null;
}

/** Choices for Delegat / Ersättare: the roles first, then ledamöter, ersättare and staff by name. */
export function delegateOptions(state: FederationState): Array<{ group: string; items: Array<{ value: string; label: string }> }> {
  const people = Object.values(state.persons)
    .filter((p) => p.staffRole !== null || p.assignments.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  // A group the förbundsordning allows (e.g. presidiet): its members are today's ordförande and vice ordförande.
  const presidium = (['chair', 'viceChair'] as const).flatMap((role) => holdersOf(state, { kind: 'role', role }, today()));
  const groups = presidium.length === 0 ? [] : ordningOf(state).groupDelegates.map((name) => {
    const ref: DelegateRef = { kind: 'group', name, members: presidium };
    return { value: refValue(ref), label: describeRef(state, ref) };
  });
  return [
    { group: 'Roll', items: DelegateRole.options.map((r) => ({ value: `role:${r}`, label: DELEGATE_ROLE_LABEL[r] })) },
    ...(groups.length > 0 ? [{ group: 'Grupp enligt förbundsordningen', items: groups }] : []),
    { group: 'Namngiven person', items: people.map((p) => ({ value: `person:${p.id}`, label: p.name })) },
  ];
}

export function toPointDraft(p: DelegationPoint, key: string): PointDraft {
  return {
    key,
    number: String(p.number),
    category: p.category,
    matter: p.matter,
    legalGround: p.legalGround,
    delegate: refValue(p.delegate),
    standIn: refValue(p.standIn),
    limitAmount: p.limit ? String(p.limit.amount).replace('.', ',') : '',
    limitUnit: p.limit?.unit ?? '',
    mustReport: p.mustReport,
    comment: p.comment,
  };
}

export function emptyPointDraft(key: string, number: number): PointDraft {
  return { key, number: String(number), category: 'other', matter: '', legalGround: '', delegate: 'role:director', standIn: '', limitAmount: '', limitUnit: '', mustReport: true, comment: '' };
}

export function initialOrderDraft(points: readonly DelegationPoint[], today: string): OrderDraft {
  const year = today.slice(0, 4);
  const base = DEFAULT_BASE_AMOUNTS[year];
  return {
    adoptedOn: today,
    adoptedBy: '',
    validFrom: today,
    validTo: '',
    priceBaseAmount: base ? groupDigits(base.priceBaseAmount) : '',
    baseAmount: base ? groupDigits(base.baseAmount) : '',
    points: points.map((p, i) => toPointDraft(p, `p${i}`)),
  };
}

/** "50 000", "0,5" → number; null if not a number. */
export function parseNumber(s: string): number | null {
  const t = s.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (t === '' || !/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

export type PointFieldErrors = Partial<Record<'number' | 'matter' | 'delegate' | 'limitAmount', string>>;

export function pointDraftErrors(d: PointDraft): PointFieldErrors {
  const e: PointFieldErrors = {};
  const n = parseNumber(d.number);
  if (n === null || !Number.isInteger(n) || n < 1 || n > 999) e.number = 'Ange punktens nummer, ett heltal 1–999.';
  if (d.matter.trim() === '') e.matter = 'Beskriv ärendet som delegeras.';
  if (!refFromValue(d.delegate)) e.delegate = 'Välj delegat.';
  if (d.limitUnit !== '') {
    const a = parseNumber(d.limitAmount);
    if (a === null || a <= 0) e.limitAmount = 'Ange beloppsgränsen som ett tal större än noll, till exempel 50 000 eller 0,5.';
    else if (d.limitUnit === 'kr' && !Number.isInteger(a)) e.limitAmount = 'En gräns i kronor anges i hela kronor.';
    else if (Math.round(a * 100) !== a * 100) e.limitAmount = 'Ange högst två decimaler.';
  }
  return e;
}

export function pointFromDraft(d: PointDraft): DelegationPoint | null {
  if (Object.keys(pointDraftErrors(d)).length > 0) return null;
  const delegate = refFromValue(d.delegate)!;
  const unit = d.limitUnit === '' ? null : LimitUnit.parse(d.limitUnit);
  return {
    number: parseNumber(d.number)!,
    category: d.category,
    matter: d.matter.trim(),
    legalGround: d.legalGround.trim(),
    delegate,
    standIn: refFromValue(d.standIn),
    limit: unit ? { amount: parseNumber(d.limitAmount)!, unit } : null,
    mustReport: d.mustReport,
    comment: d.comment.trim(),
  };
}

export type OrderFieldErrors = Partial<Record<'adoptedOn' | 'adoptedBy' | 'validFrom' | 'validTo' | 'priceBaseAmount' | 'baseAmount' | 'points', string>>;

const dateField = (v: string, what: string, optional = false): string | undefined => {
  if (optional && v.trim() === '') return undefined;
  return dateInputError(v, what, '2026-02-01') ?? undefined;
};

export function orderDraftErrors(d: OrderDraft): OrderFieldErrors {
  const e: OrderFieldErrors = {};
  const set = <K extends keyof OrderFieldErrors>(k: K, v: string | undefined) => {
    if (v) e[k] = v;
  };
  set('adoptedOn', dateField(d.adoptedOn, 'datum för beslutet'));
  if (d.adoptedBy.trim() === '') e.adoptedBy = 'Ange paragrafen i protokollet, till exempel § 12/2026.';
  set('validFrom', dateField(d.validFrom, 'datum då ordningen börjar gälla'));
  set('validTo', dateField(d.validTo, 'slutdatum', true));
  for (const k of ['priceBaseAmount', 'baseAmount'] as const) {
    if (d[k].trim() === '') continue;
    const n = parseNumber(d[k]);
    if (n === null || !Number.isInteger(n) || n <= 0) e[k] = 'Ange beloppet i hela kronor, till exempel 59 200.';
  }
  if ((d.priceBaseAmount.trim() === '') !== (d.baseAmount.trim() === '')) {
    e[d.priceBaseAmount.trim() === '' ? 'priceBaseAmount' : 'baseAmount'] = 'Ange både prisbasbelopp och basbelopp för året, eller inget av dem.';
  }
  if (d.points.length === 0) e.points = 'Lägg till minst en punkt.';
  return e;
}

/** The payload, or null while a field has an error. */
export function orderFromDraft(d: OrderDraft, id: string, replaces: string | null): DelegationOrder | null {
  if (Object.keys(orderDraftErrors(d)).length > 0) return null;
  const points = d.points.map(pointFromDraft);
  if (points.some((p) => p === null)) return null;
  const year = d.validFrom.trim().slice(0, 4);
  const baseAmounts = d.priceBaseAmount.trim() === '' ? {} : { [year]: { priceBaseAmount: parseNumber(d.priceBaseAmount)!, baseAmount: parseNumber(d.baseAmount)! } };
  const r = DelegationOrder.safeParse({
    id,
    adoptedOn: d.adoptedOn.trim(),
    adoptedBy: d.adoptedBy.trim(),
    validFrom: d.validFrom.trim(),
    validTo: d.validTo.trim() === '' ? null : d.validTo.trim(),
    replaces,
    baseAmounts,
    points,
  });
  return r.success ? r.data : null;
}
