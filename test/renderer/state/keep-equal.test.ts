import { describe, expect, it } from 'vitest';
import { keepEqual } from '../../../renderer/src/state/keep-equal';

/** A changed item from the main side keeps its unchanged parts as the objects the renderer holds (issue #16). */
describe('keepEqual', () => {
  const held = { id: 'a', versions: [{ name: 'Ansökan', budget: [{ sought: 1 }] }], stances: { m: { stance: 'support' } }, heads: ['x'] };

  it('keeps every part that did not change, and the whole when nothing did', () => {
    const next = JSON.parse(JSON.stringify({ ...held, stances: { m: { stance: 'oppose' } }, heads: ['y'] })) as typeof held;
    const kept = keepEqual(held, next);
    expect(kept).toEqual(next);
    expect(kept).not.toBe(held);
    expect(kept.versions).toBe(held.versions);
    expect(kept.stances).not.toBe(held.stances);
    expect(keepEqual(held, JSON.parse(JSON.stringify(held)))).toBe(held);
  });

  it('sees a key added or removed, a longer or shorter list, and a change of kind', () => {
    const removed = JSON.parse(JSON.stringify({ ...held, stances: {} })) as typeof held;
    expect(keepEqual(held, removed).stances).toEqual({});
    const longer = JSON.parse(JSON.stringify({ ...held, heads: ['x', 'z'] })) as typeof held;
    expect(keepEqual(held, longer).heads).toEqual(['x', 'z']);
    expect(keepEqual(held, { ...held, heads: [] }).heads).toEqual([]);
    expect(keepEqual({ a: [1] }, { a: { 0: 1 } })).toEqual({ a: { 0: 1 } });
    expect(keepEqual({ a: null }, { a: {} })).toEqual({ a: {} });
    expect(keepEqual({ a: 1 }, { a: 1, b: undefined })).toEqual({ a: 1, b: undefined });
    // A Set is not plain JSON: never taken for another with the same (no) own keys.
    const decided = { ids: new Set(['a']) };
    expect(keepEqual(decided, { ids: new Set(['b']) }).ids.has('b')).toBe(true);
  });
});
