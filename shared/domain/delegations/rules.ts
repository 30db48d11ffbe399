import type { FederationState } from '../events/state';
import { formatAmount } from '../format';
import { isActiveOn } from '../forbund/model';
import { matterTextReason } from './matter-check';
import { ordningOf } from '../forbund/ordning';
import {
  DELEGATE_ROLE_LABEL,
  LIMIT_UNIT_LABEL,
  NON_DELEGABLE_LABEL,
  NON_DELEGABLE_LAW,
  isNonDelegable,
  type BaseAmountYear,
  type DelegateRef,
  type DelegationDecision,
  type DelegationOrder,
  type DelegationPoint,
  type Limit,
} from './model';
import type { DelegationOrderState } from './state';

/**
 * The delegation rules, pure. Each answers Swedish sentences the screen and
 * the refused list show as is.
 *
 * What blocks and what warns: rules with a source in the law (KL 6 kap. 38 §
 * via FinsamL 10 §: what may not be delegated, and to whom one may delegate)
 * and rules without which a record makes no sense (unique point numbers, a
 * period that ends after it starts, an amount within its limit) block.
 * Items DOMAIN.md marks [BK] or "typically" only warn: that FinsamL imports
 * KL's rule on brådskande ärenden, that larger insatser stay with the board,
 * that the förbundschef does not decide their own terms, and a retroactive
 * start. The board may have good reasons the app cannot see.
 */

export interface OrderIssues {
  errors: string[];
  warnings: string[];
}

const pointLabel = (p: Pick<DelegationPoint, 'number'>): string => `Punkt ${p.number}`;

/** Whether a person may be a delegate at all: a ledamot or ersättare (any term) or an employee (FinsamL 10 §). */
function mayBeDelegate(state: FederationState, personId: string): boolean {
  const p = state.persons[personId];
  return p !== undefined && (p.staffRole !== null || p.assignments.length > 0);
}

function refIssue(state: FederationState, ref: DelegateRef, what: string): string | null {
  if (ref.kind === 'role') return null;
  if (ref.kind === 'group') {
    const allowed = ordningOf(state).groupDelegates.some((g) => g.toLocaleLowerCase('sv') === ref.name.trim().toLocaleLowerCase('sv'));
    if (!allowed) return `Gruppen ”${ref.name}” får vara delegat bara om förbundsordningen eller reglementet tillåter det. Ange gruppen under Förbundet › Förbundsordningen, eller delegera till en namngiven person eller en roll.`;
    if (new Set(ref.members).size !== ref.members.length) return `Samma person står två gånger i gruppen ${ref.name}.`;
    for (const id of ref.members) {
      const p = state.persons[id];
      if (!p) return `${what}: en medlem i gruppen ${ref.name} finns inte i förbundets register.`;
      if (!mayBeDelegate(state, id)) {
        return `${what} (${p.name}, i gruppen ${ref.name}) är varken ledamot, ersättare eller anställd i förbundet; bara de kan få delegation (10 § lagen om finansiell samordning).`;
      }
    }
    return null;
  }
  const p = state.persons[ref.personId];
  if (!p) return `${what} finns inte i förbundets register.`;
  if (!mayBeDelegate(state, ref.personId)) {
    return `${what} (${p.name}) är varken ledamot, ersättare eller anställd i förbundet; bara de kan få delegation (10 § lagen om finansiell samordning).`;
  }
  return null;
}

const sameRef = (a: DelegateRef, b: DelegateRef): boolean => {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'role') return a.role === (b as typeof a).role;
  if (a.kind === 'group') return a.name.toLocaleLowerCase('sv') === (b as typeof a).name.toLocaleLowerCase('sv');
  return a.personId === (b as typeof a).personId;
};

const usesBaseAmount = (l: Limit | null): boolean => l !== null && l.unit !== 'kr';

/** The rules for one point; its number prefixes every sentence. */
export function pointIssues(state: FederationState, p: DelegationPoint): OrderIssues {
  const errors: string[] = [];
  const warnings: string[] = [];
  const at = pointLabel(p);
  if (isNonDelegable(p.category)) {
    errors.push(`${at}: ${NON_DELEGABLE_LABEL[p.category]} får inte delegeras (${NON_DELEGABLE_LAW}). Ta bort punkten; ärendet beslutas av styrelsen.`);
  }
  const text = matterTextReason(p.matter);
  if (text) errors.push(`${at}: ${text}`);
  const d = refIssue(state, p.delegate, 'Delegaten');
  if (d) errors.push(`${at}: ${d}`);
  if (p.standIn) {
    const s = refIssue(state, p.standIn, 'Ersättaren för delegaten');
    if (s) errors.push(`${at}: ${s}`);
    if (sameRef(p.delegate, p.standIn)) errors.push(`${at}: Ersättaren för delegaten är samma som delegaten. Välj en annan ersättare eller ingen.`);
  }
  if (p.category === 'urgent') {
    warnings.push(
      `${at}: Att lagen om finansiell samordning ger ordföranden rätt att besluta i brådskande ärenden (6 kap. 39 § kommunallagen) är inte bekräftat. Kontrollera att förbundsordningen eller reglementet ger stöd för punkten.`,
    );
    if (!p.mustReport) warnings.push(`${at}: Beslut i brådskande ärenden anmäls vid nästa sammanträde. Markera punkten som anmälningspliktig.`);
  }
  if (p.category === 'initiatives' && p.limit === null && /bevilj|finansier|medel|bidrag/iu.test(p.matter)) {
    warnings.push(`${at}: Punkten ger rätt att bevilja medel till insatser men har ingen beloppsgräns. Större insatser beviljas av styrelsen; ange en gräns.`);
  }
  const directorDecides = (r: DelegateRef | null) => r?.kind === 'role' && r.role === 'director';
  if (p.category === 'personnel' && (directorDecides(p.delegate) || directorDecides(p.standIn)) && /förbundschef\p{L}*\s[^.;]*(lön|villkor|anställning)|(lön|villkor|anställning)\p{L}*\s[^.;]*förbundschef/iu.test(p.matter)) {
    warnings.push(`${at}: Förbundschefen kan inte besluta om sina egna villkor (jäv). Delegera till ordföranden eller presidiet.`);
  }
  return { errors, warnings };
}

