import {
  BOARD_ROLE_LABEL,
  actsAsMunicipality,
  actsAsRegion,
  ORGANISATION_KIND_LABEL,
  SEAT_ROLES,
  isActiveOn,
  type BoardAssignment,
  type Organisation,
  type OrganisationKind,
  type Person,
  type Roster,
} from './model';
import { compareSwedish } from '../format';

/**
 * Checks over the board as it stands on a date (DOMAIN.md 1.1, 1.3, 7.1–7.2).
 * They return findings instead of throwing, because the roster is entered a
 * piece at a time: the set-up screen lists what is still missing, and an
 * 'error' marks what the law requires while a 'warning' marks what is unusual
 * or not confirmed by a source.
 */

export interface Finding {
  level: 'error' | 'warning';
  /** Stable machine code (tests, icons); the message is for people. */
  code: string;
  message: string;
  subject: { kind: 'board' | 'organisation' | 'person'; id?: string };
}

export interface Seat {
  person: Person;
  assignment: BoardAssignment;
}

/** Mandate period is at most four years (DOMAIN.md 1.3). */
const MAX_TERM_YEARS = 4;

function activeSeats(roster: Roster, orgId: string, date: string, roles: readonly string[]): Seat[] {
  const seats: Seat[] = [];
  for (const person of roster.persons) {
    for (const assignment of person.assignments) {
      if (assignment.organisationId === orgId && roles.includes(assignment.role) && isActiveOn(assignment, date)) {
        seats.push({ person, assignment });
      }
    }
  }
  return seats;
}

const distinctPeople = (seats: readonly Seat[]): Person[] => [...new Map(seats.map((s) => [s.person.id, s.person])).values()];

/** The ledamöter (incl. chair and vice chairs) of an organisation on a date, one entry per person. */
export function membersOf(roster: Roster, orgId: string, date: string): Person[] {
  return distinctPeople(activeSeats(roster, orgId, date, SEAT_ROLES)).sort(byName);
}

/**
 * The ersättare of an organisation on a date, in the order they are called in
 * (inkallelseordning, FINSAM 12 §). Used when a ledamot reports förhinder or
 * is jävig: the first free ersättare of the same organisation serves.
 * Substitutes without a number come last, by name, so the list is still total.
 */
export function callingOrder(roster: Roster, orgId: string, date: string): Seat[] {
  return activeSeats(roster, orgId, date, ['substitute']).sort(
    (a, b) =>
      (a.assignment.callingOrder ?? Infinity) - (b.assignment.callingOrder ?? Infinity) ||
      byName(a.person, b.person),
  );
}

