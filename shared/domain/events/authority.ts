import type { VerifiedEvent } from '../log/signed-event';
import { APPLICATION_AUTHORITY } from '../applications/authority';
import { DELEGATION_AUTHORITY } from '../delegations/authority';
import { FORBUND_AUTHORITY } from '../forbund/authority';
import { MEETING_AUTHORITY } from '../meetings/authority';
import { PKI_AUTHORITY } from '../pki/authority';
import type { EventType, PayloadOf } from './catalogue';
import type { Rule, Verdict } from './kernel/verdict';
import type { FederationState } from './state';

export type { Verdict } from './kernel/verdict';

/**
 * Who may do what: every feature's rules, composed. Checked on every laptop
 * when an event is applied, against the state just before it, so authority is
 * judged as of that point in the shared order, the same everywhere.
 */
export const AUTHORITY: { [T in EventType]: Rule<FederationState, PayloadOf<T>> } = {
  ...FORBUND_AUTHORITY,
  ...APPLICATION_AUTHORITY,
  ...MEETING_AUTHORITY,
  ...DELEGATION_AUTHORITY,
  ...PKI_AUTHORITY,
};

export function authorize<T extends EventType>(type: T, state: FederationState, event: VerifiedEvent, payload: PayloadOf<T>): Verdict {
  return (AUTHORITY[type] as Rule<FederationState, PayloadOf<T>>)(state, event, payload);
}
