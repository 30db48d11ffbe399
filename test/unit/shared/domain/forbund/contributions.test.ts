import { describe, expect, it } from 'vitest';
import { checkContributions, contributionYears, summariseYear } from '../../../../../shared/domain/forbund/contributions';
import type { Organisation } from '../../../../../shared/domain/forbund/model';

const org = (id: string, name: string, kind: Organisation['kind'], contributions: Record<string, number>): Organisation => ({ id, name, kind, orgNr: null, contributions });

const balanced = [
  org('fk', 'Försäkringskassan', 'socialInsuranceAgency', { '2026': 2_000_000 }),
  org('af', 'Arbetsförmedlingen', 'employmentService', {}),
  org('r', 'Region Östergötland', 'region', { '2026': 1_000_000 }),
  org('k1', 'Linköpings kommun', 'municipality', { '2026': 600_000 }),
  org('k2', 'Norrköpings kommun', 'municipality', { '2026': 400_000 }),
];

describe('contributions', () => {
  it('gives no warning when FK pays half and regions and kommuner a quarter each', () => {
    expect(checkContributions(balanced)).toEqual([]);
    expect(summariseYear(balanced, '2026')).toEqual({ year: '2026', total: 4_000_000, socialInsuranceAgency: 2_000_000, employmentService: 0, regions: 1_000_000, municipalities: 1_000_000 });
  });

  it('tolerates one krona of rounding', () => {
    const orgs = [
      org('fk', 'FK', 'socialInsuranceAgency', { '2026': 1_000_001 }),
      org('r', 'Region', 'region', { '2026': 500_000 }),
      org('k', 'Kommun', 'municipality', { '2026': 500_000 }),
    ];
    expect(checkContributions(orgs)).toEqual([]);
  });

  it('warns in Swedish when the shares do not add up', () => {
    const orgs = [
      org('fk', 'Försäkringskassan', 'socialInsuranceAgency', { '2026': 1_200_000 }),
      org('r', 'Region', 'region', { '2026': 1_000_000 }),
      org('k', 'Kommun', 'municipality', { '2026': 500_000 }),
    ];
    const w = checkContributions(orgs);
    expect(w.map((x) => x.code)).toEqual(['fk-share', 'region-share', 'municipality-share']);
    expect(w.every((x) => x.level === 'warning')).toBe(true);
    expect(w[0]?.message).toBe(
      'Försäkringskassans bidrag 2026: 1 200 000 kr, men ska vara hälften av förbundets totala bidrag 2 700 000 kr, alltså 1 350 000 kr.',
    );
    expect(w[1]?.message).toContain('ska vara en fjärdedel');
  });

  it('warns when Arbetsförmedlingen has a contribution', () => {
    const orgs = balanced.map((o) => (o.kind === 'employmentService' ? { ...o, contributions: { '2026': 10_000 } } : o));
    const codes = checkContributions(orgs).map((x) => x.code);
    expect(codes).toContain('af-pays');
    const af = checkContributions(orgs).find((x) => x.code === 'af-pays');
    expect(af).toMatchObject({ organisationId: 'af', message: expect.stringContaining('Arbetsförmedlingen betalar inget eget bidrag') });
  });

  it('warns about a member without a contribution and about an empty year', () => {
    const orgs = [...balanced, org('k3', 'Söderköpings kommun', 'municipality', { '2027': 0 })];
    const w = checkContributions(orgs);
    expect(contributionYears(orgs)).toEqual(['2026', '2027']);
    expect(w.filter((x) => x.year === '2026').map((x) => [x.code, x.organisationId])).toEqual([['member-missing-contribution', 'k3']]);
    expect(w.filter((x) => x.year === '2027').map((x) => x.code)).toEqual(['no-contributions']);
  });

  it('checks only the years asked for', () => {
    expect(checkContributions(balanced, ['2030']).map((x) => x.code)).toEqual(['no-contributions']);
  });
});
