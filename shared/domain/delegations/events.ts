import { z } from 'zod';
import { def } from '../events/kernel/definition';
import { Year } from '../forbund/model';
import { BaseAmountYear, DelegationDecision, DelegationOrder } from './model';

/**
 * The delegation events: a delegationsordning adopted, its prisbasbelopp for a
 * year, and a delegationsbeslut recorded (authority.ts says who may, reducers.ts
 * what each changes).
 */

const BaseAmountsSet = z.object({ orderId: z.uuid(), year: Year }).extend(BaseAmountYear.shape).strict();


export const DELEGATION_EVENTS = {
  'delegation.order.adopted': def({ payload: DelegationOrder, label: 'Delegationsordning registrerades', subjectKind: 'delegationOrder', subject: (_, p) => p.id }),
  'delegation.baseamounts.set': def({ payload: BaseAmountsSet, label: 'Prisbasbelopp i delegationsordningen angavs', subjectKind: 'delegationOrder', subject: (_, p) => p.orderId }),
  'delegation.decision.recorded': def({ payload: DelegationDecision, label: 'Delegationsbeslut registrerades', subjectKind: 'delegationDecision', subject: (_, p) => p.id }),
} as const;


export type DelegationEventType = keyof typeof DELEGATION_EVENTS;
export type DelegationPayload<T extends DelegationEventType> = z.output<(typeof DELEGATION_EVENTS)[T]['payload']>;