/** Everything about an order before it is recorded: errors refuse it, warnings are shown. */
export function orderIssues(state: FederationState, order: DelegationOrder): OrderIssues {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (order.validTo !== null && order.validTo < order.validFrom) {
    errors.push(`Delegationsordningen slutar gälla (${order.validTo}) innan den börjar gälla (${order.validFrom}). Rätta datumen.`);
  }
  if (order.adoptedOn > order.validFrom) {
    warnings.push(`Delegationsordningen gäller från ${order.validFrom}, före beslutet ${order.adoptedOn}. Delegation kan inte ges i efterhand; kontrollera datumen.`);
  }
  const seen = new Set<number>();
  for (const p of order.points) {
    if (seen.has(p.number)) errors.push(`${pointLabel(p)} finns två gånger. Varje punkt behöver ett eget nummer.`);
    seen.add(p.number);
    const r = pointIssues(state, p);
    errors.push(...r.errors);
    warnings.push(...r.warnings);
  }
  const year = order.validFrom.slice(0, 4);
  if (order.points.some((p) => usesBaseAmount(p.limit)) && !order.baseAmounts[year]) {
    warnings.push(`Värdet för prisbasbelopp och basbelopp ${year} saknas. Beslut med beloppsgräns i (pris)basbelopp kan inte registreras för ${year} förrän det är infört.`);
  }
  return { errors, warnings };
}

/** A beloppsgräns in whole kronor for a year, or why it cannot be computed. */
export function limitInKr(limit: Limit, baseAmounts: Record<string, BaseAmountYear>, year: string): { ok: true; kr: number } | { ok: false; reason: string } {
  if (limit.unit === 'kr') return { ok: true, kr: limit.amount };
  const values = baseAmounts[year];
  if (!values) {
    return {
      ok: false,
      reason: `Delegationsordningen har inget värde för ${LIMIT_UNIT_LABEL[limit.unit]} ${year}, så beloppsgränsen kan inte räknas om till kronor. Ange ${LIMIT_UNIT_LABEL[limit.unit]} för ${year} (enligt SCB) i delegationsordningen och registrera beslutet igen.`,
    };
  }
  const per = limit.unit === 'priceBaseAmount' ? values.priceBaseAmount : values.baseAmount;
  return { ok: true, kr: Math.floor(limit.amount * per + 1e-9) };
}

/** `3 prisbasbelopp (177 600 kr 2026)`, or `50 000 kr`. */
export function describeLimit(limit: Limit | null, baseAmounts: Record<string, BaseAmountYear>, year: string): string {
  if (!limit) return 'Ingen';
  if (limit.unit === 'kr') return formatAmount(limit.amount);
  const amount = String(limit.amount).replace('.', ',');
  const kr = limitInKr(limit, baseAmounts, year);
  return `${amount} ${LIMIT_UNIT_LABEL[limit.unit]} (${kr.ok ? `${formatAmount(kr.kr)} ${year}` : `värde för ${year} saknas`})`;
}

/** The persons holding a delegate reference on a date: the role's holders, or the named person. */
export function holdersOf(state: FederationState, ref: DelegateRef, date: string): string[] {
  if (ref.kind === 'person') return state.persons[ref.personId] ? [ref.personId] : [];
  if (ref.kind === 'group') return ref.members.filter((id) => state.persons[id] !== undefined);
  const persons = Object.values(state.persons);
  if (ref.role === 'director') return persons.filter((p) => p.staffRole === 'director').map((p) => p.id);
  return persons.filter((p) => p.assignments.some((a) => a.role === ref.role && isActiveOn(a, date))).map((p) => p.id);
}

