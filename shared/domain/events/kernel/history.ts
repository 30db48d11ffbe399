import type { VerifiedEvent } from '../../log/signed-event';
import type { Conflict, FieldChange, HistoryEntry, Json } from './types';

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

export interface Track {
  created: string;
  /** version id → its parents among this item's versions. */
  parents: Map<string, string[]>;
  /** version id → its place in applied order. A parent was always applied before its child, which bounds the search in seenBy. */
  seq: Map<string, number>;
  /** field path → the version that last wrote it. */
  writers: Map<string, string>;
}

/** What the kernel needs of a state: the audit trail, the conflicts, and people's names for both. */
export interface KernelState {
  /** Audit trail: subject id → versions in applied order. */
  history: Record<string, HistoryEntry[]>;
  conflicts: Conflict[];
  persons: Record<string, { name: string }>;
}

/** The words the history uses, from the registry (the kernel knows no feature's labels). */
export interface Words {
  /** "Person ändrades" for person.updated. */
  eventLabel(type: string): string;
  /** "organisationsnummer" for orgNr, "bidrag 2026" for contributions.2026. */
  fieldLabel(path: string): string;
}

/** The state being built plus bookkeeping that does not belong on screen. */
export interface Working<S extends KernelState = KernelState> {
  state: S;
  words: Words;
  tracks: Map<string, Track>;
  /** Open conflict entries by subject, field and current winner, so a third concurrent change finds its entry in O(1). */
  conflictIndex: Map<string, { entry: S['conflicts'][number]; loserNames: Set<string> }>;
  /** Author name of every applied version, for conflict explanations. */
  authorNames: Map<string, string>;
}

/** How an event type changes the state: runs only after the key gate and the authority rule said yes, and never refuses. */
export type Reducer<W, P> = (w: W, event: VerifiedEvent, payload: P) => void;

export function newWorking<S extends KernelState>(state: S, words: Words): Working<S> {
  return { state, words, tracks: new Map(), conflictIndex: new Map(), authorNames: new Map() };
}

const personName = (state: KernelState, personId: string): string => state.persons[personId]?.name ?? 'okänd person';

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

function pushHistory(w: Working, subjectId: string, event: VerifiedEvent, changes: FieldChange[]): void {
  const authorName = personName(w.state, event.body.author);
  w.authorNames.set(event.id, authorName);
  const entries = (w.state.history[subjectId] ??= []);
  entries.push({
    eventId: event.id,
    type: event.body.type,
    label: w.words.eventLabel(event.body.type),
    author: event.body.author,
    authorName,
    at: event.body.at,
    lamport: event.body.lamport,
    changes,
  });
}

/** Registers a new item made by `event`; its first history entry lists every field. */
export function recordCreation(w: Working, subjectId: string, event: VerifiedEvent, item: { heads: string[] } & object): void {
  w.tracks.set(subjectId, { created: event.id, parents: new Map([[event.id, []]]), seq: new Map([[event.id, 0]]), writers: new Map() });
  item.heads = [event.id];
  const changes = Object.entries(item)
    .filter(([k]) => k !== 'heads' && k !== 'id')
    .map(([k, v]) => ({ field: k, label: w.words.fieldLabel(k), from: null, to: clone(v as Json) }));
  pushHistory(w, subjectId, event, changes);
}

/** Whether the author of an event had seen a given version of an item. */
export type Saw = (versionId: string) => boolean;

/**
 * Which versions of this item the event's author had seen: the creation, the
 * versions in `prev` and, transitively, their parents. Asked per version
 * (the current writer of a field, a head), walking back from `prev` and
 * pruning at versions applied before the one asked about, so the common case
 * (prev names the current head) costs O(1) however long the history is.
 */
export function seenBy(w: Working, subjectId: string, prev: readonly string[]): Saw {
  const track = w.tracks.get(subjectId);
  if (!track) return () => false;
  const starts = prev.filter((id) => track.parents.has(id));
  if (starts.length === 0) return (target) => target === track.created;
  const memo = new Map<string, boolean>();
  return (target) => {
    if (target === track.created) return true;
    const known = memo.get(target);
    if (known !== undefined) return known;
    const floor = track.seq.get(target);
    let found = false;
    if (floor !== undefined) {
      const visited = new Set<string>();
      const stack = [...starts];
      while (stack.length > 0 && !found) {
        const id = stack.pop() as string;
        if (id === target) found = true;
        else if (!visited.has(id) && (track.seq.get(id) ?? -1) > floor) {
          visited.add(id);
          stack.push(...(track.parents.get(id) ?? []));
        }
      }
    }
    memo.set(target, found);
    return found;
  };
}

