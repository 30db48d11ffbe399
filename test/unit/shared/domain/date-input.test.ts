import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateInputError, readDateInput } from '../../../../shared/domain/date-input';
import { dateError } from '../../../../renderer/src/lib/validate';

describe('readDateInput: the app’s ÅÅÅÅ-MM-DD dates', () => {
  it('accepts a real date, trimmed', () => {
    expect(readDateInput(' 2026-03-14 ')).toEqual({ ok: true, date: '2026-03-14' });
    expect(readDateInput('2028-02-29')).toEqual({ ok: true, date: '2028-02-29' }); // leap year
  });

  it('says that an impossible date does not exist, and why, instead of asking for the format', () => {
    const r = readDateInput('2026-02-30');
    expect(r).toMatchObject({ ok: false, reason: 'impossible' });
    expect(!r.ok && r.message).toBe('Datumet 2026-02-30 finns inte: februari 2026 har 28 dagar.');
    expect(readDateInput('2027-02-29')).toMatchObject({ reason: 'impossible' });
    expect(readDateInput('2026-04-31')).toMatchObject({ reason: 'impossible' });
    expect(readDateInput('2026-13-01')).toMatchObject({ ok: false, reason: 'impossible', message: 'Datumet 2026-13-01 finns inte: månaden ska vara 01–12.' });
    expect(readDateInput('2026-00-10')).toMatchObject({ reason: 'impossible' });
    expect(readDateInput('2026-05-00')).toMatchObject({ reason: 'impossible' });
  });

  it('asks for ÅÅÅÅ-MM-DD when the format is wrong (US order, slashes, short years, empty)', () => {
    for (const bad of ['03/14/2026', '2026/03/14', '26-03-14', '2026-3-14', '14 mars 2026', '2026-03-14T00:00']) {
      expect(readDateInput(bad)).toMatchObject({ ok: false, reason: 'format' });
    }
    expect(readDateInput('  ')).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('agrees with the calendar for every day of 1900–2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const real = new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === text;
        expect(readDateInput(text).ok).toBe(real);
      }),
    );
  });

  it('names the field for an empty or wrongly written value, and the forms use it', () => {
    expect(dateInputError('', 'beslutsdatumet')).toBe('Ange beslutsdatumet (ÅÅÅÅ-MM-DD).');
    expect(dateInputError('2026/03/02', 'beslutsdatumet', '2026-03-02')).toBe('Skriv beslutsdatumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-02.');
    expect(dateInputError('2026-02-30', 'beslutsdatumet')).toMatch(/^Datumet 2026-02-30 finns inte/);
    // The registration form's check (renderer/src/lib/validate.ts) says the same.
    expect(dateError('2026-02-30', 'startdatum')).toMatch(/^Datumet 2026-02-30 finns inte/);
  });
});
