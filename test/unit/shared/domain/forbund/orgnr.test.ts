import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatOrgNr, isValidOrgNr, luhnCheckDigit, parseOrgNr } from '../../../../../shared/domain/forbund/orgnr';

describe('organisationsnummer', () => {
  it('accepts a real number with and without hyphen and normalises it', () => {
    // Skatteverket's own organisationsnummer.
    expect(parseOrgNr('202100-5448')).toEqual({ ok: true, value: '202100-5448' });
    expect(parseOrgNr('2021005448')).toEqual({ ok: true, value: '202100-5448' });
    expect(parseOrgNr('  202100-5448 ')).toEqual({ ok: true, value: '202100-5448' });
    expect(formatOrgNr('2021005448')).toBe('202100-5448');
  });

  it('computes the Luhn check digit', () => {
    expect(luhnCheckDigit('202100544')).toBe(8);
    const nine = '222000176';
    const n = `${nine}${luhnCheckDigit(nine)}`;
    expect(isValidOrgNr(n)).toBe(true);
  });

  it('refuses a wrong check digit with a Swedish message', () => {
    const r = parseOrgNr('202100-5449');
    expect(r).toEqual({ ok: false, error: expect.stringContaining('Kontrollsiffran') });
  });

  it('refuses wrong lengths, letters and a misplaced hyphen', () => {
    expect(parseOrgNr('')).toMatchObject({ ok: false, error: 'Ange organisationsnummer.' });
    expect(parseOrgNr('202100-544')).toMatchObject({ ok: false, error: expect.stringContaining('10 siffror (nu 9)') });
    expect(parseOrgNr('20210054481')).toMatchObject({ ok: false, error: expect.stringContaining('10 siffror') });
    expect(parseOrgNr('2021A0-5448')).toMatchObject({ ok: false, error: expect.stringContaining('bara innehålla siffror') });
    expect(parseOrgNr('20210-05448')).toMatchObject({ ok: false, error: expect.stringContaining('efter de sex första') });
    expect(parseOrgNr('202100 5448')).toMatchObject({ ok: false });
    expect(formatOrgNr('fel')).toBe('fel');
  });

  it('warns, without refusing, when the number looks like a personnummer', () => {
    const nine = '551212123';
    const r = parseOrgNr(`${nine}${luhnCheckDigit(nine)}`);
    expect(r.ok).toBe(true);
    expect(r.ok && r.warning).toMatch(/personnummer/);
  });

  it('property: the check digit makes any nine digits valid and catches every single-digit typo', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.nat(9), fc.integer({ min: 1, max: 9 }), (nine, pos, delta) => {
        const n = `${nine}${luhnCheckDigit(nine)}`;
        expect(isValidOrgNr(n)).toBe(true);
        const typo = n.slice(0, pos) + String((Number(n[pos]) + delta) % 10) + n.slice(pos + 1);
        expect(isValidOrgNr(typo)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
