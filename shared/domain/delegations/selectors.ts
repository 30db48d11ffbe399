import type { FederationState } from '../events/state';
import type { DelegationDecisionState, DelegationOrderState } from './model';

/**
 * Read-side helpers for screens and for the meetings domain. The meetings
 * session builds "Anmälan av delegationsbeslut" from pendingDelegationReports
 * and passes the ids already reported in justerade protokoll; this module
 * does not know meetings.
 */

const byDate = (a: DelegationDecisionState, b: DelegationDecisionState): number =>
  a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Decisions that must be reported, dated on or before the meeting, not yet reported; oldest first. */
export function pendingDelegationReports(state: FederationState, meetingDate: string, reportedIds: ReadonlySet<string>): DelegationDecisionState[] {
  return Object.values(state.delegationDecisions)
    .filter((d) => d.mustReport && d.date <= meetingDate && !reportedIds.has(d.id))
    .sort(byDate);
}

/** Every decision, newest first, for the register. */
export function delegationDecisionsNewestFirst(state: FederationState): DelegationDecisionState[] {
  return Object.values(state.delegationDecisions).sort((a, b) => byDate(b, a));
}

/** Every order, the latest start first. */
export function delegationOrdersLatestFirst(state: FederationState): DelegationOrderState[] {
  return Object.values(state.delegationOrders).sort((a, b) => b.validFrom.localeCompare(a.validFrom) || b.adoptedOn.localeCompare(a.adoptedOn));
}
