/**
 * Organisationsnummer (orgNr): the ten-digit number every Swedish legal person
 * has, written `NNNNNN-NNNN`. The last digit is a Luhn (mod 10) check digit
 * over the first nine, so a typo in one digit is always caught — which is why
 * we check it instead of only counting digits.
 *
 * Stored and signed in events in the normalised form `NNNNNN-NNNN`, so two
 * laptops that typed the same number with and without the hyphen agree.
 */

export type OrgNrResult =
  | { ok: true; value: string; warning?: string }
  | { ok: false; error: string };

/** Luhn check digit for a string of digits (weights 2,1,2,1,… from the left for nine digits). */
export function luhnCheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new RangeError('luhnCheckDigit: digits only');
  let sum = 0;
  // Double every other digit counting from the right-most digit of the payload,
  // as the check digit will be appended to its right.
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[digits.length - 1 - i]);
    const v = i % 2 === 0 ? d * 2 : d;
    sum += v > 9 ? v - 9 : v;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Reads what a person typed: spaces around are ignored, a hyphen is allowed
 * only after the sixth digit. Returns the normalised `NNNNNN-NNNN` or a
 * Swedish error for the form.
 */
export function parseOrgNr(input: string): OrgNrResult {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'Ange organisationsnummer.' };
  const m = /^(\d{6})-?(\d{4})$/.exec(text);
  if (!m) {
    const digits = text.replace(/\D/g, '');
    if (/[^\d-]/.test(text)) return { ok: false, error: 'Organisationsnumret får bara innehålla siffror och ett bindestreck.' };
    if (digits.length !== 10) return { ok: false, error: `Organisationsnumret ska ha 10 siffror (nu ${digits.length}).` };
    return { ok: false, error: 'Bindestrecket ska stå efter de sex första siffrorna: NNNNNN-NNNN.' };
  }
  const [, head = '', tail = ''] = m;
  const all = head + tail;
  if (luhnCheckDigit(all.slice(0, 9)) !== Number(all[9])) {
    return { ok: false, error: 'Kontrollsiffran stämmer inte. Kontrollera organisationsnumret.' };
  }
  const value = `${head}-${tail}`;
  // Legal persons have 20 or more in digits 3–4 so their numbers never look like
  // a date of birth. Not a hard rule here (source not checked in this project), so a warning.
  if (Number(all[2]) < 2) {
    return { ok: true, value, warning: 'Tredje siffran är lägre än 2: numret liknar ett personnummer, inte ett organisationsnummer.' };
  }
  return { ok: true, value };
}

export function isValidOrgNr(input: string): boolean {
  return parseOrgNr(input).ok;
}

/** `NNNNNN-NNNN`, or the input unchanged when it is not a valid number (for display of bad data). */
export function formatOrgNr(input: string): string {
  const r = parseOrgNr(input);
  return r.ok ? r.value : input;
}
