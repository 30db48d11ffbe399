import { fold } from '../../../../../shared/domain/events/fold';
import type { FederationState } from '../../../../../shared/domain/events/state';
import type { VerifiedEvent } from '../../../../../shared/domain/log/signed-event';
import { standardAgenda } from '../../../../../shared/domain/meetings/agenda';
import { buildProtokoll } from '../../../../../shared/domain/meetings/build-protokoll';
import type { DraftPart } from '../../../../../shared/domain/meetings/model';
import { protokollHash } from '../../../../../shared/domain/meetings/protokoll-document';
import { DIRECTOR, ORG, type Actor, actor, ev, genesis, registerKey, uuid } from '../../../../helpers/event-builder';
import { APP_ID, application } from '../applications/fixtures';

/**
 * A board of four ledamöter (one per member organisation; the chair sits for
 * the region) with ersättare in calling order, a sekreterare, an ansökan and
 * one meeting on 2026-03-10 with the standard agenda. Events are built in
 * order with a running Lamport clock; `state()` folds them.
 */

export const TERM = { from: '2023-01-01', to: '2026-12-31' };
export const P = {
  chair: actor(20, 'Olle Ordförande'),
  fk: actor(21, 'Frida Fors'),
  af: actor(22, 'Anders Ahl'),
  kom: actor(23, 'Lina Ledamot'),
  eFk: actor(30, 'Fia Fält'),
  eKom1: actor(31, 'Kim Kvist'),
  eKom2: actor(32, 'Karl Kron'),
  eReg: actor(33, 'Rut Ros'),
  eAf: actor(34, 'Axel Alm'),
  secretary: actor(40, 'Sara Sekreterare'),
};

const seat = (role: string, org: string, callingOrder?: number) => ({ role, organisationId: org, ...TERM, ...(callingOrder ? { callingOrder } : {}) });
const SEATS: [Actor, string, ReturnType<typeof seat>[], string | null][] = [
  [P.chair, ORG.region, [seat('chair', ORG.region)], null],
  [P.fk, ORG.fk, [seat('member', ORG.fk)], null],
  [P.af, ORG.af, [seat('member', ORG.af)], null],
  [P.kom, ORG.kommun, [seat('member', ORG.kommun)], null],
  [P.eFk, ORG.fk, [seat('substitute', ORG.fk, 1)], null],
  [P.eKom1, ORG.kommun, [seat('substitute', ORG.kommun, 1)], null],
  [P.eKom2, ORG.kommun, [seat('substitute', ORG.kommun, 2)], null],
  [P.eReg, ORG.region, [seat('substitute', ORG.region, 1)], null],
  [P.eAf, ORG.af, [seat('substitute', ORG.af, 1)], null],
  [P.secretary, '', [], 'secretary'],
];

export const MEETING = uuid(0xe01);
export const MEETING2 = uuid(0xe02);

let idCounter = 0;
/** Agenda item ids for a meeting: deterministic per meeting number. */
export function agendaFor(meetingNo: number, withApplication = true) {
  idCounter = 0;
  return standardAgenda({
    newId: () => uuid(0xc000 + meetingNo * 0x100 + idCounter++),
    applications: withApplication ? [{ applicationId: APP_ID, name: 'Ungdomslots', dnr: 'Dnr 2026/12', proposal: 'Styrelsen beslutar att bevilja ansökan.' }] : [],
    delegationDecisionIds: [uuid(0xd01)],
    presenter: DIRECTOR.id,
  });
}
/** Items of meeting 1 by kind. */
export const AG = agendaFor(1);
export const ITEM = {
  opening: AG[0]!.id,
  agenda: AG[1]!.id,
  adjusters: AG[2]!.id,
  jav: AG[3]!.id,
  previous: AG[4]!.id,
  decision: AG[5]!.id,
  delegation: AG[6]!.id,
  information: AG[7]!.id,
  closing: AG[10]!.id,
};

