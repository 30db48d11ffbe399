import type { VerifiedEvent } from '../../log/signed-event';

/**
 * Who may do what: a feature's authority rule answers ok or a Swedish reason
 * that the refused list shows as is. Rules run on every laptop against the
 * state just before the event, so authority is judged as of that point in
 * the shared order, the same everywhere.
 */
export type Verdict = { ok: true } | { ok: false; reason: string };

export const OK: Verdict = { ok: true };

export const no = (reason: string): Verdict => ({ ok: false, reason });

/** An authority rule for one event type: `S` the composed state, `P` the type's payload. */
export type Rule<S, P> = (state: S, event: VerifiedEvent, payload: P) => Verdict;
