import type { VerifiedEvent } from '../log/signed-event';
import type { BoardAssignment } from '../forbund/model';
import type { Parsed } from './catalogue';
import { isDirector, type Cutoff, type FederationState } from './state';

/**
 * Which applied events end a role or revoke a key, so fold() can refuse the
 * events of that role holder or key that the cut-off event had not seen
 * (docs/trust-model.md, "Revocation"):
 * - a person.updated that takes the förbundschef role away (director);
 * - a person.updated that shortens or removes a board assignment (board);
 * - a key.revoked (key);
 * - a protokoll.drafted (lock): what the draft says is final for that version,
 *   so an edit it had not seen that sorts before it is refused for it.
 */

export interface RoleSnapshot {
  personId: string;
  director: boolean;
  assignments: BoardAssignment[];
}

export function roleSnapshot(state: FederationState, parsed: Parsed): RoleSnapshot | null {
  if (parsed.type !== 'person.updated') return null;
  const p = state.persons[parsed.payload.id];
  return p ? { personId: p.id, director: isDirector(state, p.id), assignments: p.assignments.map((a) => ({ ...a })) } : null;
}

/** Whether every day an old assignment covered is still covered by one with the same role and organisation. */
function stillCovered(old: BoardAssignment, now: readonly BoardAssignment[]): boolean {
  return now.some((a) => a.role === old.role && a.organisationId === old.organisationId && a.from <= old.from && a.to >= old.to);
}

export function cutoffsOf(state: FederationState, event: VerifiedEvent, parsed: Parsed, before: RoleSnapshot | null): Cutoff[] {
  const by = event.body.author;
  if (parsed.type === 'key.revoked') return [{ eventId: event.id, kind: 'key', subject: parsed.payload.fingerprint, by }];
  if (parsed.type === 'protokoll.drafted') return [{ eventId: event.id, kind: 'lock', subject: parsed.payload.meetingId, by }];
  if (!before) return [];
  const out: Cutoff[] = [];
  const after = state.persons[before.personId];
  if (before.director && !isDirector(state, before.personId)) out.push({ eventId: event.id, kind: 'director', subject: before.personId, by });
  if (after && before.assignments.some((a) => !stillCovered(a, after.assignments))) out.push({ eventId: event.id, kind: 'board', subject: before.personId, by });
  return out;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Every id a protokoll draft mentions (people, items, applications, decisions), so an edit of any of them is known to touch it. */
export function idsInDraft(draft: VerifiedEvent): Set<string> {
  return new Set(JSON.stringify(draft.body.payload).match(UUID) ?? []);
}

/** The meeting an event is about, or null. */
export function meetingOf(parsed: Parsed): string | null {
  const p = parsed.payload as { meetingId?: unknown; id?: unknown };
  if (typeof p.meetingId === 'string') return p.meetingId;
  if (parsed.type.startsWith('meeting.') && typeof p.id === 'string') return p.id;
  return null;
}
