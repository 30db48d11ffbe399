import type { FederationState } from '../events/state';
import { rosterOf } from '../events/state';
import { callingOrder, membersOf } from '../forbund/board-rules';
import { isActiveOn, type BoardRole, type Person, type Roster } from '../forbund/model';
import { calledIds, itemIndex, type MeetingState } from './state';
import { ordningOf } from '../forbund/ordning';
import { compareSwedish } from '../format';

/**
 * Who is beslutande (serving) in each agenda item (DOMAIN.md 1.3, 1.6):
 * present ledamöter who are not jäviga there; for each absent or jävig
 * ledamot, the next present, free, not jävig ersättare of the SAME
 * organisation in calling order serves "för NN". Serving is computed per
 * item from attendance, so arrivals and departures change it between items,
 * never within one; a jäv vacancy exists only in its own item.
 *
 * One choice beyond the brief, from common reglemente wording: an ersättare
 * who has started serving keeps the seat while a vacancy of that organisation
 * remains, even if one earlier in the calling order becomes free later
 * (arrives late, or is no longer jävig). Without a late arrival or a jäv of an
 * ersättare this gives exactly the calling order.
 */

export interface ServingSeat {
  personId: string;
  organisationId: string;
  role: BoardRole;
  /** The ledamot this ersättare serves for; null for a ledamot in their own seat. */
  servesFor: string | null;
}

export interface ItemServing {
  itemId: string;
  index: number;
  /** Beslutande, sorted: ordförande, vice, ledamöter, ersättare; then name. */
  deciding: ServingSeat[];
  /** Present ersättare not serving in this item (närvaro- och yttranderätt). */
  substitutesNotServing: string[];
  /** Persons jäviga in this item (they leave the room). */
  jav: string[];
  /** Ledamöter whose seat nobody fills in this item. */
  vacant: string[];
  /** Present persons without a board assignment (staff and others in the register). */
  others: string[];
  /** Present and at a distance. */
  distance: string[];
}

export interface ServingInput {
  date: string;
  roster: Roster;
  items: { id: string; jav: readonly string[] }[];
  present: (personId: string, itemIndex: number) => boolean;
  distance: (personId: string) => boolean;
  /** Everyone who may be present (called, plus attendance entries), to list others and non-serving ersättare. */
  candidates: readonly string[];
}

const ROLE_RANK: Record<BoardRole, number> = { chair: 0, viceChair: 1, member: 2, substitute: 3 };

function seatRole(person: Person | undefined, orgId: string, date: string): BoardRole {
  const roles = (person?.assignments ?? []).filter((a) => a.organisationId === orgId && isActiveOn(a, date)).map((a) => a.role);
  return roles.sort((a, b) => ROLE_RANK[a] - ROLE_RANK[b])[0] ?? 'member';
}

/** An organisation's seats on the date: the same for every item, so worked out once per meeting, not per item. */
interface OrgSeats {
  id: string;
  members: { id: string; role: BoardRole }[];
  memberSet: Set<string>;
  /** Ersättare in calling order, each once. */
  substitutes: string[];
}

function seatsOn(roster: Roster, date: string): OrgSeats[] {
  const byId = new Map(roster.persons.map((p) => [p.id, p]));
  return roster.organisations.map((org) => {
    const members = membersOf(roster, org.id, date).map((p) => ({ id: p.id, role: seatRole(byId.get(p.id), org.id, date) }));
    const memberSet = new Set(members.map((m) => m.id));
    const substitutes = [...new Set(callingOrder(roster, org.id, date).map((s) => s.person.id))].filter((id) => !memberSet.has(id));
    return { id: org.id, members, memberSet, substitutes };
  });
}