export class Scenario {
  events: VerifiedEvent[] = [];
  lamport = 1;
  add(a: Actor, type: string, payload: Record<string, unknown>, o: { at?: string; prev?: string[] } = {}): VerifiedEvent {
    const e = ev(a, type, payload, this.lamport++, o);
    this.events.push(e);
    return e;
  }
  state(): FederationState {
    return fold(this.events);
  }
  /** Builds the draft from the current state and adds it. */
  draft(version: number, part: DraftPart = 'whole', meetingId = MEETING, by: Actor = P.secretary): VerifiedEvent {
    const document = buildProtokoll(this.state(), meetingId, version, part);
    return this.add(by, 'protokoll.drafted', { meetingId, version, part, document });
  }
  attest(a: Actor, version: number, role: 'chair' | 'adjuster', part: DraftPart = 'whole', meetingId = MEETING, at?: string): VerifiedEvent {
    const d = this.state().meetings[meetingId]?.drafts.find((x) => x.version === version);
    const sha256 = d ? protokollHash(d.document) : '0'.repeat(64);
    return this.add(a, 'protokoll.attested', { meetingId, version, sha256, role, part }, at ? { at } : {});
  }
}

/** Set-up, budget, the ansökan and meeting 1 (not yet called). */
export function board(): Scenario {
  const s = new Scenario();
  s.events.push(genesis(DIRECTOR, s.lamport++));
  for (const [id, name, kind] of [[ORG.fk, 'Försäkringskassan', 'socialInsuranceAgency'], [ORG.af, 'Arbetsförmedlingen', 'employmentService'], [ORG.region, 'Region Östergötland', 'region'], [ORG.kommun, 'Linköpings kommun', 'municipality']] as const) {
    s.add(DIRECTOR, 'organisation.added', { id, name, kind });
  }
  for (const [a, org, assignments, staffRole] of SEATS) {
    s.add(DIRECTOR, 'person.added', { id: a.id, name: a.name, email: a.email, organisationId: org || null, staffRole, assignments });
    s.events.push(registerKey(a, s.lamport++));
    s.add(DIRECTOR, 'key.accepted', { fingerprint: a.key });
  }
  s.add(DIRECTOR, 'budget.set', { amounts: { '2026': 1_000_000, '2027': 1_000_000, '2028': 1_000_000 } });
  s.add(DIRECTOR, 'application.registered', application());
  s.add(DIRECTOR, 'meeting.created', { id: MEETING, date: '2026-03-10', startTime: '09:00', place: 'Förbundets kansli, Linköping', justering: { date: '2026-03-17', place: 'Förbundets kansli' }, agenda: AG });
  return s;
}

export const EVERYONE_PRESENT = [P.chair, P.fk, P.af, P.kom, P.eKom1, P.secretary, DIRECTOR].map((a) => ({ personId: a.id, present: true }));

/** A meeting held: attendance, adjusters (Lina Ledamot), a grant of the whole sum, closed. */
export function heldMeeting(s = board(), persons: Record<string, unknown>[] = EVERYONE_PRESENT): Scenario {
  s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons });
  s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.adjusters, adjusters: [P.kom.id] });
  s.add(P.secretary, 'minutes.item.recorded', {
    meetingId: MEETING,
    itemId: ITEM.decision,
    decision: { outcome: 'grant', text: 'Styrelsen beslutar att bevilja Ungdomslots 2 130 000 kr för 2026–2028.', amountKr: 2_130_000, period: { from: '2026-03-01', to: '2028-12-31' } },
  });
  s.add(P.secretary, 'minutes.closed', { meetingId: MEETING, endTime: '11:30' });
  return s;
}

/** The board with everyone present recorded: a meeting under way, ready for its §§ to be recorded. */
export function meetingUnderWay(): Scenario {
  const s = board();
  s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons: EVERYONE_PRESENT });
  return s;
}

/** The refusal reasons of a scenario, without the "Ärende protokollfördes: " label of the refused event. */
export const refusalReasons = (s: Scenario): string[] => s.state().refused.map((r) => r.reason.replace(/^Ärende protokollfördes: /, ''));
