import { describe, expect, it, vi } from 'vitest';
import type * as CausalModule from '../../../../../shared/domain/events/kernel/causal';
import { fold } from '../../../../../shared/domain/events';
import { generateHistory } from '../../../../../bench/scale/generate';

/**
 * Issue #16, the stress point (96 000 events): every event was checked
 * against every protokoll lock ever made, and each lock's whole causal past
 * was kept — 64 s and gigabytes of a 93 s import preview. A lock now guards
 * only its meeting and what its draft shows, and whether its author had seen
 * an event is a search bounded by that event's clock: no lock needs its whole past.
 */
const wholePasts = vi.hoisted(() => ({ roots: [] as string[] }));
vi.mock('../../../../../shared/domain/events/kernel/causal', async (importOriginal) => {
  const real = await importOriginal<typeof CausalModule>();
  return { ...real, pastOf: (...args: Parameters<typeof real.pastOf>) => (wholePasts.roots.push(args[0].body.type), real.pastOf(...args)) };
});

describe('protokoll locks in a fold', () => {
  it('never work out the whole causal past of a lock, over two years of meetings', () => {
    const h = generateHistory(2);
    wholePasts.roots = [];
    const state = fold(h.events);
    // The history has locked protokoll, and the events of their meetings were checked against them.
    expect(Object.values(state.meetings).filter((m) => m.justering !== null).length).toBeGreaterThan(5);
    expect(state.cutoffs.filter((c) => c.kind === 'lock').length).toBeGreaterThan(5);
    expect(wholePasts.roots.filter((t) => t.startsWith('protokoll.'))).toEqual([]);
  }, 60_000);
});
