import { addVersion, recordCreation, recordHistory, type Reducer } from '../events/kernel/history';
import type { FieldChange, Json } from '../events/state';
import type { Working } from '../events/working';
import type { DelegationEventType, DelegationPayload } from './events';
import type { DelegationDecisionState, DelegationOrderState } from './state';

type Payload<T extends DelegationEventType> = DelegationPayload<T>;

/** How each delegation event changes the state (authority.ts has already said yes). */

const asJson = (v: unknown): Json => JSON.parse(JSON.stringify(v)) as Json;

const ORDER_LABEL: Record<string, string> = {
  adoptedOn: 'antagen',
  adoptedBy: 'beslut (§)',
  validFrom: 'gäller från',
  validTo: 'gäller till',
  replaces: 'ersätter',
  replacedBy: 'ersatt av',
  baseAmounts: 'prisbasbelopp och basbelopp',
  points: 'punkter',
  recordedBy: 'registrerad av',
  recordedAt: 'registrerad',
};

const DECISION_LABEL: Record<string, string> = {
  orderId: 'delegationsordning',
  pointNumber: 'punkt',
  decidedBy: 'beslutsfattare',
  date: 'beslutsdatum',
  dnr: 'diarienummer',
  text: 'beslut',
  amountKr: 'belopp (kr)',
  mustReport: 'anmäls till styrelsen',
  recordedBy: 'registrerat av',
  recordedAt: 'registrerat',
};

/** recordCreation names fields by their key; the delegation history uses Swedish labels. */
function relabel(w: Working, subjectId: string, labels: Record<string, string>): void {
  const entry = w.state.history[subjectId]?.at(-1);
  if (entry) entry.changes = entry.changes.map((c) => ({ ...c, label: labels[c.field] ?? c.label }));
}

/** One reducer per event type; the mapped type makes a missing reducer a compile error. */
export const DELEGATION_REDUCERS: { [T in DelegationEventType]: Reducer<Working, Payload<T>> } = {
  'delegation.order.adopted': (w, e, p) => {
    const order: DelegationOrderState = { ...p, recordedBy: e.body.author, recordedAt: e.body.at, replacedBy: null, heads: [] };
    w.state.delegationOrders[order.id] = order;
    recordCreation(w, order.id, e, order);
    relabel(w, order.id, ORDER_LABEL);
    const old = p.replaces ? w.state.delegationOrders[p.replaces] : undefined;
    if (old) {
      old.replacedBy = order.id;
      addVersion(w, old.id, old, e);
      recordHistory(w, old.id, e, [{ field: 'replacedBy', label: ORDER_LABEL.replacedBy as string, from: null, to: order.id }]);
    }
  },
  'delegation.baseamounts.set': (w, e, p) => {
    const order = w.state.delegationOrders[p.orderId] as DelegationOrderState;
    const from = order.baseAmounts[p.year] ?? null;
    const to = { priceBaseAmount: p.priceBaseAmount, baseAmount: p.baseAmount };
    order.baseAmounts[p.year] = to;
    addVersion(w, order.id, order, e);
    const change: FieldChange = { field: `baseAmounts.${p.year}`, label: `prisbasbelopp och basbelopp ${p.year}`, from: asJson(from), to: asJson(to) };
    recordHistory(w, order.id, e, [change]);
  },
  'delegation.decision.recorded': (w, e, p) => {
    const point = w.state.delegationOrders[p.orderId]?.points.find((x) => x.number === p.pointNumber);
    const decision: DelegationDecisionState = { ...p, mustReport: point?.mustReport ?? true, recordedBy: e.body.author, recordedAt: e.body.at, heads: [] };
    w.state.delegationDecisions[decision.id] = decision;
    recordCreation(w, decision.id, e, decision);
    relabel(w, decision.id, DECISION_LABEL);
  },
};
