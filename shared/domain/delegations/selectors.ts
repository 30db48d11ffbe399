import type { FederationState } from '../events/state';
import { personName } from '../events/state';
import { formatAmount } from '../format';
import type { DelegationDecisionState, DelegationOrderState } from './state';

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

/**
 * One delegationsbeslut as the protokoll and the kallelse list it under
 * "Anmälan av delegationsbeslut": date, Dnr, decision maker, the point it
 * rests on, the decision and the amount.
 */
export function delegationDecisionLine(state: FederationState, decisionId: string): string | null {
  const d = state.delegationDecisions[decisionId];
  if (!d) return null;
  const point = state.delegationOrders[d.orderId]?.points.find((p) => p.number === d.pointNumber);
  const amount = d.amountKr === null ? '' : ` Belopp: ${formatAmount(d.amountKr)}.`;
  const text = /[.!?]$/.test(d.text.trim()) ? d.text.trim() : `${d.text.trim()}.`;
  // Diarienummer are often written with their prefix ("Dnr 2026/11"); never twice.
  const dnr = /^dnr\b/i.test(d.dnr.trim()) ? d.dnr.trim() : `Dnr ${d.dnr.trim()}`;
  return `Delegationsbeslut ${d.date}, ${dnr}, ${personName(state, d.decidedBy)}, punkt ${d.pointNumber}${point ? ` (${point.matter.toLowerCase()})` : ''}: ${text}${amount}`;
}
