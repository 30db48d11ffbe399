import { createHash } from 'node:crypto';
import { signEvent } from '../../electron/services/identity/events';
import { generateEphemeralIdentity, type DeviceIdentity } from '../../electron/services/identity/keys';
import { parsePayload } from '../../shared/domain/events';
import { createRunner, type Context, type Runner } from '../../shared/domain/events/runner';
import { DEFAULT_BASE_AMOUNTS, SODERASEN_POINTS, type DelegationPoint } from '../../shared/domain/delegations';
import { buildProtokoll, latestDraft, standardAgenda } from '../../shared/domain/meetings';
import { compareEvents, EVENT_FORMAT_VERSION, MAX_AFTER, type EventBody, type VerifiedEvent } from '../../shared/domain/log/signed-event';

/**
 * A realistic history of `years` years, made with the project's own code: every
 * event is signed (identity/events.ts) and judged and applied as it is made by
 * the fold's own Runner (so a protokoll draft is built from the state it will
 * be checked against, and nothing is refused). Per year, about 1 000 events:
 * 8 meetings × 12 §§ (kallelse, förhinder, närvaro, every § recorded, the
 * protokoll drafted, justerat by the chair and a justerare, anslag), 40
 * ansökningar each asked about, answered, given a stance by all 10 board
 * members (some change theirs) and commented in shared notes, 50
 * delegationsbeslut, each member's jävsprofil. Deterministic apart from keys
 * and signatures (ids come from a seeded counter).
 */

export interface GeneratedHistory {
  lines: string[];
  events: VerifiedEvent[];
  genesisId: string;
  forbund: { id: string; name: string };
  director: DeviceIdentity;
  members: { person: string; identity: DeviceIdentity }[];
  /** An application still open for stances in the last year. */
  openApplication: string;
  runner: Runner;
}

/** The history ends in the current year, so today's date lies inside the board's term. */
const lastYearNow = (): number => new Date().getUTCFullYear();
const MEMBERS = 10;
const DELEGATION_POINT: DelegationPoint = {
  number: 9,
  category: 'initiatives',
  matter: 'Bevilja medel till kartläggningar och mindre utvecklingsinsatser',
  legalGround: '10 § lagen om finansiell samordning',
  delegate: { kind: 'role', role: 'director' },
  standIn: { kind: 'role', role: 'chair' },
  limit: { amount: 50_000, unit: 'kr' },
  mustReport: true,
  comment: 'Högst 50 000 kr per beslut.',
};

