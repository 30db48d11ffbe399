import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonBytes, jsonPieces } from '../../../../../electron/services/storage/json-pieces';

describe('JSON in pieces', () => {
  it('joins to exactly what JSON.stringify writes, at every depth', () => {
    const value = fc.anything({ withDate: true, withMap: false, withSet: false, withTypedArray: false, withSparseArray: true, withNullPrototype: true, withObjectString: false });
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 6 }), (v, depth) => {
        expect([...jsonPieces(v, depth)].join('')).toBe(JSON.stringify(v) ?? '');
      }),
      { numRuns: 500 },
    );
  });

  it('keeps each piece small when the containers are large', () => {
    const state = { sections: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`item-${i}`, { name: 'Åsa Öberg', history: Array.from({ length: 20 }, (_, k) => ({ k })) }])) };
    const pieces = [...jsonPieces(state, 3)];
    expect(pieces.join('')).toBe(JSON.stringify(state));
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(1000);
  });
});

describe('JSON as packed bytes', () => {
  it('is the UTF-8 of JSON.stringify, in buffers of a bounded size', () => {
    const value = { rows: Array.from({ length: 5000 }, (_, i) => ({ i, name: `Åsa Öberg ${i}`, text: 'x'.repeat(100) })) };
    const buffers = jsonBytes(value, 3);
    expect(Buffer.concat(buffers).toString('utf8')).toBe(JSON.stringify(value));
    expect(buffers.length).toBeGreaterThan(1);
    expect(Math.max(...buffers.map((b) => b.length))).toBeLessThan(300 * 1024);
  });
});
