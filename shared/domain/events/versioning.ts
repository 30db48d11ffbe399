import type { VerifiedEvent } from '../log/signed-event';
import { CATALOGUE, type EventType, type SubjectKind } from './catalogue';
import { personName, type FederationState, type FieldChange, type Json } from './state';

/**
 * Versions, history and conflicts of items.
 *
 * Every item (förbund, organisation, person, key) is a chain of versions: the
 * event that created it, then each event that changed it. An update's `prev`
 * names the versions its author had seen. Within one item we follow `prev`
 * transitively, so we know exactly which earlier versions the author saw.
 *
 * The conflict rule: updates are applied in compareEvents order (Lamport, then
 * id) as field patches. Fields changed by only one of two concurrent updates
 * are thus merged; for a field both changed, the later one in that order wins
 * (last writer wins by (lamport, id)). When the field's current value was
 * written by a version the new update had not seen, and the values differ,
 * a conflict is recorded so the screen can say what happened and what won.
 * The creation event is always counted as seen: nobody changes an item they
 * have never seen created.
 */

interface Track {
  created: string;
  /** version id → its parents among this item's versions. */
  parents: Map<string, string[]>;
  /** field path → the version that last wrote it. */
  writers: Map<string, string>;
}

/** The state being built plus bookkeeping that does not belong on screen. */
export interface Working {
  state: FederationState;
  tracks: Map<string, Track>;
}

export function newWorking(state: FederationState): Working {
  return { state, tracks: new Map() };
}

const FIELD_LABEL: Record<string, string> = {
  name: 'namn',
  email: 'e-post',
  orgNr: 'organisationsnummer',
  kind: 'typ av medlem',
  organisationId: 'företrädd organisation',
  staffRole: 'tjänsteroll',
  assignments: 'styrelseuppdrag',
  contributions: 'bidrag',
  status: 'nyckelns status',
  personId: 'person',
  publicKeyPem: 'publik nyckel',
  deviceName: 'enhetens namn',
  fingerprint: 'fingeravtryck',
};

export function fieldLabel(path: string): string {
  const [head = '', year] = path.split('.', 2);
  if (head === 'contributions' && year) return `bidrag ${year}`;
  return FIELD_LABEL[head] ?? head;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Deep equality for JSON values; arrays compare by position, objects by key set. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Get/set a field path of at most two levels (`name`, `contributions.2026`). */
function getPath(item: Record<string, unknown>, path: string): Json {
  const [head = '', sub] = path.split('.', 2);
  const v = sub === undefined ? item[head] : (item[head] as Record<string, unknown> | undefined)?.[sub];
  return v === undefined ? null : clone(v as Json);
}

function setPath(item: Record<string, unknown>, path: string, value: Json): void {
  const [head = '', sub] = path.split('.', 2);
  if (sub === undefined) item[head] = clone(value);
  else ((item[head] ??= {}) as Record<string, unknown>)[sub] = clone(value);
}

/** Flattens a payload into field patches; the nested maps listed are patched key by key. */
export function patchOf(payload: Record<string, unknown>, nested: readonly string[] = []): Array<[string, Json]> {
  const out: Array<[string, Json]> = [];
  for (const [k, v] of Object.entries(payload)) {
    if (k === 'id' || v === undefined) continue;
    if (nested.includes(k) && v !== null && typeof v === 'object') {
      for (const [sub, sv] of Object.entries(v as Record<string, unknown>)) out.push([`${k}.${sub}`, sv as Json]);
    } else {
      out.push([k, v as Json]);
    }
  }
  return out;
}

function pushHistory(w: Working, subjectId: string, event: VerifiedEvent, changes: FieldChange[], item: object): void {
  const entries = (w.state.history[subjectId] ??= []);
  entries.push({
    eventId: event.id,
    type: event.body.type,
    label: CATALOGUE[event.body.type as EventType]?.label ?? event.body.type,
    author: event.body.author,
    authorName: personName(w.state, event.body.author),
    at: event.body.at,
    lamport: event.body.lamport,
    changes,
    snapshot: clone(item as Json),
  });
}

/** Registers a new item made by `event`; its first history entry lists every field. */
export function recordCreation(w: Working, subjectId: string, event: VerifiedEvent, item: { heads: string[] } & object): void {
  w.tracks.set(subjectId, { created: event.id, parents: new Map([[event.id, []]]), writers: new Map() });
  item.heads = [event.id];
  const changes = Object.entries(item)
    .filter(([k]) => k !== 'heads' && k !== 'id')
    .map(([k, v]) => ({ field: k, label: fieldLabel(k), from: null, to: clone(v as Json) }));
  pushHistory(w, subjectId, event, changes, item);
}

/** The versions of this item that the event's author had seen (transitively through `prev`). */
export function seenBy(w: Working, subjectId: string, prev: readonly string[]): Set<string> {
  const track = w.tracks.get(subjectId);
  const seen = new Set<string>();
  if (!track) return seen;
  seen.add(track.created);
  const stack = prev.filter((id) => track.parents.has(id));
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(track.parents.get(id) ?? []));
  }
  return seen;
}

