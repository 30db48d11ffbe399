import type { FederationState } from '../../../../shared/domain/events';
import { reportedDelegationDecisionIds } from '../../../../shared/domain/meetings';

/**
 * The ids of delegationsbeslut already reported ("Anmälan av delegationsbeslut")
 * in justerade protokoll: the meetings domain knows which agenda items listed
 * them and whether that protokoll (or that §) is locked.
 */
export function reportedDelegationIds(state: FederationState): ReadonlySet<string> {
  return new Set(reportedDelegationDecisionIds(state));
}
