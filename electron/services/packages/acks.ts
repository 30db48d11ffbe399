import { createHash } from 'node:crypto';
import type { AckEntry, Acks } from './format';

/**
 * Acknowledgements: every package says what its sender's device holds (see
 * `AckEntry` in format.ts), so the next package to that person leaves out what
 * they already have. Per signing key: the highest Lamport clock, the count of
 * events and a digest of their ids. A version vector alone would be smaller
 * but trusts that every device holds a gap-free prefix of each key's events;
 * the count + digest make that assumption checked: if the exporter's events of
 * that key up to the acked clock do not digest to the same value, the
 * recipient's set has a hole (or extra events), and the exporter sends all of
 * that key's events. Import de-duplicates by id, so over-sending is harmless.
 */

export interface EventRef {
  id: string;
  /** Fingerprint of the signing key (EventBody.key). */
  key: string;
  lamport: number;
  /** SHA-256 of attachments this event refers to (payload knowledge lives outside this module). */
  attachments?: readonly string[];
}

const byClock = (a: EventRef, b: EventRef) => a.lamport - b.lamport || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function digest(sorted: readonly EventRef[]): string {
  const h = createHash('sha256');
  for (const e of sorted) h.update(`${e.id}\n`);
  return h.digest('hex').slice(0, 32);
}

function groupByKey(events: Iterable<EventRef>): Map<string, EventRef[]> {
  const byKey = new Map<string, EventRef[]>();
  for (const e of events) {
    const list = byKey.get(e.key);
    if (list) list.push(e);
    else byKey.set(e.key, [e]);
  }
  for (const list of byKey.values()) list.sort(byClock);
  return byKey;
}

/** What this device holds, to put in the manifest of every package it sends. */
export function computeAcks(events: Iterable<EventRef>): Acks {
  const acks: Acks = {};
  for (const [key, list] of groupByKey(events)) {
    acks[key] = { lamport: list[list.length - 1]!.lamport, count: list.length, digest: digest(list) };
  }
  return acks;
}

/**
 * Splits one key's events (sorted) into those the recipient is known to hold
 * and those to send, given the recipient's last acknowledgement for that key.
 */
function splitForKey(list: readonly EventRef[], ack: AckEntry | undefined): { known: readonly EventRef[]; send: readonly EventRef[] } {
  if (!ack) return { known: [], send: list };
  let upTo = 0;
  while (upTo < list.length && list[upTo]!.lamport <= ack.lamport) upTo++;
  const prefix = list.slice(0, upTo);
  if (prefix.length === ack.count && digest(prefix) === ack.digest) return { known: prefix, send: list.slice(upTo) };
  return { known: [], send: list };
}

/**
 * Which events and attachments to put in a package for these recipients:
 * everything at least one of them is not known to have. A recipient with no
 * acknowledgement yet (`null`) gets everything. Attachments go along with the
 * events that refer to them, unless the recipient is known to hold another
 * event referring to the same file.
 */
export function planExport(events: Iterable<EventRef>, recipients: readonly (Acks | null)[]): { eventIds: Set<string>; attachments: Set<string> } {
  const byKey = groupByKey(events);
  const eventIds = new Set<string>();
  const attachments = new Set<string>();
  for (const acks of recipients.length > 0 ? recipients : [null]) {
    const knownFiles = new Set<string>();
    const sendRefs: EventRef[] = [];
    for (const [key, list] of byKey) {
      const { known, send } = splitForKey(list, acks?.[key]);
      for (const e of known) for (const a of e.attachments ?? []) knownFiles.add(a);
      for (const e of send) {
        eventIds.add(e.id);
        sendRefs.push(e);
      }
    }
    for (const e of sendRefs) for (const a of e.attachments ?? []) if (!knownFiles.has(a)) attachments.add(a);
  }
  return { eventIds, attachments };
}
