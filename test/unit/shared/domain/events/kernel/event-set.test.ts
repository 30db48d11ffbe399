import { describe, expect, it } from 'vitest';
import { knownIds, merge, nextLamport, sortedUnique } from '../../../../../../shared/domain/events/kernel/event-set';
import { baseSetup } from '../../../../../helpers/event-builder';

describe('event sets', () => {
  const { events } = baseSetup();

  it('merges by id, sorted by the shared order, whatever the duplicates', () => {
    const a = events.slice(0, 5);
    const b = events.slice(3);
    const m = merge(b, [...a, ...a]);
    expect(m.map((e) => e.id)).toEqual(sortedUnique(events).map((e) => e.id));
    expect(m.map((e) => e.body.lamport)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(merge(a, b)).toEqual(merge(b, a));
  });

  it('lists known ids and the next Lamport clock', () => {
    expect(knownIds(events)).toEqual(new Set(events.map((e) => e.id)));
    expect(nextLamport(events)).toBe(10);
    expect(nextLamport([])).toBe(1);
  });
});
