import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../../shared/domain/log/canonical-json';

/** The form an event id is the hash of: any change of bytes here splits one event into two ids. */
describe('canonical JSON', () => {
  it('sorts keys by UTF-16 code units, drops undefined, and writes numbers and literals as JSON does', () => {
    expect(canonicalJson({ b: 1, a: [1, -0, 1e21, true, null], Z: { z: undefined, y: 'ok' }, '': 0 })).toBe('{"":0,"Z":{"y":"ok"},"a":[1,0,1e+21,true,null],"b":1}');
    expect(canonicalJson({ 'é': 1, 'z': 2, '\u{1F600}': 3, '\uFF21': 4 })).toBe('{"z":2,"é":1,"\u{1F600}":3,"Ａ":4}');
  });

  it('NFC-normalises strings and keys and escapes what JSON escapes, while plain ASCII stays as it is', () => {
    expect(canonicalJson({ 'e\u0301': 'Ångström\u030A' })).toBe('{"\u00e9":"Ångström\u030A"}'.normalize('NFC'));
    expect(canonicalJson(['x"y', 'back\\slash', 'tab\there', '\u001f', '\u007f', '\u2028', 'Dnr 2026/14 ~ {ok}'])).toBe(
      '["x\\"y","back\\\\slash","tab\\there","\\u001f","\u007f","\u2028","Dnr 2026/14 ~ {ok}"]',
    );
  });

  it('refuses what is not plain JSON', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ a: new Date(0) })).toThrow(TypeError);
    expect(() => canonicalJson({ a: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson(1n)).toThrow(TypeError);
  });
});
