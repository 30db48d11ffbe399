import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../../../shared/contract/wire';

describe('wire format', () => {
  it('carries Uint8Array and Node Buffers as bytes, nested anywhere', () => {
    const value = { meta: { name: 'Ärende §3' }, bytes: Buffer.from([0, 1, 2, 255]), list: [new Uint8Array([9, 8])] };
    const back = decodeWire(encodeWire(value)) as { meta: unknown; bytes: Uint8Array; list: Uint8Array[] };
    expect(back.meta).toEqual({ name: 'Ärende §3' });
    expect(back.bytes).toBeInstanceOf(Uint8Array);
    expect([...back.bytes]).toEqual([0, 1, 2, 255]);
    expect([...back.list[0]!]).toEqual([9, 8]);
  });

  it('round-trips a large binary without loss', () => {
    const big = new Uint8Array(300_000).map((_, i) => (i * 31) % 256);
    const back = decodeWire(encodeWire({ big })) as { big: Uint8Array };
    expect(Buffer.from(back.big).equals(Buffer.from(big))).toBe(true);
  });

  it('reads text that only mentions the tag as text, or has no bytes at all, as plain JSON', () => {
    const value = { note: 'Skriv "$bytes" i fältet', nested: [{ a: 1 }, null, 'å'] };
    expect(decodeWire(encodeWire(value))).toEqual(value);
    expect(decodeWire(JSON.stringify({ plain: ['x', 2] }))).toEqual({ plain: ['x', 2] });
    expect(decodeWire('{"k": "$bytes"}')).toEqual({ k: '$bytes' });
  });

  it('refuses a malformed bytes tag', () => {
    expect(() => decodeWire('{"$bytes": 12}')).toThrow(SyntaxError);
    expect(() => decodeWire('{"$bytes": "not base64!"}')).toThrow(SyntaxError);
  });
});
