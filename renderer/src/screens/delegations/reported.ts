/**
 * The ids of delegationsbeslut already reported ("Anmälan av delegationsbeslut")
 * in justerade protokoll. The meetings session owns that knowledge; until it
 * is merged this answers none, so every mustReport decision shows as "Ska
 * anmälas". LEAD: wire this to the meetings state when it lands.
 */
export function reportedDelegationIds(): ReadonlySet<string> {
  return new Set<string>();
}
