import { z } from 'zod';
import type { EventBody } from '../log/signed-event';
import type { SubjectKind } from '../events/catalogue';
import { Year } from '../forbund/model';
import { BaseAmountYear, DelegationDecision, DelegationOrder } from './model';

/**
 * The catalogue entries of the delegation events (see events.ts for what each
 * means). Only type imports from events/: catalogue.ts imports this module.
 */

const BaseAmountsSet = z.object({ orderId: z.uuid(), year: Year }).extend(BaseAmountYear.shape).strict();

interface Definition<S extends z.ZodType> {
  payload: S;
  label: string;
  subjectKind: SubjectKind;
  subject: (body: EventBody, payload: z.output<S>) => string;
}
const def = <S extends z.ZodType>(d: Definition<S>): Definition<S> => d;

export const DELEGATION_EVENTS = {
  'delegation.order.adopted': def({ payload: DelegationOrder, label: 'Delegationsordning registrerades', subjectKind: 'delegationOrder', subject: (_, p) => p.id }),
  'delegation.baseamounts.set': def({ payload: BaseAmountsSet, label: 'Prisbasbelopp i delegationsordningen angavs', subjectKind: 'delegationOrder', subject: (_, p) => p.orderId }),
  'delegation.decision.recorded': def({ payload: DelegationDecision, label: 'Delegationsbeslut registrerades', subjectKind: 'delegationDecision', subject: (_, p) => p.id }),
} as const;