function byName(a: Person, b: Person): number {
  return compareSwedish(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function addYears(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const error = (code: string, subject: Finding['subject'], message: string): Finding => ({ level: 'error', code, subject, message });
const warning = (code: string, subject: Finding['subject'], message: string): Finding => ({ level: 'warning', code, subject, message });

export function checkBoard(roster: Roster, date: string): Finding[] {
  const out: Finding[] = [];
  const board = { kind: 'board' } as const;
  const org = (o: Organisation) => ({ kind: 'organisation', id: o.id }) as const;
  const who = (p: Person) => ({ kind: 'person', id: p.id }) as const;

  // FinsamL § 3: FK, AF, at least one region and at least one kommun.
  const ofKind = (k: OrganisationKind) => roster.organisations.filter((o) => o.kind === k);
  for (const kind of ['socialInsuranceAgency', 'employmentService'] as const) {
    const n = ofKind(kind).length;
    const label = ORGANISATION_KIND_LABEL[kind];
    if (n === 0) out.push(error(`missing-${kind}`, board, `${label} saknas bland förbundsmedlemmarna.`));
    if (n > 1) out.push(warning(`duplicate-${kind}`, board, `${label} finns ${n} gånger bland förbundsmedlemmarna.`));
  }
  // A kommun with regional responsibility (Region Gotland) is both.
  if (!roster.organisations.some((o) => actsAsRegion(o.kind))) {
    out.push(error('missing-region', board, 'Förbundet måste ha minst en region som medlem.'));
  }
  if (!roster.organisations.some((o) => actsAsMunicipality(o.kind))) {
    out.push(error('missing-municipality', board, 'Förbundet måste ha minst en kommun som medlem.'));
  }

  // FinsamL § 10: every member organisation has ≥ 1 ledamot and as many ersättare.
  for (const o of roster.organisations) {
    const members = membersOf(roster, o.id, date);
    const subs = callingOrder(roster, o.id, date);
    const subPeople = distinctPeople(subs);
    if (members.length === 0) {
      out.push(error('no-member', org(o), `${o.name} har ingen ledamot ${date}.`));
    }
    if (subPeople.length < Math.max(members.length, 1)) {
      // With no ledamot either, "0 ledamöter men 0 ersättare" would only repeat the line above.
      const message =
        members.length === 0
          ? `${o.name} har ingen ersättare ${date}; varje förbundsmedlem ska ha minst en ersättare.`
          : `${o.name} har ${plural(members.length, 'ledamot', 'ledamöter')} men ${plural(subPeople.length, 'ersättare', 'ersättare')} ${date}; det ska finnas lika många ersättare som ledamöter.`;
      out.push(error('too-few-substitutes', org(o), message));
    } else if (subPeople.length > members.length) {
      out.push(warning('more-substitutes-than-members', org(o),
        `${o.name} har fler ersättare (${subPeople.length}) än ledamöter (${members.length}) ${date}.`));
    }
    for (const p of members) {
      if (subPeople.some((s) => s.id === p.id)) {
        out.push(warning('member-and-substitute', who(p),
          `${p.name} är både ledamot och ersättare för ${o.name} ${date}.`));
      }
    }
    out.push(...checkCallingOrder(o, subs, date));
  }

  // The board elects one ordförande; until then the oldest ledamot presides, so none is a warning.
  const withRole = (role: BoardAssignment['role']) =>
    roster.persons.filter((person) => person.assignments.some((a) => a.role === role && isActiveOn(a, date)));
  const chairs = withRole('chair');
  if (chairs.length === 0) out.push(warning('no-chair', board, `Styrelsen har ingen ordförande ${date}.`));
  if (chairs.length > 1) {
    out.push(error('several-chairs', board,
      `Styrelsen har ${chairs.length} ordförande ${date}: ${chairs.map((p) => p.name).join(', ')}.`));
  }
  const vices = withRole('viceChair');
  if (vices.length > 2) {
    out.push(warning('too-many-vice-chairs', board, `Styrelsen har ${vices.length} vice ordförande ${date}; vanligt är en eller två.`));
  }

  out.push(...checkAssignments(roster));
  out.push(...checkEmails(roster));
  return out;
}

/** Inkallelseordning must read 1, 2, … n with no number missing or used twice. */
function checkCallingOrder(o: Organisation, subs: readonly Seat[], date: string): Finding[] {
  const out: Finding[] = [];
  const subject = { kind: 'organisation', id: o.id } as const;
  const numbers: number[] = [];
  for (const s of subs) {
    if (s.assignment.callingOrder === undefined) {
      out.push(error('calling-order-missing', { kind: 'person', id: s.person.id },
        `${s.person.name} saknar plats i inkallelseordningen för ${o.name}.`));
    } else {
      numbers.push(s.assignment.callingOrder);
    }
  }
  const dupes = [...new Set(numbers.filter((n, i) => numbers.indexOf(n) !== i))].sort((a, b) => a - b);
  if (dupes.length > 0) {
    out.push(error('calling-order-duplicate', subject,
      `Inkallelseordningen för ${o.name} ${date} har samma plats flera gånger: ${dupes.join(', ')}.`));
  }
  const missing: number[] = [];
  for (let n = 1; n <= subs.length; n++) if (!numbers.includes(n)) missing.push(n);
  if (dupes.length === 0 && missing.length > 0 && numbers.length === subs.length) {
    out.push(error('calling-order-gap', subject,
      `Inkallelseordningen för ${o.name} ${date} ska vara 1–${subs.length} utan luckor; ${missing.join(', ')} saknas.`));
  }
  return out;
}

/** Date-independent checks of every assignment, past and future. */
function checkAssignments(roster: Roster): Finding[] {
  const out: Finding[] = [];
  const orgs = new Map(roster.organisations.map((o) => [o.id, o]));
  for (const p of roster.persons) {
    const subject = { kind: 'person', id: p.id } as const;
    for (const a of p.assignments) {
      const role = BOARD_ROLE_LABEL[a.role].toLowerCase();
      const o = orgs.get(a.organisationId);
      if (!o) {
        out.push(error('unknown-organisation', subject,
          `${p.name} är ${role} för en organisation som inte finns bland förbundsmedlemmarna.`));
      }
      if (a.from > a.to) {
        out.push(error('term-reversed', subject,
          `${p.name}: uppdraget som ${role} slutar (${a.to}) innan det börjar (${a.from}).`));
      } else if (addYears(a.from, MAX_TERM_YEARS) <= a.to) {
        out.push(warning('term-too-long', subject,
          `${p.name}: uppdraget som ${role} (${a.from}–${a.to}) är längre än en mandatperiod på fyra år.`));
      }
      if (a.callingOrder !== undefined && a.role !== 'substitute') {
        out.push(warning('calling-order-not-substitute', subject,
          `${p.name} har en plats i inkallelseordningen men är ${role}, inte ersättare.`));
      }
      // One kommun cannot represent another (DOMAIN.md 1.3).
      if (o && p.organisationId !== null && p.organisationId !== a.organisationId) {
        out.push(warning('represents-other-organisation', subject,
          `${p.name} företräder ${orgs.get(p.organisationId)?.name ?? 'en annan organisation'} men är ${role} för ${o.name}.`));
      }
    }
  }
  return out;
}

function checkEmails(roster: Roster): Finding[] {
  const seen = new Map<string, Person>();
  const out: Finding[] = [];
  for (const p of roster.persons) {
    const key = p.email.trim().toLowerCase();
    const first = seen.get(key);
    if (first) {
      out.push(warning('duplicate-email', { kind: 'person', id: p.id },
        `${p.name} har samma e-postadress som ${first.name} (${p.email}).`));
    } else {
      seen.set(key, p);
    }
  }
  return out;
}
