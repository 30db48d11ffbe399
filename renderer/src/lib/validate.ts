import { parseOrgNr } from '../../../shared/domain/forbund/orgnr';
import { dateInputError } from '../../../shared/domain/date-input';

/** Form checks with Swedish messages; null when the value is fine. */

export function requiredText(value: string, what: string): string | null {
  return value.trim() === '' ? `Ange ${what}.` : null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emailError(value: string): string | null {
  if (value.trim() === '') return 'Ange en e-postadress.';
  return EMAIL.test(value.trim()) ? null : 'E-postadressen ser inte rätt ut. Den ska se ut som namn@exempel.se.';
}

/** Organisationsnummer: the error, or the normalised value and a possible warning. */
export function orgNrCheck(value: string, optional = false): { error: string | null; value: string | null; warning: string | null } {
  if (optional && value.trim() === '') return { error: null, value: null, warning: null };
  const r = parseOrgNr(value);
  return r.ok ? { error: null, value: r.value, warning: r.warning ?? null } : { error: r.error, value: null, warning: null };
}

export function dateError(value: string, what: string): string | null {
  return dateInputError(value, what, '2027-01-01');
}
