/**
 * Canonical JSON: object keys sorted by UTF-16 code unit order at every level,
 * no whitespace, strings NFC-normalised. The same value always gives the same
 * bytes, so an event's id (SHA-256 of its body) is the same on every laptop.
 * Only plain JSON values are allowed; anything else throws.
 *
 * Every stored event is checked against it when the log is opened, so it is
 * written for speed (issue #16): one string built in place, and printable
 * ASCII without quote or backslash (most keys and values) taken as it is,
 * since NFC and JSON escaping leave it unchanged.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'string':
      return quoted(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
        return `${out}]`;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new TypeError('canonicalJson: not a plain object');
      const record = value as Record<string, unknown>;
      // The default sort compares UTF-16 code units, the order the format names.
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const v = record[key];
        if (v === undefined) continue;
        out += `${first ? '' : ','}${quoted(key)}:${canonicalJson(v)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`canonicalJson: unsupported ${typeof value}`);
  }
}

/** Printable ASCII but `"` and `\`: its own NFC form and JSON string body. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function quoted(text: string): string {
  return PLAIN.test(text) ? `"${text}"` : JSON.stringify(text.normalize('NFC'));
}