/**
 * Applies an update to an existing item as field patches and records the
 * version, the history entry and any conflict. Returns the fields that changed.
 */
export function applyUpdate(
  w: Working,
  subjectKind: SubjectKind,
  subjectId: string,
  item: { heads: string[] } & object,
  event: VerifiedEvent,
  patch: ReadonlyArray<[string, Json]>,
): FieldChange[] {
  const track = w.tracks.get(subjectId);
  if (!track) throw new Error(`applyUpdate: unknown subject ${subjectId}`);
  const seen = seenBy(w, subjectId, event.body.prev);
  const record = item as Record<string, unknown>;
  const changes: FieldChange[] = [];
  for (const [field, value] of patch) {
    const current = getPath(record, field);
    const writer = track.writers.get(field);
    if (writer !== undefined && !seen.has(writer) && !jsonEqual(current, value)) {
      recordConflict(w, subjectKind, subjectId, field, event, writer);
    }
    if (!jsonEqual(current, value)) {
      changes.push({ field, label: fieldLabel(field), from: current, to: clone(value) });
      setPath(record, field, value);
    }
    track.writers.set(field, event.id);
  }
  addVersion(w, subjectId, item, event, seen);
  pushHistory(w, subjectId, event, changes, item);
  return changes;
}

/** Adds a version without field patches (e.g. a key decision handled by its reducer). */
export function addVersion(w: Working, subjectId: string, item: { heads: string[] }, event: VerifiedEvent, seen = seenBy(w, subjectId, event.body.prev)): void {
  const track = w.tracks.get(subjectId);
  if (!track) return;
  const parents = event.body.prev.filter((id) => track.parents.has(id));
  track.parents.set(event.id, parents.length > 0 ? parents : [track.created]);
  item.heads = [...item.heads.filter((h) => !seen.has(h)), event.id].sort();
}

export function recordHistory(w: Working, subjectId: string, event: VerifiedEvent, changes: FieldChange[], item: object): void {
  pushHistory(w, subjectId, event, changes, item);
}

/**
 * A conflict: `event` overrides `loser`'s value of `field` without having seen
 * it. If `loser` had itself won an earlier conflict on that field, that entry
 * grows (three or more concurrent changes make one entry, not a chain).
 */
export function recordConflict(w: Working, subjectKind: SubjectKind, subjectId: string, field: string, event: VerifiedEvent, loser: string): void {
  const existing = w.state.conflicts.find((c) => c.subject === subjectId && c.field === field && c.winner === loser);
  const entry = existing ?? { subject: subjectId, subjectKind, field, winner: event.id, losers: [], explanation: '' };
  if (!existing) w.state.conflicts.push(entry);
  entry.losers.push(loser);
  entry.winner = event.id;
  const winnerName = personName(w.state, event.body.author);
  const loserNames = [...new Set(entry.losers.map((id) => authorOf(w, subjectId, id)))].join(' och ');
  entry.explanation =
    `${entry.losers.length === 1 ? 'Två' : String(entry.losers.length + 1)} ändringar av ${fieldLabel(field)} gjordes samtidigt, ` +
    `utan att den ena hade sett den andra. Ändringen från ${winnerName} vann eftersom den kom sist i händelseordningen; ` +
    `ändringen från ${loserNames} finns kvar i historiken.`;
}

function authorOf(w: Working, subjectId: string, eventId: string): string {
  return w.state.history[subjectId]?.find((h) => h.eventId === eventId)?.authorName ?? 'okänd person';
}