/**
 * Applies an update to an existing item as field patches and records the
 * version, the history entry and any conflict. Returns the fields that changed.
 */
export function applyUpdate(
  w: Working,
  subjectKind: string,
  subjectId: string,
  item: { heads: string[] } & object,
  event: VerifiedEvent,
  patch: ReadonlyArray<[string, Json]>,
): FieldChange[] {
  const track = w.tracks.get(subjectId);
  if (!track) throw new Error(`applyUpdate: unknown subject ${subjectId}`);
  const saw = seenBy(w, subjectId, event.body.prev);
  const record = item as Record<string, unknown>;
  const changes: FieldChange[] = [];
  for (const [field, value] of patch) {
    const current = getPath(record, field);
    const writer = track.writers.get(field);
    if (writer !== undefined && !saw(writer) && !jsonEqual(current, value)) {
      recordConflict(w, subjectKind, subjectId, field, event, writer);
    }
    if (!jsonEqual(current, value)) {
      changes.push({ field, label: w.words.fieldLabel(field), from: current, to: clone(value) });
      setPath(record, field, value);
    }
    track.writers.set(field, event.id);
  }
  addVersion(w, subjectId, item, event, saw);
  pushHistory(w, subjectId, event, changes);
  return changes;
}

/** Adds a version without field patches (e.g. a key decision handled by its reducer). */
export function addVersion(w: Working, subjectId: string, item: { heads: string[] }, event: VerifiedEvent, saw = seenBy(w, subjectId, event.body.prev)): void {
  const track = w.tracks.get(subjectId);
  if (!track) return;
  const parents = event.body.prev.filter((id) => track.parents.has(id));
  track.parents.set(event.id, parents.length > 0 ? parents : [track.created]);
  track.seq.set(event.id, track.seq.size);
  item.heads = [...item.heads.filter((h) => !saw(h)), event.id].sort();
}

export function recordHistory(w: Working, subjectId: string, event: VerifiedEvent, changes: FieldChange[]): void {
  pushHistory(w, subjectId, event, changes);
}

/**
 * A conflict: `event` overrides `loser`'s value of `field` without having seen
 * it. If `loser` had itself won an earlier conflict on that field, that entry
 * grows (three or more concurrent changes make one entry, not a chain).
 */
export function recordConflict(w: Working, subjectKind: string, subjectId: string, field: string, event: VerifiedEvent, loser: string): void {
  const keyOf = (winner: string) => `${subjectId}\u0000${field}\u0000${winner}`;
  // Read through the state even when the entry comes from the index: what serves the state compares what was reached (touched.ts).
  const conflicts = w.state.conflicts;
  let open = w.conflictIndex.get(keyOf(loser));
  if (open) {
    w.conflictIndex.delete(keyOf(loser));
  } else {
    open = { entry: { subject: subjectId, subjectKind, field, winner: event.id, losers: [], explanation: '' }, loserNames: new Set() };
    conflicts.push(open.entry);
  }
  w.conflictIndex.set(keyOf(event.id), open);
  const { entry, loserNames } = open;
  entry.losers.push(loser);
  entry.winner = event.id;
  loserNames.add(w.authorNames.get(loser) ?? 'okänd person');
  entry.explanation =
    `${entry.losers.length === 1 ? 'Två' : String(entry.losers.length + 1)} ändringar av ${w.words.fieldLabel(field)} gjordes samtidigt, ` +
    `utan att den ena hade sett den andra. Ändringen från ${personName(w.state, event.body.author)} vann eftersom den kom sist i händelseordningen; ` +
    `${entry.losers.length === 1 ? 'ändringen' : 'ändringarna'} från ${[...loserNames].join(' och ')} finns kvar i historiken.`;
}