/** `Förbundschef` or the person's name. */
export function describeRef(state: FederationState, ref: DelegateRef | null): string {
  if (!ref) return '—';
  if (ref.kind === 'group') {
    const names = ref.members.map((id) => state.persons[id]?.name ?? 'okänd person').sort((a, b) => a.localeCompare(b, 'sv'));
    return `${ref.name} (${names.join(', ')})`;
  }
  return ref.kind === 'role' ? DELEGATE_ROLE_LABEL[ref.role] : state.persons[ref.personId]?.name ?? 'okänd person';
}

/** A delegate inside a sentence: "ordföranden", "förbundschefen", or the person's name. */
const ROLE_IN_SENTENCE: Record<keyof typeof DELEGATE_ROLE_LABEL, string> = { chair: 'ordföranden', viceChair: 'vice ordföranden', director: 'förbundschefen' };
function inSentence(state: FederationState, ref: DelegateRef): string {
  return ref.kind === 'role' ? ROLE_IN_SENTENCE[ref.role] : describeRef(state, ref);
}

/**
 * The last day an order is in force: the day before the order that replaced
 * it starts, else its own validTo (null = until further notice).
 */
export function effectiveEnd(state: FederationState, order: DelegationOrderState): string | null {
  const next = order.replacedBy ? state.delegationOrders[order.replacedBy] : undefined;
  const dayBefore = next ? previousDay(next.validFrom) : null;
  if (dayBefore === null) return order.validTo;
  return order.validTo === null || dayBefore < order.validTo ? dayBefore : order.validTo;
}

export function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function isInForce(state: FederationState, order: DelegationOrderState, date: string): boolean {
  const end = effectiveEnd(state, order);
  return order.validFrom <= date && (end === null || date <= end);
}

/** The order in force on a date; if several overlap (adopted on different laptops), the latest start wins. */
export function orderInForce(state: FederationState, date: string): DelegationOrderState | null {
  const candidates = Object.values(state.delegationOrders).filter((o) => isInForce(state, o, date));
  candidates.sort((a, b) => (b.validFrom.localeCompare(a.validFrom) || b.adoptedOn.localeCompare(a.adoptedOn) || (a.id < b.id ? 1 : -1)));
  return candidates[0] ?? null;
}

type DecisionFacts = Pick<DelegationDecision, 'orderId' | 'pointNumber' | 'decidedBy' | 'date' | 'amountKr'>;

/** Why a delegationsbeslut cannot be recorded; [] when it can. */
export function decisionIssues(state: FederationState, d: DecisionFacts): string[] {
  const order = state.delegationOrders[d.orderId];
  if (!order) return ['Delegationsordningen som beslutet hänvisar till finns inte.'];
  const point = order.points.find((p) => p.number === d.pointNumber);
  if (!point) return [`Delegationsordningen antagen ${order.adoptedOn} har ingen punkt ${d.pointNumber}.`];
  const reasons: string[] = [];
  if (!isInForce(state, order, d.date)) {
    const end = effectiveEnd(state, order);
    const replaced = order.replacedBy && end !== order.validTo ? ' (den ersattes av en ny delegationsordning)' : '';
    reasons.push(
      `Beslutsdatumet ${d.date} ligger utanför tiden delegationsordningen gällde, ${order.validFrom}–${end ?? 'tills vidare'}${replaced}. Välj den delegationsordning som gällde den dagen.`,
    );
  }
  const decider = state.persons[d.decidedBy];
  if (!decider) {
    reasons.push('Beslutsfattaren finns inte i förbundets register.');
  } else {
    const delegates = holdersOf(state, point.delegate, d.date);
    const standIns = point.standIn ? holdersOf(state, point.standIn, d.date) : [];
    if (!delegates.includes(decider.id) && !standIns.includes(decider.id)) {
      const who = point.standIn ? `${inSentence(state, point.delegate)} eller, som ersättare, ${inSentence(state, point.standIn)}` : inSentence(state, point.delegate);
      reasons.push(`${decider.name} är inte delegat för punkt ${point.number} den ${d.date}; beslutet får fattas av ${who}.`);
    } else if ((point.delegate.kind !== 'role' && delegates.includes(decider.id)) || (point.standIn !== null && point.standIn.kind !== 'role' && standIns.includes(decider.id))) {
      // A role is held on the date by definition; a named person must still be on the board or staff that day.
      const onDate = decider.staffRole !== null || decider.assignments.some((a) => isActiveOn(a, d.date));
      if (!onDate) reasons.push(`${decider.name} hade inget uppdrag i styrelsen och var inte anställd den ${d.date}.`);
    }
  }
  if (point.limit) {
    if (d.amountKr === null) {
      reasons.push(`Punkt ${point.number} har en beloppsgräns; ange beslutets belopp i kronor.`);
    } else {
      const year = d.date.slice(0, 4);
      const kr = limitInKr(point.limit, order.baseAmounts, year);
      if (!kr.ok) reasons.push(kr.reason);
      else if (d.amountKr > kr.kr) {
        reasons.push(
          `Beloppet ${formatAmount(d.amountKr)} är över beloppsgränsen för punkt ${point.number}, ${describeLimit(point.limit, order.baseAmounts, year)}. ` +
            `Ett beslut över gränsen fattas av styrelsen.`,
        );
      }
    }
  }
  return reasons;
}
