import { z } from 'zod';
import { SafeLine } from '../safe-text';
import type { FederationState } from '../events/state';

/**
 * What the förbundsordning (and the styrelse's reglemente) fixes that the
 * rules of the protokoll depend on, as settings of the förbund recorded by
 * the förbundschef (`federation.ordning.set`, a patch: the fields named are
 * replaced, the others kept):
 *
 * - `seats`: the number of ledamöter in the styrelse as the förbundsordning
 *   fixes them. Quorum is more than half of these seats (KL 6 kap 27 §), not
 *   of the seats filled today. null = not recorded: the ledamöter registered
 *   on the day count, and the screens say so.
 * - `qualifiedMajority`: kinds of matter the förbundsordning decides by a
 *   qualified majority, and the fraction (e.g. 2/3) of the beslutande in the §
 *   who must vote for the decision.
 * - `groupDelegates`: groups the förbundsordning or reglemente allows as
 *   delegat (e.g. "presidiet"); none by default (FinsamL 10 §: a ledamot, an
 *   ersättare or an employee).
 * - `ordningReference`: where these rules stand ("Förbundsordningen 7 §").
 *
 * The fields live on the förbund (state.federation) so the history and the
 * conflict handling of federation.updated apply to them unchanged. Values are
 * part of signed events: never rename one.
 */

/** Kinds of matter a förbundsordning may name for a qualified majority. */
export const QualifiedMatter = z.enum(['budget', 'operationalPlan', 'annualReport', 'insatsGrant', 'rules', 'director', 'memberProposal']);
export type QualifiedMatter = z.infer<typeof QualifiedMatter>;

export const QUALIFIED_MATTER_LABEL: Record<QualifiedMatter, string> = {
  budget: 'Budget',
  operationalPlan: 'Verksamhetsplan',
  annualReport: 'Årsredovisning',
  insatsGrant: 'Beviljande av medel till insatser',
  rules: 'Reglemente, arbetsordning eller delegationsordning',
  director: 'Anställning av förbundschef',
  memberProposal: 'Förslag till förbundsmedlemmarna (t.ex. ändrad förbundsordning)',
};

export const QualifiedRule = z
  .object({
    matter: QualifiedMatter,
    numerator: z.number().int().min(1).max(99),
    denominator: z.number().int().min(2).max(99),
  })
  .strict();
export type QualifiedRule = z.infer<typeof QualifiedRule>;

/** Group names as a delegat ("presidiet"): one line each. */
const GroupName = SafeLine(100, 1);

export const OrdningSet = z
  .object({
    seats: z.number().int().min(1).max(99).nullable().optional(),
    qualifiedMajority: z.array(QualifiedRule).max(QualifiedMatter.options.length).optional(),
    groupDelegates: z.array(GroupName).max(10).optional(),
    ordningReference: SafeLine(300).nullable().optional(),
  })
  .strict()
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'inget att ändra');
export type OrdningSet = z.output<typeof OrdningSet>;

/** The settings as the state holds them (on state.federation); absent = never recorded. */
export interface OrdningFields {
  seats?: number | null;
  qualifiedMajority?: QualifiedRule[];
  groupDelegates?: string[];
  ordningReference?: string | null;
}

/** Why a setting makes no sense, in Swedish, or null (checked by the authority rule). */
export function ordningProblem(p: OrdningSet): string | null {
  const rules = p.qualifiedMajority ?? [];
  if (new Set(rules.map((r) => r.matter)).size !== rules.length) return 'Samma slag av ärende står två gånger bland kraven på kvalificerad majoritet.';
  for (const r of rules) {
    if (r.numerator * 2 <= r.denominator || r.numerator > r.denominator) {
      return `Kvalificerad majoritet för ${QUALIFIED_MATTER_LABEL[r.matter].toLowerCase()} måste vara mer än hälften och högst allt (angivet: ${r.numerator}/${r.denominator}).`;
    }
  }
  const groups = (p.groupDelegates ?? []).map((g) => g.toLocaleLowerCase('sv'));
  if (new Set(groups).size !== groups.length) return 'Samma grupp står två gånger bland de grupper som får vara delegat.';
  return null;
}

/** The recorded settings, with the defaults where nothing is recorded. */
export function ordningOf(state: FederationState): Required<OrdningFields> {
  const f = (state.federation ?? {}) as OrdningFields;
  return { seats: f.seats ?? null, qualifiedMajority: f.qualifiedMajority ?? [], groupDelegates: f.groupDelegates ?? [], ordningReference: f.ordningReference ?? null };
}

/** The qualified-majority rule for a kind of matter, or null (simple majority). */
export function qualifiedRuleFor(state: FederationState, matter: QualifiedMatter | null): QualifiedRule | null {
  if (matter === null) return null;
  return ordningOf(state).qualifiedMajority.find((r) => r.matter === matter) ?? null;
}

/** "2/3". */
export const fractionText = (r: Pick<QualifiedRule, 'numerator' | 'denominator'>): string => `${r.numerator}/${r.denominator}`;

/** The least number of ja among `deciding` beslutande that reaches the fraction. */
export function qualifiedNeeded(r: Pick<QualifiedRule, 'numerator' | 'denominator'>, deciding: number): number {
  return Math.ceil((r.numerator * deciding) / r.denominator);
}

/** The warning the screens show while the förbundsordning's number of seats is not recorded. */
export function seatsUnsetWarning(registered: number): string {
  return `Förbundsordningens antal ledamöter är inte angivet. Beslutförheten räknas tills vidare på de ${registered} ledamöter som är registrerade i styrelsen; ange antalet under Förbundet (förbundsordningen).`;
}
