import type { DelegationDecisionState, DelegationOrderInput, DelegationPoint } from '../../../../../shared/domain/delegations';
import { SODERASEN_POINTS } from '../../../../../shared/domain/delegations';
import { emptyState, type FederationState, type PersonState } from '../../../../../shared/domain/events';
import { DIRECTOR, LEDAMOT, ORDF, ORG, TERM, baseSetup, ev, personAdded, registerKey, uuid, type Actor } from '../../../../helpers/event-builder';

export const ORDER_ID = uuid(0xd01);
export const ORDER_2 = uuid(0xd02);
export const VICE = { id: uuid(5), name: 'Vera Vice', email: 'vera@example.se', key: 'a'.repeat(64) } satisfies Actor;

/** Events are stamped mid-2026 so decisions dated in the first half of 2026 have happened. */
export const AT = '2026-06-15T10:00:00.000Z';

export function order(over: Partial<DelegationOrderInput> = {}): DelegationOrderInput {
  return {
    id: ORDER_ID,
    adoptedOn: '2025-12-10',
    adoptedBy: '§ 42/2025',
    validFrom: '2026-01-01',
    validTo: null,
    replaces: null,
    baseAmounts: { '2026': { priceBaseAmount: 59_200, baseAmount: 59_200 } },
    points: [
      ...SODERASEN_POINTS,
      {
        number: 8,
        category: 'urgent',
        matter: 'Beslut i ärenden som är så brådskande att styrelsens avgörande inte kan avvaktas',
        legalGround: '6 kap. 39 § kommunallagen',
        delegate: { kind: 'role', role: 'chair' },
        standIn: { kind: 'role', role: 'viceChair' },
        limit: null,
        mustReport: true,
        comment: '',
      },
      {
        number: 9,
        category: 'initiatives',
        matter: 'Bevilja medel till förstudier',
        legalGround: '10 § lagen om finansiell samordning',
        delegate: { kind: 'role', role: 'director' },
        standIn: { kind: 'role', role: 'chair' },
        limit: { amount: 50_000, unit: 'kr' },
        mustReport: true,
        comment: '',
      },
    ],
    ...over,
  };
}

export const point = (over: Partial<DelegationPoint> = {}): DelegationPoint => ({
  number: 1,
  category: 'finance',
  matter: 'Attestera fakturor',
  legalGround: '',
  delegate: { kind: 'role', role: 'director' },
  standIn: null,
  limit: null,
  mustReport: true,
  comment: '',
  ...over,
});

/** baseSetup plus a chair (Olle, region) and a vice chair (Vera, kommun), Olle's key accepted. Lamport 1–13. */
export function setup() {
  const { events } = baseSetup();
  const ordfKey = registerKey(ORDF, 12);
  const more = [
    personAdded(DIRECTOR, ORDF, 10, { organisationId: ORG.region, assignments: [{ role: 'chair', organisationId: ORG.region, ...TERM }] }),
    personAdded(DIRECTOR, VICE, 11, { organisationId: ORG.kommun, assignments: [{ role: 'viceChair', organisationId: ORG.kommun, ...TERM }] }),
    ordfKey,
    ev(DIRECTOR, 'key.accepted', { fingerprint: ORDF.key }, 13, { prev: [ordfKey.id] }),
  ];
  return [...events, ...more];
}

export const adopt = (lamport: number, over: Partial<DelegationOrderInput> = {}, by: Actor = DIRECTOR) =>
  ev(by, 'delegation.order.adopted', order(over) as unknown as Record<string, unknown>, lamport, { at: AT });

let n = 0xe00;
export function decision(over: Record<string, unknown> = {}) {
  return { id: uuid(++n), orderId: ORDER_ID, pointNumber: 9, decidedBy: DIRECTOR.id, date: '2026-03-02', dnr: '2026:14', text: 'Förstudie om unga i Mjölby beviljas.', amountKr: 40_000, ...over };
}

export const record = (lamport: number, payload: Record<string, unknown>, by: Actor = DIRECTOR) =>
  ev(by, 'delegation.decision.recorded', payload, lamport, { at: AT });

export { DIRECTOR, LEDAMOT, ORDF };

/** A bare state for the pure selectors. */
export function stateWith(decisions: Array<Partial<DelegationDecisionState> & { id: string }>): FederationState {
  const s = emptyState();
  for (const d of decisions) {
    s.delegationDecisions[d.id] = {
      orderId: ORDER_ID, pointNumber: 1, decidedBy: DIRECTOR.id, date: '2026-01-10', dnr: 'x', text: 't', amountKr: null,
      mustReport: true, recordedBy: DIRECTOR.id, recordedAt: AT, heads: [], ...d,
    };
  }
  return s;
}

export const person = (over: Partial<PersonState>): PersonState => ({ id: uuid(99), name: 'P', email: 'p@example.se', organisationId: null, staffRole: null, assignments: [], heads: [], ...over });