/** The pure core: serving per item from attendance facts. */
export function computeServing(input: ServingInput): ItemServing[] {
  const { roster, date } = input;
  const nameOf = new Map(roster.persons.map((p) => [p.id, p.name]));
  const byName = (a: string, b: string): number => compareSwedish(nameOf.get(a) ?? '', nameOf.get(b) ?? '') || (a < b ? -1 : a > b ? 1 : 0);
  const onBoard = new Set(roster.persons.filter((p) => p.assignments.some((a) => isActiveOn(a, date))).map((p) => p.id));
  const substituteOnly = new Set(roster.persons.filter((p) => isSubstituteOnly(p, date)).map((p) => p.id));
  const seats = seatsOn(roster, date);
  /** ersättare → the ledamot they served for in the previous item. */
  let carried = new Map<string, string>();
  return input.items.map((item, index) => {
    const jav = new Set(item.jav);
    const here = (id: string): boolean => input.present(id, index);
    const deciding: ServingSeat[] = [];
    const vacant: string[] = [];
    const nextCarried = new Map<string, string>();
    for (const org of seats) {
      const free = org.substitutes.filter((id) => here(id) && !jav.has(id));
      const open: string[] = [];
      for (const m of org.members) {
        if (here(m.id) && !jav.has(m.id)) deciding.push({ personId: m.id, organisationId: org.id, role: m.role, servesFor: null });
        else open.push(m.id);
      }
      const filled = new Map<string, string>();
      const used = new Set<string>();
      const assign = (sub: string, forId: string): void => {
        filled.set(forId, sub);
        used.add(sub);
      };
      // Keep last item's pairs, then last item's ersättare in other open seats, then the calling order.
      for (const sub of free) {
        const forId = carried.get(sub);
        if (forId !== undefined && open.includes(forId) && !filled.has(forId)) assign(sub, forId);
      }
      for (const sub of free) {
        const seat = open.find((m) => !filled.has(m));
        if (carried.has(sub) && !used.has(sub) && seat !== undefined) assign(sub, seat);
      }
      for (const sub of free) {
        const seat = open.find((m) => !filled.has(m));
        if (!used.has(sub) && seat !== undefined) assign(sub, seat);
      }
      for (const m of open) {
        const sub = filled.get(m);
        if (sub === undefined) vacant.push(m);
        else {
          deciding.push({ personId: sub, organisationId: org.id, role: 'substitute', servesFor: m });
          nextCarried.set(sub, m);
        }
      }
    }
    carried = nextCarried;
    const serving = new Set(deciding.map((d) => d.personId));
    const presentHere = input.candidates.filter((id) => here(id));
    const boardPresent = presentHere.filter((id) => onBoard.has(id));
    return {
      itemId: item.id,
      index,
      deciding: deciding.sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role] || byName(a.personId, b.personId)),
      substitutesNotServing: boardPresent.filter((id) => !serving.has(id) && !jav.has(id) && substituteOnly.has(id)).sort(byName),
      jav: [...jav].sort(byName),
      vacant: vacant.sort(byName),
      others: presentHere.filter((id) => !onBoard.has(id)).sort(byName),
      distance: presentHere.filter((id) => input.distance(id)).sort(byName),
    };
  });
}

function isSubstituteOnly(person: Person, date: string): boolean {
  const active = person.assignments.filter((a) => isActiveOn(a, date));
  return active.length > 0 && active.every((a) => a.role === 'substitute');
}

/** Jäv per item as recorded in the minutes; `override` puts in one item's jäv before it is recorded (authority checks). */
export function recordedJav(m: MeetingState, override?: { itemId: string; jav: readonly string[] }): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const item of m.agenda) {
    const j = override && override.itemId === item.id ? override.jav : (m.records[item.id]?.jav ?? []).map((x) => x.personId);
    out.set(item.id, [...j]);
  }
  return out;
}

/** Whether a person is present in the item at `index`, from the recorded attendance. */
export function presentFromAttendance(m: MeetingState, personId: string, index: number): boolean {
  const e = m.attendance?.persons.find((p) => p.personId === personId);
  if (!e || !e.present) return false;
  const from = e.arrivedBeforeItem ? itemIndex(m, e.arrivedBeforeItem) : 0;
  const to = e.leftAfterItem ? itemIndex(m, e.leftAfterItem) : m.agenda.length - 1;
  return index >= (from < 0 ? 0 : from) && index <= (to < 0 ? m.agenda.length - 1 : to);
}

