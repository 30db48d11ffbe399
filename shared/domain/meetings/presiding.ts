import type { FederationState } from '../events/state';
import { BOARD_ROLE_LABEL } from '../forbund/model';
import { fractionText, qualifiedNeeded, qualifiedRuleFor, QUALIFIED_MATTER_LABEL, type QualifiedMatter, type QualifiedRule } from '../forbund/ordning';
import { GRANT_OUTCOMES, type AgendaItem, type ItemRecord } from './model';
import type { ItemServing } from './serving';

/**
 * Who presides in a § and what majority its decision needs.
 *
 * Temporary chair (KL 6 kap 21 § [BK – verify the paragraph]): when neither the ordförande nor a vice
 * ordförande serves in the §, the board chooses another ledamot to preside
 * for the time, and until it has, the ledamot who has served longest does
 * (ålderspresident). That person has the casting vote in the §, and the
 * protokoll says who presided. Only a ledamot who serves in the § (not a
 * serving ersättare, not staff) can be chosen.
 *
 * Qualified majority: for the kinds of matter the förbundsordning names
 * (forbund/ordning.ts), a decision that changes something (bifall, val) needs
 * the fraction of the beslutande in the §. With a vote, the ja-votes count;
 * without one (acklamation) every beslutande who did not reserve is counted
 * as supporting the decision. Avslag, återremiss and bordläggning need none.
 */

const nameOf = (state: FederationState, id: string): string => state.persons[id]?.name ?? 'okänd person';

/** The regular chair in one item: the serving ordförande, else a serving vice ordförande. */
export function regularChairInItem(serving: ItemServing | undefined): string | null {
  return serving?.deciding.find((d) => d.role === 'chair')?.personId ?? serving?.deciding.find((d) => d.role === 'viceChair')?.personId ?? null;
}

/** The chair in one item (for the casting vote): the regular chair, else the temporary chair recorded for the §. */
export function presidingInItem(serving: ItemServing | undefined, presiding: ItemRecord['presiding'] | undefined): string | null {
  return regularChairInItem(serving) ?? (presiding && serving?.deciding.some((d) => d.personId === presiding.personId) ? presiding.personId : null);
}

/** Why the temporary chair recorded for a § cannot preside, or null. */
export function presidingProblem(state: FederationState, serving: ItemServing | undefined, presiding: ItemRecord['presiding'] | undefined): string | null {
  if (!presiding) return null;
  const regular = serving?.deciding.find((d) => d.role === 'chair' || d.role === 'viceChair');
  if (regular) {
    return `${nameOf(state, regular.personId)} (${BOARD_ROLE_LABEL[regular.role].toLowerCase()}) tjänstgör i paragrafen; en tillfällig ordförande utses bara när varken ordföranden eller vice ordföranden deltar.`;
  }
  const seat = serving?.deciding.find((d) => d.personId === presiding.personId);
  if (!seat) return `${nameOf(state, presiding.personId)} tjänstgör inte som ledamot i paragrafen och kan inte vara tillfällig ordförande.`;
  if (seat.role === 'substitute') return `${nameOf(state, presiding.personId)} är inte ledamot utan tjänstgörande ersättare; en tillfällig ordförande ska vara en ledamot som tjänstgör i paragrafen.`;
  return null;
}

/** What the protokoll says about a temporary chair. */
export function presidingSentence(state: FederationState, presiding: NonNullable<ItemRecord['presiding']>): string {
  const how = presiding.basis === 'longestServing' ? ' som ålderspresident (den som varit ledamot längst tid)' : ', vald av styrelsen för tillfället';
  return `${nameOf(state, presiding.personId)} var ordförande i paragrafen${how} då varken ordföranden eller vice ordföranden deltog.`;
}

/** The kind of matter of an item for the qualified-majority rules: as marked, or insatsGrant for an ansökan. */
export function matterOf(item: AgendaItem): QualifiedMatter | null {
  return item.matter ?? (item.applicationId ? 'insatsGrant' : null);
}

export interface QualifiedFinding {
  rule: QualifiedRule;
  support: number;
  deciding: number;
  needed: number;
  reached: boolean;
}

/** The qualified majority a record's decision needs and whether it has it; null when only a simple majority is needed. */
export function qualifiedFinding(state: FederationState, item: AgendaItem, serving: ItemServing | undefined, r: Pick<ItemRecord, 'decision' | 'vote' | 'reservations'>): QualifiedFinding | null {
  const rule = qualifiedRuleFor(state, matterOf(item));
  const d = r.decision;
  if (!rule || !d || (item.kind !== 'decision' && item.kind !== 'election')) return null;
  if (!GRANT_OUTCOMES.includes(d.outcome) && d.outcome !== 'elected') return null;
  const deciding = serving?.deciding.length ?? 0;
  const support = r.vote
    ? r.vote.closed
      ? (r.vote.count?.ja ?? 0)
      : r.vote.votes.filter((v) => v.vote === 'ja').length
    : deciding - new Set(r.reservations.map((x) => x.personId)).size;
  const needed = qualifiedNeeded(rule, deciding);
  return { rule, support, deciding, needed, reached: deciding > 0 && support >= needed };
}

/** The refusal for a decision that does not reach its qualified majority. */
export function qualifiedRefusal(f: QualifiedFinding): string {
  return `Beslutet kräver kvalificerad majoritet ${fractionText(f.rule)} enligt förbundsordningen (${QUALIFIED_MATTER_LABEL[f.rule.matter].toLowerCase()}): ${f.support} av ${f.deciding} beslutande stödde det, minst ${f.needed} krävs. Beslutet har fallit; anteckna avslag eller bordläggning.`;
}

/** "Beslutet fattades med kvalificerad majoritet 2/3: 6 av 8." */
export function qualifiedSentence(f: QualifiedFinding): string {
  return `Beslutet fattades med kvalificerad majoritet ${fractionText(f.rule)}: ${f.support} av ${f.deciding}.`;
}
