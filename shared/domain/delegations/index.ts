/** Delegationsordning and delegationsbeslut: model, rules, selectors and the Söderåsen starting rows. */
export * from './model';
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
export { keepsRegisters } from './events';
export { SODERASEN_POINTS } from './template';
