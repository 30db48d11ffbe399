/** Delegationsordning and delegationsbeslut: model, rules, selectors and the Söderåsen starting rows. */
export * from './model';
export type * from './state';
export { matterTextReason, nonDelegableMatter, type MatterHit } from './matter-check';
export {
  decisionIssues,
  describeLimit,
  describeRef,
  effectiveEnd,
  holdersOf,
  isInForce,
  limitInKr,
  orderInForce,
  orderIssues,
  pointIssues,
  previousDay,
  type OrderIssues,
} from './rules';
export { delegationDecisionsNewestFirst, delegationOrdersLatestFirst, pendingDelegationReports } from './selectors';
export { keepsRegisters } from './authority';
export { SODERASEN_POINTS } from './template';
