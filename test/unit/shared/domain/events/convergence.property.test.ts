import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { merge } from '../../../../../shared/domain/events/kernel/event-set';
import { fold } from '../../../../../shared/domain/events/fold';
import type { FederationState } from '../../../../../shared/domain/events/state';
import type { VerifiedEvent } from '../../../../../shared/domain/log/signed-event';
import { DIRECTOR, type Actor, actor, deviceKey, ev, genesis, registerKey, uuid } from '../../../../helpers/event-builder';
import { seededShuffle as shuffle } from '../../../../helpers/seeded-shuffle';

/**
 * Convergence: laptops that end up with the same events show the same state,
 * whatever packages they exchanged, in whatever order, how many times.
 * And events without authority never change the state.
 *
 * Scenario: a genesis; the director adds four organisations and five people
 * (one of them a second director, the others never directors); everyone
 * registers a key, which is accepted (by either director), rejected or left
 * pending; then random roster changes by both directors (with random `prev`,
 * so some are concurrent), events signed by unknown keys, and attempts by the
 * non-directors to do what only a director may. Lamport clocks are random
 * within loose ranges, so some events sort before what they refer to.
 */

const SECOND = actor(10, 'Stina Ställföreträdare');
const OTHERS = [actor(11, 'Anna Andersson'), actor(12, 'Bo Berg'), actor(13, 'Cilla Carlsson'), actor(14, 'Dag Dahl')];
const PEOPLE: Actor[] = [SECOND, ...OTHERS];
const ORGS = [uuid(0x201), uuid(0x202), uuid(0x203), uuid(0x204)];
const KINDS = ['socialInsuranceAgency', 'employmentService', 'region', 'municipality'] as const;

const lamport = (min: number, max: number) => fc.integer({ min, max });

const opArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({
    kind: fc.constant('orgUpdate' as const),
    bySecond: fc.boolean(),
    org: fc.nat(3),
    name: fc.option(fc.constantFrom('Norra', 'Södra', 'Östra'), { nil: undefined }),
    year: fc.constantFrom('2026', '2027'),
    amount: fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: undefined }),
    lamport: lamport(2, 40),
    prevPick: fc.nat(),
  }) },
  { weight: 3, arbitrary: fc.record({
    kind: fc.constant('personUpdate' as const),
    bySecond: fc.boolean(),
    person: fc.integer({ min: 1, max: 4 }),
    name: fc.option(fc.constantFrom('Ny Nilsson', 'Per Persson'), { nil: undefined }),
    email: fc.option(fc.constantFrom('a@x.se', 'b@x.se'), { nil: undefined }),
    org: fc.option(fc.nat(3), { nil: undefined }),
    lamport: lamport(2, 40),
    prevPick: fc.nat(),
  }) },
  { weight: 2, arbitrary: fc.record({
    kind: fc.constant('unauthorized' as const),
    who: fc.integer({ min: 1, max: 4 }),
    what: fc.constantFrom('personAdded', 'orgUpdate', 'keyAccept', 'genesis', 'makeMeDirector'),
    target: fc.nat(4),
    lamport: lamport(2, 40),
  }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unknownKey' as const), who: fc.nat(4), lamport: lamport(2, 40) }) },
);

const planArb = fc.record({
  orgLamports: fc.array(lamport(2, 6), { minLength: 4, maxLength: 4 }),
  people: fc.array(
    fc.record({ lamport: lamport(2, 9), org: fc.nat(3), role: fc.constantFrom('member', 'substitute', 'chair'), callingOrder: fc.integer({ min: 1, max: 3 }) }),
    { minLength: 5, maxLength: 5 },
  ),
  keys: fc.array(
    fc.record({ lamport: lamport(4, 14), decision: fc.constantFrom('acceptByDirector', 'acceptBySecond', 'reject', 'none'), decisionLamport: lamport(8, 30), sawRegistration: fc.boolean() }),
    { minLength: 5, maxLength: 5 },
  ),
  ops: fc.array(opArb, { minLength: 6, maxLength: 30 }),
});

type Plan = typeof planArb extends fc.Arbitrary<infer T> ? T : never;

/** Builds the events of a plan; `unauthorized` are those no one in the scenario may make. */
function build(plan: Plan): { events: VerifiedEvent[]; unauthorized: Set<string> } {
  const events: VerifiedEvent[] = [];
  const unauthorized = new Set<string>();
  const bySubject = new Map<string, string[]>();
  const add = (e: VerifiedEvent, subject?: string): VerifiedEvent => {
    events.push(e);
    if (subject) bySubject.set(subject, [...(bySubject.get(subject) ?? []), e.id]);
    return e;
  };
  const pickPrev = (subject: string, pick: number): string[] => {
    const ids = bySubject.get(subject) ?? [];
    const i = pick % (ids.length + 1);
    return i === 0 ? [] : [ids[i - 1] as string];
  };

  add(genesis(DIRECTOR, 1));
  plan.orgLamports.forEach((l, i) => add(ev(DIRECTOR, 'organisation.added', { id: ORGS[i], name: `Org ${i}`, kind: KINDS[i] }, l), ORGS[i]));
  plan.people.forEach((p, i) => {
    const who = PEOPLE[i] as Actor;
    const org = ORGS[p.org] as string;
    const assignment = { role: p.role, organisationId: org, from: '2023-01-01', to: '2026-12-31', ...(p.role === 'substitute' ? { callingOrder: p.callingOrder } : {}) };
    add(ev(DIRECTOR, 'person.added', { id: who.id, name: who.name, email: who.email, organisationId: org, staffRole: i === 0 ? 'director' : null, assignments: [assignment] }, p.lamport), who.id);
  });
  plan.keys.forEach((k, i) => {
    const who = PEOPLE[i] as Actor;
    const reg = add(registerKey(who, k.lamport), who.key);
    const prev = k.sawRegistration ? [reg.id] : [];
    if (k.decision === 'acceptByDirector') add(ev(DIRECTOR, 'key.accepted', { fingerprint: who.key }, k.decisionLamport, { prev }), who.key);
    if (k.decision === 'acceptBySecond') add(ev(SECOND, 'key.accepted', { fingerprint: who.key }, k.decisionLamport, { prev }), who.key);
    if (k.decision === 'reject') add(ev(DIRECTOR, 'key.rejected', { fingerprint: who.key }, k.decisionLamport, { prev }), who.key);
  });

  for (const op of plan.ops) {
    switch (op.kind) {
      case 'orgUpdate': {
        const org = ORGS[op.org] as string;
        const payload: Record<string, unknown> = { id: org, contributions: op.amount === undefined ? undefined : { [op.year]: op.amount } };
        if (op.name !== undefined) payload.name = op.name;
        if (op.name === undefined && op.amount === undefined) payload.name = 'Ändrad';
        if (payload.contributions === undefined) delete payload.contributions;
        add(ev(op.bySecond ? SECOND : DIRECTOR, 'organisation.updated', payload, op.lamport, { prev: pickPrev(org, op.prevPick) }), org);
        break;
      }
      case 'personUpdate': {
        const who = PEOPLE[op.person] as Actor;
        const payload: Record<string, unknown> = { id: who.id };
        if (op.name !== undefined) payload.name = op.name;
        if (op.email !== undefined) payload.email = op.email;
        if (op.org !== undefined) payload.organisationId = ORGS[op.org];
        if (Object.keys(payload).length === 1) payload.name = 'Ändrad Person';
        add(ev(op.bySecond ? SECOND : DIRECTOR, 'person.updated', payload, op.lamport, { prev: pickPrev(who.id, op.prevPick) }), who.id);
        break;
      }
      case 'unauthorized': {
        const who = PEOPLE[op.who] as Actor;
        const target = PEOPLE[op.target] as Actor;
        const e =
          op.what === 'personAdded'
            ? ev(who, 'person.added', { id: uuid(0x900 + op.lamport), name: 'Smygare', email: 's@x.se' }, op.lamport)
            : op.what === 'orgUpdate'
              ? ev(who, 'organisation.updated', { id: ORGS[op.target % 4], name: 'Kapad' }, op.lamport)
              : op.what === 'keyAccept'
                ? ev(who, 'key.accepted', { fingerprint: target.key }, op.lamport)
                : op.what === 'makeMeDirector'
                  ? ev(who, 'person.updated', { id: who.id, staffRole: 'director' }, op.lamport)
                  : genesis(who, op.lamport);
        add(e);
        unauthorized.add(e.id);
        break;
      }
      case 'unknownKey': {
        const who = [DIRECTOR, ...PEOPLE][op.who] as Actor;
        add(ev(who, 'organisation.updated', { id: ORGS[0], name: 'Okänd nyckel' }, op.lamport, { key: deviceKey(who, `x${op.lamport}`) }));
        break;
      }
    }
  }
  return { events, unauthorized };
}

const exchangeArb = fc.record({
  laptops: fc.integer({ min: 3, max: 5 }),
  placement: fc.array(fc.nat(4), { minLength: 80, maxLength: 80 }),
  exchanges: fc.array(fc.record({ from: fc.nat(4), to: fc.nat(4), mask: fc.nat() }), { maxLength: 25 }),
  ringStart: fc.nat(4),
});

/** Drops the refused/held entries of the given events, to compare states with and without them. */
function without(state: FederationState, ids: Set<string>): FederationState {
  return { ...state, refused: state.refused.filter((r) => !ids.has(r.eventId)), held: state.held.filter((h) => !ids.has(h.eventId)) };
}

describe('convergence (property)', () => {
  it('laptops that exchanged packages in any order, any number of times, show the same state', () => {
    fc.assert(
      fc.property(planArb, exchangeArb, fc.nat(), (plan, x, seed) => {
        const { events } = build(plan);
        const n = x.laptops;
        // Every laptop starts with the genesis (it came with the invitation) and the events made on it.
        const laptops: VerifiedEvent[][] = Array.from({ length: n }, () => [events[0] as VerifiedEvent]);
        events.slice(1).forEach((e, i) => laptops[(x.placement[i % x.placement.length] as number) % n]?.push(e));
        // Packages: part of what one laptop has, imported by another; repeats and replays allowed.
        for (const { from, to, mask } of x.exchanges) {
          const src = laptops[from % n] as VerifiedEvent[];
          const part = src.filter((_, i) => ((mask >>> i % 30) & 1) === 1 || i % 7 === mask % 7);
          laptops[to % n] = merge(laptops[to % n] as VerifiedEvent[], [...part, ...part]);
          fold(laptops[to % n] as VerifiedEvent[]); // a partial set folds without throwing
        }
        // Then packages go round the ring twice, so everyone has everything.
        for (let k = 0; k < 2 * n; k++) {
          const i = (x.ringStart + k) % n;
          laptops[(i + 1) % n] = merge(laptops[(i + 1) % n] as VerifiedEvent[], laptops[i] as VerifiedEvent[]);
        }
        const reference = fold(shuffle(events, seed));
        for (const l of laptops) {
          expect(l).toHaveLength(new Set(events.map((e) => e.id)).size);
          expect(fold(shuffle(l, seed + 1))).toEqual(reference);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('events without authority never change the state; they are refused or held', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const { events, unauthorized } = build(plan);
        const withThem = fold(events);
        const withoutThem = fold(events.filter((e) => !unauthorized.has(e.id)));
        expect(without(withThem, unauthorized)).toEqual(withoutThem);
        const notApplied = new Set([...withThem.refused.map((r) => r.eventId), ...withThem.held.map((h) => h.eventId)]);
        for (const id of unauthorized) expect(notApplied.has(id)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('the state is self-consistent about keys: applied events have accepted keys, held ones do not', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const { events } = build(plan);
        const s = fold(events);
        const byId = new Map(events.map((e) => [e.id, e]));
        for (const h of s.held) {
          expect(h.keyStatus).toBe(s.keys[h.fingerprint] ? 'pending' : 'unknown');
          if (s.keys[h.fingerprint]) expect(s.keys[h.fingerprint]?.status).toBe('pending');
        }
        for (const entries of Object.values(s.history)) {
          for (const entry of entries) {
            const e = byId.get(entry.eventId) as VerifiedEvent;
            if (e.body.type === 'key.registered' || e.body.type === 'federation.created') continue;
            expect(s.keys[e.body.key]).toMatchObject({ status: 'accepted', personId: e.body.author });
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('the scenarios exercise what they should (sanity of the generator)', () => {
    const seen = { conflicts: 0, held: 0, refused: 0, acceptedBySecond: 0 };
    fc.assert(
      fc.property(planArb, (plan) => {
        const s = fold(build(plan).events);
        seen.conflicts += s.conflicts.length > 0 ? 1 : 0;
        seen.held += s.held.length > 0 ? 1 : 0;
        seen.refused += s.refused.length > 0 ? 1 : 0;
        seen.acceptedBySecond += Object.values(s.keys).some((k) => k.status === 'accepted' && k.decidedBy && s.history[k.fingerprint]?.some((h) => h.eventId === k.decidedBy && h.author === SECOND.id)) ? 1 : 0;
      }),
      { numRuns: 100, seed: 42 },
    );
    expect(seen.conflicts).toBeGreaterThan(5);
    expect(seen.held).toBeGreaterThan(20);
    expect(seen.refused).toBeGreaterThan(20);
    expect(seen.acceptedBySecond).toBeGreaterThan(0);
  });
});
