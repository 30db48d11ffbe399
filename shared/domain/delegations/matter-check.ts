import { NON_DELEGABLE_LABEL, NON_DELEGABLE_LAW, type NonDelegableKind } from './model';

/**
 * The Swedish keyword check on a point's matter text: a point that by its
 * words decides the operation's mål, inriktning, omfattning or kvalitet, the
 * budget or verksamhetsplan, or an yttrande to the member organisations, is
 * refused (KL 6 kap. 38 §).
 *
 * Why it refuses rather than warns: the rule itself is sourced law, not [BK];
 * a warning would let a point the board cannot lawfully delegate into the
 * signed record, and every later delegationsbeslut under it would be void.
 * Why it cannot be stricter: free text cannot show intent, so the check
 * knows the phrases delegationsordningar use to limit a point ("inom
 * fastställd budget", "dock ej yttranden till medlemmarna", "i begränsad
 * omfattning") and lets those pass. A false refusal costs the user a
 * rephrasing, and the reason says how; a false pass costs an unlawful
 * delegation. The same check runs in the authority rule on every laptop.
 */

interface KeywordRule {
  kind: NonDelegableKind;
  pattern: RegExp;
}

// \b is ASCII-only in JS; these lookarounds make "mål" a whole word next to å, ä, ö.
const W = (body: string): RegExp => new RegExp(`(?<!\\p{L})(?:${body})(?!\\p{L})`, 'giu');

const RULES: readonly KeywordRule[] = [
  { kind: 'goals', pattern: W('mål(?:en|et)?') },
  { kind: 'direction', pattern: W('inriktning(?:en|ar)?') },
  { kind: 'scope', pattern: W('omfattning(?:en)?') },
  { kind: 'quality', pattern: W('kvalitet(?:en)?') },
  { kind: 'budget', pattern: W('(?:års|verksamhets)?budget(?:en|ar|arna)?') },
  { kind: 'operationalPlan', pattern: W('verksamhetsplan(?:en|er|erna)?') },
  { kind: 'annualReport', pattern: W('årsredovisning(?:en|ar|arna)?') },
  {
    kind: 'appealStatements',
    pattern: W('yttrande(?:n|t|na)?[^.;:\\n]{0,80}?(?<!\\p{L})(?:överklag\\p{L}*|laglighetsprövning\\p{L}*)'),
  },
  {
    kind: 'memberOpinions',
    pattern: W(
      '(?:yttrande(?:n|t|na)?|framställning(?:en|ar|arna)?)[^.;:\\n]{0,60}?(?<!\\p{L})(?:förbundsmedlem\\p{L}*|medlem\\p{L}*|(?:kommun|region)?fullmäktige|kommunstyrelse\\p{L}*|regionstyrelse\\p{L}*|huvudm[aä]n\\p{L}*|ägar\\p{L}*)',
    ),
  },
];

/** Words that, among the four before a keyword in the same clause, turn it into a limit rather than the matter. */
const LIMITING_WORDS = new Set([
  'ej', 'inte', 'icke', 'utom', 'förutom', 'undantag', 'undantaget', 'undantagna', 'exklusive',
  'inom', 'enligt', 'utifrån', 'enlighet', 'ramen', 'begränsad', 'begränsat', 'mindre', 'underlag',
]);

const NEGATIONS = new Set(['ej', 'inte', 'icke', 'utom', 'förutom', 'undantaget', 'exklusive']);

function isLimited(text: string, index: number): boolean {
  const before = text.slice(0, index);
  const clause = before.split(/[.;:\n]/).at(-1) ?? '';
  const words = clause.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.slice(-4).some((w) => LIMITING_WORDS.has(w));
}

export interface MatterHit {
  kind: NonDelegableKind;
  /** The words of the matter that matched, as written. */
  word: string;
}

/** The first non-delegable matter the text names (outside a limiting phrase), or null. */
export function nonDelegableMatter(text: string): MatterHit | null {
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (const m of text.matchAll(rule.pattern)) {
      // "yttranden, dock inte till medlemmarna": the limiting word can also sit inside a two-part match.
      const inside = (m[0].toLowerCase().match(/\p{L}+/gu) ?? []).some((w) => NEGATIONS.has(w));
      if (!isLimited(text, m.index) && !inside) return { kind: rule.kind, word: m[0] };
    }
  }
  return null;
}

/** The refusal for a matter text, in words the user can act on; null when the text passes. */
export function matterTextReason(text: string): string | null {
  const hit = nonDelegableMatter(text);
  if (!hit) return null;
  return (
    `Ärendet nämner ”${hit.word}”: ${NON_DELEGABLE_LABEL[hit.kind].toLowerCase()} får inte delegeras (${NON_DELEGABLE_LAW}). ` +
    'Om punkten gäller något annat, skriv ärendet utan ordet eller som ett förbehåll, till exempel ”inom fastställd budget” ' +
    'eller ”dock inte yttranden till förbundsmedlemmarna”.'
  );
}
