import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VerifiedEvent } from '../../../../../shared/domain/log/signed-event';
import { inPast, pastOf } from '../../../../../shared/domain/events/kernel/causal';
import { inPastOf, pastFor, type Context } from '../../../../../shared/domain/events/runner';
import { DIRECTOR, LEDAMOT, ev2, genesis2 } from '../../../../helpers/event-builder';

/**
 * Issue #16, the stress point: a fold at 96 000 events spent 64 s and
 * gigabytes keeping the whole causal past of every protokoll lock. inPastOf
 * answers "had the root's author seen e?" by a search bounded by e's clock;
 * it must answer exactly as the whole past does, for any history.
 */
const ctxOf = (events: VerifiedEvent[]): Context => ({ sorted: events, payloads: new Map(), genesis: events[0]!, byId: new Map(events.map((e) => [e.id, e])), pasts: new Map() });

describe('the bounded search of a causal past', () => {
  it('answers as the whole past does, for random histories of several authors', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 60 }), (steps) => {
        const g = genesis2(DIRECTOR);
        const events: VerifiedEvent[] = [g];
        for (const [i, [a, b, two]] of steps.entries()) {
          // Each event follows one or two earlier events: forks and merges.
          const parents = [events[a % events.length]!, ...(two ? [events[b % events.length]!] : [])];
          events.push(ev2(i % 2 ? LEDAMOT : DIRECTOR, 'stance.set', { n: i }, [...new Set(parents)]));
        }
        const ctx = ctxOf(events);
        for (const root of events) {
          const whole = pastOf(root, ctx.byId);
          for (const e of events) expect(inPastOf({ ...ctx, pasts: new Map() }, root, e), `${root.id.slice(0, 6)} ← ${e.id.slice(0, 6)}`).toBe(inPast(whole, e));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('pasts built on pasts already worked out (in any order) hold exactly the ids a walk of their own finds', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 50 }), fc.array(fc.nat(), { maxLength: 20 }), (steps, order) => {
        const events: VerifiedEvent[] = [genesis2(DIRECTOR)];
        for (const [i, [a, b, two]] of steps.entries()) {
          const parents = [events[a % events.length]!, ...(two ? [events[b % events.length]!] : [])];
          events.push(ev2(i % 2 ? LEDAMOT : DIRECTOR, 'stance.set', { n: i }, [...new Set(parents)]));
        }
        const ctx = ctxOf(events);
        for (const k of order) pastFor(ctx, events[k % events.length]!); // some pasts first, in a random order
        for (const root of events) {
          const shared = pastFor(ctx, root);
          const alone = pastOf(root, ctx.byId);
          for (const e of events) expect(inPast(shared, e)).toBe(inPast(alone, e));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('once a root’s searches have visited more than its budget (a revoked key’s years of events), works out its whole past and keeps it', () => {
    const events: VerifiedEvent[] = [genesis2(DIRECTOR)];
    for (let i = 0; i < 4200; i++) events.push(ev2(DIRECTOR, 'stance.set', { n: i }, [events.at(-1)!]));
    const ctx = ctxOf(events);
    const root = events.at(-1)!;
    expect(inPastOf(ctx, root, events[4000]!)).toBe(true); // 199 steps back: searched
    expect(ctx.pasts.has(root.id)).toBe(false);
    expect(inPastOf(ctx, root, events[1]!)).toBe(true); // 4 199 steps back: over the budget mid-way
    expect(ctx.pasts.has(root.id)).toBe(true); // the whole past, kept
    expect(inPastOf(ctx, root, events[2]!)).toBe(true);
    expect(inPastOf(ctx, root, root)).toBe(false);
    expect(inPastOf(ctx, events[1]!, root)).toBe(false);
  });
});
