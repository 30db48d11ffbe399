/**
 * The kernel's records: what every feature's history, refusals and conflicts
 * are made of. Plain JSON (no Map, Set or class) so a state can cross IPC,
 * be written to a checkpoint and be compared deep-equal between laptops.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface FieldChange {
  /** `name`, `email`, … or `contributions.2026` for one year's amount. */
  field: string;
  /** Swedish name of the field, for the history screen. */
  label: string;
  from: Json;
  to: Json;
}

/** One version of one item: who changed what, when, in which event. */
export interface HistoryEntry {
  eventId: string;
  type: string;
  /** Swedish, e.g. "Person ändrades". */
  label: string;
  author: string;
  /** The author's name as it was when the event was applied. */
  authorName: string;
  /** Wall time on the author's device (display only). */
  at: string;
  lamport: number;
  /**
   * What this version changed, field by field (a creation lists every field
   * from null). The whole item as it was at this version is not copied here:
   * it is the fold of the signed log up to `eventId`, which is kept for ever.
   * (Whole snapshots per entry were 85 % of a ten-year state, issue #16.)
   */
  changes: FieldChange[];
}

/** An event that was never applied: no authority, bad content, wrong förbund, or a rejected key. */
export interface Refusal {
  eventId: string;
  type: string;
  author: string;
  at: string;
  lamport: number;
  /** Swedish, shown as is. */
  reason: string;
}

/** An event signed by a key that is not (yet) accepted: kept aside, neither applied nor refused. */
export interface HeldEvent {
  eventId: string;
  type: string;
  author: string;
  at: string;
  lamport: number;
  fingerprint: string;
  /** pending: registered, waiting for the förbundschef; unknown: no registration seen. */
  keyStatus: 'pending' | 'unknown';
  /** Swedish, when the event waits for something else than its key (e.g. events it builds on). */
  reason?: string;
}

/**
 * The end of a role or the revocation of a key (docs/trust-model.md): the
 * events of that key or role holder that the cut-off event had seen (its
 * causal past) are kept; every other one of them is refused.
 */
export interface Cutoff {
  eventId: string;
  kind: 'key' | 'director' | 'board' | 'lock';
  /** The key fingerprint (key), the person id (director, board) or the meeting id (lock: a protokoll draft). */
  subject: string;
  /** Who made the cut-off. */
  by: string;
}

/** Concurrent changes of the same field (or decisions on the same key), and which one won. `K`: the registry's subject kinds. */
export interface Conflict<K extends string = string> {
  subject: string;
  subjectKind: K;
  field: string;
  winner: string;
  losers: string[];
  /** Swedish: "Två ändringar av namn gjordes samtidigt; den från X vann." */
  explanation: string;
}
