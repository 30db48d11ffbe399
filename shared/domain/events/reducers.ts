import type { VerifiedEvent } from '../log/signed-event';
import { APPLICATION_REDUCERS } from '../applications/reducers';
import { DELEGATION_REDUCERS } from '../delegations/reducers';
import { FORBUND_REDUCERS } from '../forbund/reducers';
import { MEETING_REDUCERS } from '../meetings/reducers';
import { PKI_REDUCERS } from '../pki/reducers';
import type { EventType, PayloadOf } from './catalogue';
import type { Reducer } from './kernel/history';
import type { Working } from './working';

/**
 * How each event type changes the state: every feature's reducers, composed.
 * Reducers run only after the key gate and the authority rule said yes; they never refuse.
 */
export const REDUCERS: { [T in EventType]: Reducer<Working, PayloadOf<T>> } = {
  ...FORBUND_REDUCERS,
  ...APPLICATION_REDUCERS,
  ...MEETING_REDUCERS,
  ...DELEGATION_REDUCERS,
  ...PKI_REDUCERS,
};

export function reduce<T extends EventType>(type: T, w: Working, event: VerifiedEvent, payload: PayloadOf<T>): void {
  (REDUCERS[type] as Reducer<Working, PayloadOf<T>>)(w, event, payload);
}
