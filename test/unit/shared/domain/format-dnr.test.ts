import { describe, expect, it } from 'vitest';
import { formatDnr } from '../../../../shared/domain/format';

describe('formatDnr', () => {
  it('prefixes a bare number and never doubles a prefix typed with the number', () => {
    expect(formatDnr('2026/14')).toBe('Dnr 2026/14');
    expect(formatDnr('Dnr 2026/14')).toBe('Dnr 2026/14');
    expect(formatDnr('dnr. 2026/14')).toBe('Dnr 2026/14');
    expect(formatDnr('KS 2026/14')).toBe('Dnr KS 2026/14');
  });
});
