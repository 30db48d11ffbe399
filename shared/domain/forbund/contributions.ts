import { formatAmount } from '../format';
import { ORGANISATION_KIND_LABEL, type Organisation } from './model';

/**
 * The financing split of FinsamL § 5 (DOMAIN.md 1.2): Försäkringskassan pays
 * the state's half, the region(s) together a quarter, the kommun(er) together
 * a quarter; Arbetsförmedlingen has seats but pays nothing separately.
 *
 * The split is law, but the issue asks to present deviations as warnings: the
 * förbund may be entering a draft budget, or a member may pay late. So this
 * module never blocks anything; it explains what does not add up.
 */

/** Rounding in the members' own decisions may leave a krona over. */
export const CONTRIBUTION_TOLERANCE_KR = 1;

export interface ContributionWarning {
  level: 'warning';
  /** Stable code for tests and for the screen to pick an icon; the message is for people. */
  code:
    | 'no-contributions'
    | 'fk-share'
    | 'region-share'
    | 'municipality-share'
    | 'af-pays'
    | 'member-missing-contribution';
  year: string;
  /** The organisation concerned, when there is one. */
  organisationId?: string;
  message: string;
}

export interface YearSummary {
  year: string;
  total: number;
  socialInsuranceAgency: number;
  employmentService: number;
  regions: number;
  municipalities: number;
}

type Member = Pick<Organisation, 'id' | 'name' | 'kind' | 'contributions'>;

/** Every year for which any member has a recorded contribution, ascending. */
export function contributionYears(orgs: readonly Member[]): string[] {
  return [...new Set(orgs.flatMap((o) => Object.keys(o.contributions)))].sort();
}

export function summariseYear(orgs: readonly Member[], year: string): YearSummary {
  const sum = (kind: Member['kind']): number =>
    orgs.filter((o) => o.kind === kind).reduce((s, o) => s + (o.contributions[year] ?? 0), 0);
  // A kommun with regional responsibility pays both the region's and the kommun's part: shown half in each.
  const both = sum('municipalityWithRegionalResponsibility');
  const s = {
    year,
    socialInsuranceAgency: sum('socialInsuranceAgency'),
    employmentService: sum('employmentService'),
    regions: sum('region') + both / 2,
    municipalities: sum('municipality') + both / 2,
  };
  return { ...s, total: s.socialInsuranceAgency + s.employmentService + s.regions + s.municipalities };
}

/**
 * Warnings for the given years (default: every year with a recorded amount).
 * Shares are checked against the total of all members, so an AF payment shows
 * both as "AF pays" and as the others' shares being off.
 */
export function checkContributions(orgs: readonly Member[], years?: readonly string[]): ContributionWarning[] {
  const out: ContributionWarning[] = [];
  for (const year of years ?? contributionYears(orgs)) {
    const s = summariseYear(orgs, year);
    if (s.total === 0) {
      out.push({ level: 'warning', code: 'no-contributions', year, message: `Inga bidrag är angivna för ${year}.` });
      continue;
    }
    const share = (code: ContributionWarning['code'], who: string, actual: number, part: number, partText: string, note = ''): void => {
      const expected = s.total * part;
      if (Math.abs(actual - expected) > CONTRIBUTION_TOLERANCE_KR) {
        out.push({
          level: 'warning',
          code,
          year,
          message:
            `${who} ${year}${note}: ${formatAmount(actual)}, men ska vara ${partText} av förbundets totala bidrag ` +
            `${formatAmount(s.total)}, alltså ${formatAmount(expected)}.`,
        });
      }
    };
    share('fk-share', 'Försäkringskassans bidrag', s.socialInsuranceAgency, 1 / 2, 'hälften');
    const regional = orgs.filter((o) => o.kind === 'municipalityWithRegionalResponsibility');
    if (regional.length > 0) {
      const who = `${regional.map((o) => o.name).join(' och ')}s bidrag`;
      share('region-share', who, s.regions + s.municipalities, 1 / 2, 'hälften', ' (kommun med regionalt ansvar, för både regionens och kommunens del)');
    } else {
      share('region-share', 'Regionernas bidrag', s.regions, 1 / 4, 'en fjärdedel');
      share('municipality-share', 'Kommunernas bidrag', s.municipalities, 1 / 4, 'en fjärdedel');
    }

    for (const o of orgs) {
      const amount = o.contributions[year];
      if (o.kind === 'employmentService') {
        if (amount !== undefined && amount > 0) {
          out.push({
            level: 'warning',
            code: 'af-pays',
            year,
            organisationId: o.id,
            message:
              `${o.name} har ett bidrag för ${year} (${formatAmount(amount)}). ` +
              'Arbetsförmedlingen betalar inget eget bidrag; statens hälft betalas av Försäkringskassan.',
          });
        }
      } else if (amount === undefined || amount === 0) {
        // Several kommuner share their quarter by the förbundsordning; a member
        // with nothing at all for a year is almost always a missing entry.
        out.push({
          level: 'warning',
          code: 'member-missing-contribution',
          year,
          organisationId: o.id,
          message: `${o.name} (${ORGANISATION_KIND_LABEL[o.kind]}) saknar bidrag för ${year}.`,
        });
      }
    }
  }
  return out;
}
