import type { DelegationDecision, DelegationOrder } from './model';

/** The delegations' part of the state (events/state.ts composes it). */

/** The order in state: the adopted payload plus who recorded it and what replaced it. */
export interface DelegationOrderState extends DelegationOrder {
  recordedBy: string;
  recordedAt: string;
  /** The order that replaced this one from its validFrom, if any. */
  replacedBy: string | null;
  heads: string[];
}

/** A recorded delegationsbeslut; `mustReport` is copied from its point when recorded. */
export interface DelegationDecisionState extends DelegationDecision {
  mustReport: boolean;
  recordedBy: string;
  recordedAt: string;
  heads: string[];
}
