import { describe, expect, it } from 'vitest';
import { fold } from '../../../../../shared/domain/events';
import { LockIndex, type Context } from '../../../../../shared/domain/events/runner';
import type { Cutoff } from '../../../../../shared/domain/events/state';
import { generateHistory } from '../../../../../bench/scale/generate';
import { DIRECTOR, ev2, genesis2, uuid } from '../../../../helpers/event-builder';

/**
 * Issue #16, the stress point (96 000 events): every event was checked
 * against every protokoll lock ever made (840 at 105 years), and each lock's
 * whole causal past was kept as a Set of ids — 64 s and gigabytes of a 93 s
 * import preview. A lock now guards only its meeting and what its draft
 * shows, and pasts are bitsets built on each other (past-search.property.test.ts).
 * (Failing first, when this test counted whole pasts of locks:
 * expected [ 'protokoll.drafted', …(15) ] to deeply equal [].)
 */
describe('protokoll locks', () => {
  it('are asked about an event only when they guard its meeting or something their draft shows', () => {
    const g = genesis2(DIRECTOR);
    const [meetingA, meetingB, application, other] = [uuid(0xa), uuid(0xb), uuid(0xc), uuid(0xd)];
    const draftA = ev2(DIRECTOR, 'protokoll.drafted', { meetingId: meetingA, document: { items: [{ applicationId: application }] } }, [g]);
    const draftB = ev2(DIRECTOR, 'protokoll.drafted', { meetingId: meetingB, document: { items: [] } }, [g]);
    const ctx: Context = { sorted: [g, draftA, draftB], payloads: new Map(), genesis: g, byId: new Map([g, draftA, draftB].map((e) => [e.id, e])), pasts: new Map() };
    const lock = (e: typeof draftA, meeting: string): Cutoff => ({ eventId: e.id, kind: 'lock', subject: meeting, by: DIRECTOR.id });
    const index = new LockIndex(ctx);
    index.add(lock(draftA, meetingA));
    index.add(lock(draftB, meetingB));
    expect(index.guarding(meetingA, meetingA).map((c) => c.subject)).toEqual([meetingA]);
    expect(index.guarding(null, application).map((c) => c.subject)).toEqual([meetingA]); // an ansökan on A's draft
    expect(index.guarding(meetingB, application).map((c) => c.subject).sort()).toEqual([meetingA, meetingB].sort());
    expect(index.guarding(null, other)).toEqual([]);
  });

  it('still refuse nothing of a valid history, over two years of meetings', () => {
    const h = generateHistory(2);
    const state = fold(h.events);
    expect(state.cutoffs.filter((c) => c.kind === 'lock').length).toBeGreaterThan(5);
    expect(state.refused).toEqual([]);
  }, 60_000);
});
