import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextPlace, pastOf, inPast } from '../../../../../../shared/domain/events/kernel/causal';
import { merge } from '../../../../../../shared/domain/events/kernel/event-set';
import { fold } from '../../../../../../shared/domain/events/fold';
import type { VerifiedEvent } from '../../../../../../shared/domain/log/signed-event';
import { application } from '../../applications/fixtures';
import { DIRECTOR, ORG, actor, pem, type Actor } from '../../../../../helpers/event-builder';
import { chain, ev2, genesis2 } from '../../../../../helpers/event-builder';
import { seededShuffle as shuffle } from '../../../../../helpers/seeded-shuffle';

/**
 * Convergence with the causal order (issue #11): 3–5 laptops make format-2
 * events on what they have seen (each names its laptop's heads), exchange
 * packages in random order with duplicates and replays, while the
 * förbundschef revokes one member's key (the revocation travels like any
 * event, so some laptops keep signing with that key before they hear of it).
 * When everyone has everything, every laptop shows the same state, whatever
 * the order it learnt the events in; and no event of the revoked key outside
 * the revocation's past is applied.
 */

const MEMBERS = [actor(50, 'Anna Andersson'), actor(51, 'Bo Berg'), actor(52, 'Cilla Carlsson'), actor(53, 'Dag Dahl')];
const APP = application({ receivedOn: '2026-01-15' });

function prefix(): VerifiedEvent[] {
  const c = chain();
  c.add(genesis2(DIRECTOR));
  c.add(ev2(DIRECTOR, 'organisation.added', { id: ORG.kommun, name: 'Linköpings kommun', kind: 'municipality' }, c.heads()));
  c.add(ev2(DIRECTOR, 'organisation.added', { id: ORG.af, name: 'Arbetsförmedlingen', kind: 'employmentService' }, c.heads()));
  for (const m of MEMBERS) {
    c.add(ev2(DIRECTOR, 'person.added', { id: m.id, name: m.name, email: m.email, organisationId: ORG.kommun, assignments: [{ role: 'member', organisationId: ORG.kommun, from: '2023-01-01', to: '2030-12-31' }] }, c.heads()));
    const reg = c.add(ev2(m, 'key.registered', { personId: m.id, fingerprint: m.key, publicKeyPem: pem(m.key), deviceName: `${m.name}s dator` }, c.heads()));
    c.add(ev2(DIRECTOR, 'key.accepted', { fingerprint: m.key }, c.heads(), { prev: [reg.id] }));
  }
  c.add(ev2(DIRECTOR, 'application.registered', APP, c.heads(), { at: '2026-02-01T09:00:00.000Z' }));
  return c.events;
}

const stepArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('make' as const), laptop: fc.nat(4), what: fc.constantFrom('stance', 'question', 'orgUpdate'), pick: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('send' as const), from: fc.nat(4), to: fc.nat(4), mask: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('revoke' as const), member: fc.nat(3) }) },
);

const planArb = fc.record({ laptops: fc.integer({ min: 3, max: 5 }), steps: fc.array(stepArb, { minLength: 5, maxLength: 40 }), seed: fc.nat() });

describe('convergence with the causal order (property)', () => {
  it('laptops with the same events show the same state, and a revoked key’s events outside the cut-off never apply', () => {
    fc.assert(
      fc.property(planArb, ({ laptops: n, steps, seed }) => {
        const base = prefix();
        // Laptop 0 is the förbundschef's; laptop i ≥ 1 belongs to member i − 1.
        const logs: VerifiedEvent[][] = Array.from({ length: n }, () => [...base]);
        const owner = (i: number): Actor => (i === 0 ? DIRECTOR : (MEMBERS[i - 1] as Actor));
        let revoked = false;
        let counter = 0;
        for (const step of steps) {
          if (step.kind === 'send') {
            const src = logs[step.from % n] as VerifiedEvent[];
            const part = src.filter((_, i) => ((step.mask >>> i % 30) & 1) === 1);
            // A package carries a prefix-closed part in practice; a partial one leaves events waiting for their past.
            logs[step.to % n] = merge(logs[step.to % n] as VerifiedEvent[], [...part, ...part]);
            continue;
          }
          const i = step.kind === 'revoke' ? 0 : step.laptop % n;
          const log = logs[i] as VerifiedEvent[];
          const waiting = new Set(fold(log).held.map((h) => h.eventId));
          const place = nextPlace(log, (id) => !waiting.has(id));
          const after = place.after.map((id) => log.find((e) => e.id === id) as VerifiedEvent);
          const who = owner(i);
          let e: VerifiedEvent;
          if (step.kind === 'revoke') {
            if (revoked) continue;
            revoked = true;
            const target = MEMBERS[step.member % Math.max(1, n - 1)] as Actor;
            e = ev2(DIRECTOR, 'key.revoked', { fingerprint: target.key, reason: 'Datorn är borttappad.' }, after);
          } else if (i === 0 || step.what === 'orgUpdate') {
            if (i !== 0) continue;
            e = ev2(DIRECTOR, 'organisation.updated', { id: ORG.af, name: `Arbetsförmedlingen ${++counter}` }, after);
          } else if (step.what === 'stance') {
            e = ev2(who, 'stance.set', { applicationId: APP.id, stance: (['support', 'oppose', 'discuss'] as const)[step.pick % 3] }, after);
          } else {
            e = ev2(who, 'question.asked', { id: `00000000-0000-4000-8000-${(0xb000 + ++counter).toString(16).padStart(12, '0')}`, applicationId: APP.id, text: `Fråga ${counter}` }, after);
          }
          logs[i] = merge(log, [e]);
        }
        // Everyone sends everything round the ring twice.
        for (let k = 0; k < 2 * n; k++) logs[(k + 1) % n] = merge(logs[(k + 1) % n] as VerifiedEvent[], logs[k % n] as VerifiedEvent[]);
        const all = logs[0] as VerifiedEvent[];
        const reference = fold(shuffle(all, seed));
        for (const [j, l] of logs.entries()) {
          expect(l).toHaveLength(all.length);
          expect(fold(shuffle([...l, ...l.slice(0, 5)], seed + j + 1))).toEqual(reference);
        }
        expect(reference.held).toEqual([]);
        const revocation = all.find((e) => e.body.type === 'key.revoked');
        if (revocation) {
          const past = pastOf(revocation, new Map(all.map((e) => [e.id, e])));
          const refused = new Set(reference.refused.map((r) => r.eventId));
          for (const e of all) {
            if (e.body.key === revocation.body.payload['fingerprint'] && !inPast(past, e)) expect(refused.has(e.id)).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
