// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { newSerial } from '../../../../../electron/services/pki/x509';

/**
 * Found by the demo protokoll's pdfsig check, which failed about once in a
 * hundred runs ("Unknown Validation Failure", the signer's name "(null)"):
 * the chair's certificate had the serial number 00 54 61 …, a DER integer
 * with a needless leading zero. OpenSSL refuses it ("BAD INTEGER") and NSS
 * could not match the signer to its certificate. A serial starts with a byte
 * from 0x01 to 0x7f, whatever the random bytes are.
 */
const der = (first: number[]) =>
  Buffer.from(
    newSerial((b) => {
      b.fill(0x5a);
      b.set(first);
      return b;
    }).toBER(false),
  );

describe('certificate serial numbers', () => {
  it.each([[[0x00, 0x54]], [[0x00, 0x00]], [[0x80, 0x01]], [[0xff, 0x01]], [[0x7f, 0x01]]])('are minimal, positive DER integers whatever the random bytes (%j)', (first) => {
    const bytes = der(first);
    expect(bytes[0]).toBe(0x02); // INTEGER
    expect(bytes[1]).toBe(16); // all 16 bytes kept: none dropped, none added
    expect(bytes[2]).toBeGreaterThan(0x00);
    expect(bytes[2]).toBeLessThan(0x80);
  });

  it('stay random: 126 bits, no two alike in a thousand', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => Buffer.from(newSerial().toBER(false)).toString('hex')));
    expect(seen.size).toBe(1000);
  });
});