export function generateHistory(years: number, opts: { director?: DeviceIdentity; member0?: DeviceIdentity; seed?: string } = {}): GeneratedHistory {
  let counter = 0;
  const seed = opts.seed ?? 'scale';
  const uuid = (): string => {
    const h = createHash('sha256').update(`${seed}:${counter++}`).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  const forbundId = uuid();
  const generatedDirector = uuid();
  const directorId = opts.director?.person ?? generatedDirector;
  const director = opts.director ?? generateEphemeralIdentity({ person: directorId, deviceName: 'Kansliet' });
  const memberIds = Array.from({ length: MEMBERS }, (_, i) => (i === 0 && opts.member0 ? opts.member0.person : uuid()));
  const members = memberIds.map((person, i) => ({ person, identity: i === 0 && opts.member0 ? opts.member0 : generateEphemeralIdentity({ person, deviceName: `Ledamot ${i + 1}` }) }));

  const lines: string[] = [];
  const events: VerifiedEvent[] = [];
  const ctx: Context = { sorted: events, payloads: new Map(), genesis: null, byId: new Map(), pasts: new Map() };
  const runner = createRunner(ctx, null, [], { grow: true });
  let heads: VerifiedEvent[] = [];
  const FIRST_YEAR = lastYearNow() - years + 1;
  let clock = new Date(`${FIRST_YEAR}-01-02T08:00:00.000Z`);

  const make = (who: DeviceIdentity, author: string, type: string, payload: Record<string, unknown>, prev: string[] = []): VerifiedEvent => {
    const chosen = [...heads].sort((a, b) => compareEvents(b, a)).slice(0, MAX_AFTER);
    const lamport = chosen.reduce((m, e) => Math.max(m, e.body.lamport), 0) + 1;
    const body: EventBody = { v: EVENT_FORMAT_VERSION, forbund: forbundId, author, key: who.fingerprint, lamport, at: clock.toISOString(), type, payload, prev, after: chosen.map((e) => e.id).sort() };
    const s = signEvent(who, body);
    return { id: s.id, body: s.body, line: s.line };
  };
  const commit = (batch: VerifiedEvent[]): void => {
    for (const e of [...batch].sort(compareEvents)) {
      if (e.body.type === 'federation.created') ctx.genesis = e;
      (ctx.byId as Map<string, VerifiedEvent>).set(e.id, e);
      ctx.payloads.set(e.id, parsePayload(e.body));
      events.push(e);
      lines.push(JSON.stringify(e.line));
      const before = runner.state.refused.length + runner.state.held.length;
      runner.step(e);
      if (runner.state.refused.length + runner.state.held.length !== before) {
        const why = runner.state.refused.at(-1)?.reason ?? runner.state.held.at(-1)?.reason ?? 'held';
        throw new Error(`generator: ${e.body.type} did not apply: ${why}`);
      }
    }
    heads = batch;
  };
  const dir = (type: string, payload: Record<string, unknown>, prev: string[] = []): VerifiedEvent => {
    const e = make(director, directorId, type, payload, prev);
    commit([e]);
    return e;
  };
  /** Events made at the same time on several laptops (none saw the others). */
  const concurrently = (make1: Array<() => VerifiedEvent>): void => commit(make1.map((f) => f()));
  const tick = (hours: number): void => {
    clock = new Date(clock.getTime() + hours * 3_600_000);
  };
  const day = (): string => clock.toISOString().slice(0, 10);
  const state = () => runner.state;

  // Set-up: the förbund, five members, the board with a seat over the whole period, every key accepted.
  const lastYear = FIRST_YEAR + years - 1;
  dir('federation.created', {
    name: 'Samordningsförbundet Skalan',
    orgNr: '222000-0018',
    director: { id: directorId, name: 'Dana Direktör', email: 'dana@example.se' },
    directorKey: { fingerprint: director.fingerprint, publicKeyPem: director.publicKeyPem, deviceName: director.deviceName },
  });
  const orgs = ['Försäkringskassan', 'Arbetsförmedlingen', 'Regionen', 'Kommun A', 'Kommun B'].map((name, i) => {
    const id = uuid();
    dir('organisation.added', { id, name, kind: ['socialInsuranceAgency', 'employmentService', 'region', 'municipality', 'municipality'][i], contributions: { [String(FIRST_YEAR)]: 1_000_000 } });
    return id;
  });
  const term = { from: `${FIRST_YEAR}-01-01`, to: `${lastYear + 4}-12-31` };
  members.forEach((m, i) => {
    const role = i === 0 ? 'chair' : i === 1 ? 'viceChair' : i % 2 === 0 ? 'member' : 'substitute';
    const organisationId = orgs[Math.floor(i / 2)] as string;
    dir('person.added', {
      id: m.person,
      name: `Ledamot ${String.fromCharCode(65 + i)} Skalsson`,
      email: `ledamot${i}@example.se`,
      organisationId,
      staffRole: null,
      assignments: [{ role, organisationId, ...term, ...(role === 'substitute' ? { callingOrder: 1 } : {}) }],
    });
  });
  for (const m of members) {
    commit([make(m.identity, m.person, 'key.registered', { personId: m.person, fingerprint: m.identity.fingerprint, publicKeyPem: m.identity.publicKeyPem, deviceName: m.identity.deviceName })]);
    dir('key.accepted', { fingerprint: m.identity.fingerprint });
  }
  const orderId = uuid();
  dir('delegation.order.adopted', {
    id: orderId, adoptedOn: `${FIRST_YEAR - 1}-12-09`, adoptedBy: `§ 52/${FIRST_YEAR - 1}`, validFrom: `${FIRST_YEAR}-01-01`, validTo: null, replaces: null,
    baseAmounts: DEFAULT_BASE_AMOUNTS, points: [...SODERASEN_POINTS.filter((p) => p.number !== 9), DELEGATION_POINT],
  });

  const member = (i: number) => members[i % MEMBERS] as (typeof members)[number];
  const asMember = (i: number, type: string, payload: Record<string, unknown>) => () => make(member(i).identity, member(i).person, type, payload);
  let openApplication = '';

  for (let y = 0; y < years; y++) {
    const year = FIRST_YEAR + y;
    clock = new Date(`${year}-01-02T08:00:00.000Z`);
    dir('budget.set', { amounts: { [String(year)]: 3_000_000, [String(year + 1)]: 3_000_000 } });
    concurrently(members.map((_, i) => asMember(i, 'ties.declared', { ties: [{ kind: 'employer', organisationId: orgs[Math.floor(i / 2)], organisationName: null, description: `Anställd ${year}`, unit: null }] })));
    const apps: string[] = [];
    const decisions: string[] = [];
    for (let mtg = 0; mtg < 8; mtg++) {
      // Five ansökningar between meetings, each reviewed by the whole board.
      for (let a = 0; a < 5; a++) {
        const id = uuid();
        apps.push(id);
        const owner = orgs[(a + mtg) % orgs.length] as string;
        const sought = 100_000 + 10_000 * ((a + mtg) % 7);
        dir('application.registered', application(id, year, apps.length, day(), owner, orgs, sought));
        tick(2);
        const q = [uuid(), uuid()];
        concurrently(q.map((qid, k) => asMember(a + k * 3, 'question.asked', { id: qid, applicationId: id, text: `Hur följs deltagarnas resultat upp i ${year}? (${k + 1})` })));
        tick(20);
        for (const qid of q) dir('question.answered', { questionId: qid, text: 'Genom SUS och tertialrapporter till styrelsen.' });
        tick(4);
        concurrently(members.map((_, i) => asMember(i, 'stance.set', { applicationId: id, stance: i % 4 === 3 ? 'discuss' : 'support', comment: i % 3 === 0 ? 'Väl underbyggd ansökan.' : null })));
        tick(3);
        concurrently([asMember(a, 'note.shared', { applicationId: id, text: 'Budgeten för resor kan behöva ses över.' }), asMember(a + 5, 'note.shared', { applicationId: id, text: 'Samverkan med regionen bör beskrivas tydligare.' })]);
        if (a === 0) concurrently([asMember(3, 'stance.set', { applicationId: id, stance: 'support', comment: 'Ändrat efter svaret på frågan.' })]);
        tick(20);
      }
      // Six delegationsbeslut (50 a year).
      for (let d = 0; d < (mtg < 2 ? 7 : 6); d++) {
        const id = uuid();
        decisions.push(id);
        dir('delegation.decision.recorded', { id, orderId, pointNumber: 9, decidedBy: directorId, date: day(), dnr: `Dnr ${year}/${100 + decisions.length}`, text: `Medel beviljas till en kartläggning (${decisions.length}).`, amountKr: 20_000 + 1_000 * d });
        tick(6);
      }
      holdMeeting(year, mtg, apps.slice(-5, -3), decisions.splice(0));
    }
    openApplication = apps.at(-1) as string;
  }

  function holdMeeting(year: number, n: number, decide: string[], reported: string[]): void {
    const date = day();
    const id = uuid();
    const s = state();
    const agenda = standardAgenda({
      newId: uuid,
      applications: decide.map((a) => ({ applicationId: a, name: s.applications[a]!.versions[0]!.name, dnr: s.applications[a]!.versions[0]!.registrationNumber, proposal: 'Styrelsen beslutar att bevilja ansökan enligt förslaget.', presenter: directorId })),
      delegationDecisionIds: reported,
      presenter: directorId,
    });
    dir('meeting.created', { id, date, startTime: '09:00', place: 'Kansliet', justering: { date, place: 'Kansliet' }, agenda });
    dir('meeting.called', { meetingId: id, sentOn: date });
    concurrently([asMember(3 + n, 'absence.reported', { meetingId: id, reason: 'Semester' })]);
    tick(1);
    dir('minutes.attendance.set', { meetingId: id, persons: [...members.map((m) => ({ personId: m.person, present: true })), { personId: directorId, present: true }], others: [] });
    const adjuster = member(2 + (n % 4) * 2).person;
    for (const item of agenda) {
      if (item.kind === 'adjusters') {
        dir('minutes.item.recorded', { meetingId: id, itemId: item.id, adjusters: [adjuster] });
      } else if (item.kind === 'decision' && item.applicationId) {
        const app = state().applications[item.applicationId]!.versions[0]!;
        const sought = app.budget.reduce((sum, b) => sum + b.sought, 0);
        dir('minutes.item.recorded', { meetingId: id, itemId: item.id, decision: { outcome: 'grant', text: item.proposal || 'Styrelsen beslutar att bevilja ansökan.', amountKr: sought, period: app.period } });
      } else {
        dir('minutes.item.recorded', { meetingId: id, itemId: item.id, decision: { outcome: 'noted', text: `Styrelsen noterar punkten (${year}:${n}).` } });
      }
    }
    dir('minutes.closed', { meetingId: id, endTime: '11:30' });
    const document = buildProtokoll(state(), id, 1, 'whole');
    dir('protokoll.drafted', { meetingId: id, version: 1, part: 'whole', document: document as unknown as Record<string, unknown> });
    tick(24);
    const draft = latestDraft(state().meetings[id]!, 'whole')!;
    const adjusterIndex = members.findIndex((m) => m.person === adjuster);
    concurrently([
      asMember(0, 'protokoll.attested', { meetingId: id, version: 1, sha256: draft.sha256, role: 'chair', part: 'whole' }),
      asMember(adjusterIndex, 'protokoll.attested', { meetingId: id, version: 1, sha256: draft.sha256, role: 'adjuster', part: 'whole' }),
    ]);
    tick(24);
    dir('anslag.posted', { meetingId: id, postedOn: day() });
    tick(24 * 5);
  }

  return { lines, events, genesisId: ctx.genesis!.id, forbund: { id: forbundId, name: 'Samordningsförbundet Skalan' }, director, members, openApplication, runner };
}

function application(id: string, year: number, n: number, receivedOn: string, owner: string, orgs: string[], sought: number): Record<string, unknown> {
  const y = String(year + 1);
  return {
    id, version: 1, registrationNumber: `Dnr ${year}/${n}`, receivedOn, name: `Insats ${year}-${n}`,
    parties: [owner, owner === orgs[1] ? orgs[2] : orgs[1]], ownerId: owner,
    contact: { name: 'Kim Kontakt', role: 'Processledare', organisationId: owner, email: 'kim@example.se' },
    kind: 'individual', form: 'project', period: { from: `${y}-01-01`, to: `${y}-12-31` },
    background: 'Unga vuxna som varken arbetar eller studerar får stöd från flera håll som inte hänger ihop.',
    purpose: 'Att genom samverkan minska ungas arbetslöshet.',
    goals: [{ text: 'Deltagare i arbete eller studier efter 12 månader', target: '50 %' }],
    targetGroup: { ageFrom: 18, ageTo: 29, area: 'Kommun A', participants: 20 },
    activities: 'Kartläggning, lotsstöd och arbetsträning.',
    governance: 'Styrgrupp med chefer från parterna.',
    relationToOrdinary: 'Kompletterar ordinarie verksamhet.',
    budget: [{ id: `personal-${y}`, year: y, category: 'personnel', description: 'Processledare', fte: 1, sought, coFinancing: [] }],
    followUp: { text: 'Tertialrapporter.', nationalSystemReference: `SUS ${year}-${n}` },
    implementation: { kind: 'shared', text: 'Parterna tar över arbetssättet.' },
    risks: 'Svårt att rekrytera.',
    attachments: [],
  };
}
