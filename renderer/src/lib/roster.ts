import { CATALOGUE, isEventType, type FederationState, type Json } from '../../../shared/domain/events';
import {
  BOARD_ROLE_LABEL,
  ORGANISATION_KIND_LABEL,
  STAFF_ROLE_LABEL,
  isActiveOn,
  type BoardAssignment,
  type BoardRole,
  type OrganisationKind,
  type StaffRole,
} from '../../../shared/domain/forbund/model';
import { formatAmount, formatDate } from '../../../shared/domain/format';
import { shortCode } from '../../../shared/domain/log/signed-event';

/** Words and small derivations the set-up screens share. Pure: no React, no API. */

/** Today's date on this device, `2026-03-14`: the date board rules are checked on. */
export const today = (): string => formatDate(new Date());

/** A new item id (UUID v4). */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** What the history and lists call an event type. */
export const eventLabel = (type: string): string => (isEventType(type) ? CATALOGUE[type].label : type);

export type PersonKeyStatus = 'accepted' | 'pending' | 'missing';

export const KEY_STATUS_LABEL: Record<PersonKeyStatus, string> = { accepted: 'Godkänd', pending: 'Väntar', missing: 'Saknas' };
export const KEY_STATUS_COLOR: Record<PersonKeyStatus, string> = { accepted: 'green', pending: 'yellow', missing: 'gray' };

/** A person's best key status: one accepted key is enough to take part. */
export function keyStatusOf(state: FederationState, personId: string): PersonKeyStatus {
  const keys = Object.values(state.keys).filter((k) => k.personId === personId);
  if (keys.some((k) => k.status === 'accepted')) return 'accepted';
  if (keys.some((k) => k.status === 'pending')) return 'pending';
  return 'missing';
}

export const organisationName = (state: FederationState, id: string | null | undefined): string =>
  (id && state.organisations[id]?.name) || 'okänd organisation';

/** `Ersättare för Region Skåne, 2023-01-01–2026-12-31, plats 1 i inkallelseordningen` */
export function describeAssignment(state: FederationState, a: BoardAssignment): string {
  const order = a.role === 'substitute' && a.callingOrder !== undefined ? `, plats ${a.callingOrder} i inkallelseordningen` : '';
  return `${BOARD_ROLE_LABEL[a.role]} för ${organisationName(state, a.organisationId)}, ${a.from}–${a.to}${order}`;
}

/** The role shown beside a name: the staff role, else the board roles in force today (or the next term's), else none. */
export function roleLabel(state: FederationState, personId: string, date = today()): string {
  const p = state.persons[personId];
  if (!p) return '';
  if (p.staffRole) return STAFF_ROLE_LABEL[p.staffRole];
  const labels = (list: BoardAssignment[]) => [...new Set(list.map((a) => BOARD_ROLE_LABEL[a.role]))].join(', ');
  const now = p.assignments.filter((a) => isActiveOn(a, date));
  if (now.length > 0) return labels(now);
  const next = p.assignments.filter((a) => a.from > date).sort((a, b) => a.from.localeCompare(b.from));
  if (next.length > 0) return `${labels(next.filter((a) => a.from === next[0]!.from))} från ${next[0]!.from}`;
  return 'Utan uppdrag i styrelsen';
}

/** What an item id refers to, in words: for conflicts and refusals. */
export function subjectName(state: FederationState, id: string): string {
  if (state.federation?.id === id) return `Förbundet ${state.federation.name}`;
  const org = state.organisations[id];
  if (org) return org.name;
  const person = state.persons[id];
  if (person) return person.name;
  const key = state.keys[id];
  if (key) return `Nyckel ${shortCode(id)} (${state.persons[key.personId]?.name ?? 'okänd person'})`;
  return 'okänt objekt';
}

const KEY_STATUS_WORD: Record<string, string> = { pending: 'väntar på godkännande', accepted: 'godkänd', rejected: 'avvisad' };

/** A field value in a history entry, in words. */
export function formatValue(state: FederationState, field: string, value: Json): string {
  if (value === null || value === undefined) return '—';
  const [head] = field.split('.', 1);
  if (head === 'contributions') {
    if (typeof value === 'number') return formatAmount(value);
    if (typeof value === 'object' && !Array.isArray(value)) {
      const years = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
      return years.length ? years.map(([y, v]) => `${y}: ${typeof v === 'number' ? formatAmount(v) : '—'}`).join(', ') : 'inga';
    }
  }
  switch (head) {
    case 'assignments':
      return Array.isArray(value) && value.length > 0
        ? value.map((a) => describeAssignment(state, a as unknown as BoardAssignment)).join('; ')
        : 'inga uppdrag';
    case 'organisationId':
    case 'personId':
      return typeof value === 'string' ? state.organisations[value]?.name ?? state.persons[value]?.name ?? 'okänd' : '—';
    case 'staffRole':
      return STAFF_ROLE_LABEL[value as StaffRole] ?? String(value);
    case 'kind':
      return ORGANISATION_KIND_LABEL[value as OrganisationKind] ?? String(value);
    case 'role':
      return BOARD_ROLE_LABEL[value as BoardRole] ?? String(value);
    case 'status':
      return KEY_STATUS_WORD[String(value)] ?? String(value);
    case 'fingerprint':
    case 'genesisKey':
      return typeof value === 'string' ? shortCode(value) : '—';
    case 'publicKeyPem':
      return '(publik nyckel)';
    case 'registeredBy':
    case 'decidedBy':
    case 'genesisEvent':
      return typeof value === 'string' ? `händelse ${value.slice(0, 8)}` : '—';
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * The date to check the board on: today when some assignment is in force,
 * else the start of the next term (a board set up before its mandate period
 * begins would otherwise show only errors), else today.
 */
export function boardDate(state: FederationState, date = today()): string {
  const all = Object.values(state.persons).flatMap((p) => p.assignments);
  if (all.some((a) => isActiveOn(a, date))) return date;
  const next = all.map((a) => a.from).filter((from) => from > date).sort()[0];
  return next ?? date;
}