/** Serving per item from the minutes (attendance and each item's jäv). Before attendance is set this is the forecast. */
export function servingByItem(state: FederationState, m: MeetingState, override?: { itemId: string; jav: readonly string[] }): ItemServing[] {
  if (!m.attendance) return forecastServing(state, m);
  const jav = recordedJav(m, override);
  const candidates = [...new Set([...calledIds(state, m), ...m.attendance.persons.map((p) => p.personId)])].sort();
  return computeServing({
    date: m.date,
    roster: rosterOf(state),
    items: m.agenda.map((i) => ({ id: i.id, jav: jav.get(i.id) ?? [] })),
    present: (id, index) => presentFromAttendance(m, id, index),
    distance: (id) => m.attendance?.persons.find((p) => p.personId === id)?.distance ?? false,
    candidates,
  });
}

/** Serving in one item, or undefined if the item is not on the agenda. */
export function servingForItem(state: FederationState, m: MeetingState, itemId: string): ItemServing | undefined {
  return servingByItem(state, m).find((s) => s.itemId === itemId);
}

/**
 * "Who will serve": before the meeting, from the called list and förhinder;
 * jäv already declared on an ansökan (jav.declared) counts in its item.
 */
export function forecastServing(state: FederationState, m: MeetingState): ItemServing[] {
  const called = calledIds(state, m);
  const coming = new Set(called.filter((id) => !m.absences[id]));
  return computeServing({
    date: m.date,
    roster: rosterOf(state),
    items: m.agenda.map((i) => ({ id: i.id, jav: i.applicationId ? Object.keys(state.applications[i.applicationId]?.javDeclarations ?? {}).sort() : [] })),
    present: (id) => coming.has(id),
    distance: () => false,
    candidates: called,
  });
}

/** Number of ledamöter registered on the date (distinct persons with a seat role). */
export function registeredLedamotSeats(state: FederationState, date: string): number {
  const roster = rosterOf(state);
  return new Set(roster.organisations.flatMap((o) => membersOf(roster, o.id, date).map((p) => p.id))).size;
}

/**
 * The board's seats that quorum counts (KL 6 kap 27 §): as the förbundsordning
 * fixes them (the förbund's setting `seats`), else the ledamöter registered
 * on the date (`fixed` false: the screens warn, seatsUnsetWarning).
 */
export function boardSeats(state: FederationState, date: string): { seats: number; fixed: boolean; registered: number } {
  const registered = registeredLedamotSeats(state, date);
  const fixed = ordningOf(state).seats;
  return fixed === null ? { seats: registered, fixed: false, registered } : { seats: fixed, fixed: true, registered };
}

/** Number of ledamot seats quorum counts on the date (boardSeats). */
export function ledamotSeats(state: FederationState, date: string): number {
  return boardSeats(state, date).seats;
}

export interface QuorumFinding {
  itemId: string;
  deciding: number;
  seats: number;
  quorate: boolean;
  /** Swedish warning when not quorate; null otherwise. A warning, not a block (DOMAIN.md 1.3). */
  message: string | null;
}

/** Beslutförhet per item: more than half of the ledamot seats must be beslutande. */
export function quorumByItem(state: FederationState, m: MeetingState, serving = servingByItem(state, m)): QuorumFinding[] {
  const seats = ledamotSeats(state, m.date);
  return serving.map((s) => {
    const quorate = s.deciding.length * 2 > seats;
    return {
      itemId: s.itemId,
      deciding: s.deciding.length,
      seats,
      quorate,
      message: quorate
        ? null
        : `Styrelsen är inte beslutför i punkt ${s.index + 1}: ${s.deciding.length} av ${seats} ledamöter tjänstgör, och mer än hälften (${Math.floor(seats / 2) + 1}) krävs.`,
    };
  });
}
