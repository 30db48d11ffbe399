import { MOTION_KIND_PHRASE, type MotionKind, type Vote, type VoteChoice } from './model';

/**
 * The standard sentences of a protokoll (DOMAIN.md 1.6, 1.7, 4.3) and the
 * result of an open vote. Names are used instead of pronouns: the app never
 * guesses anyone's gender.
 */

/** Swedish genitive of a name: "Anna Berg" → "Anna Bergs", "Lars" → "Lars", "Max" → "Max". */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name.trim()) ? name.trim() : `${name.trim()}s`;
}

/** "NN anmäler jäv och deltar inte i handläggningen av ärendet. MM tjänstgör i NN:s ställe." */
export function javSentence(name: string, substituteName: string | null): string {
  const first = `${name} anmäler jäv och deltar inte i handläggningen av ärendet.`;
  return substituteName ? `${first} ${substituteName} tjänstgör i ${genitive(name)} ställe.` : first;
}

/** "NN reserverar sig mot beslutet till förmån för eget yrkande." (+ the written motivation). */
export function reservationSentence(name: string, motionBy: string | null, ownMotion: boolean, motivation: string): string {
  const favour = ownMotion ? ' till förmån för eget yrkande' : motionBy ? ` till förmån för ${genitive(motionBy)} yrkande` : '';
  const base = `${name} reserverar sig mot beslutet${favour}.`;
  return motivation.trim() ? `${base} ${motivation.trim()}` : base;
}

/** "Anna Berg yrkar bifall till förslaget." / "… yrkar ändring av förslaget: att beloppet sänks." */
export function motionSentence(name: string, kind: MotionKind, text: string): string {
  const t = text.trim().replace(/\.$/, '');
  return t ? `${name} yrkar ${MOTION_KIND_PHRASE[kind]}: ${t}.` : `${name} yrkar ${MOTION_KIND_PHRASE[kind]}.`;
}

export interface VoteResult {
  yes: number;
  no: number;
  abstain: number;
  /** The side that won, or null on a tie the chair did not decide. */
  winner: 'ja' | 'nej' | null;
  /** The chair's casting vote (utslagsröst) decided a tie. */
  castingVote: boolean;
  /** Lottning decided a tie (val, sluten omröstning). */
  byLot?: boolean;
  /** A closed vote: only the count is known. */
  closed?: boolean;
}

/**
 * The result of a recorded vote. At val (`election`) and in a closed vote a
 * tie is decided by lottning, never by the chair's casting vote (KL 5 kap
 * 55 §, 6 kap 24 §); otherwise as `voteResult`.
 */
export function voteResultOf(vote: Vote, chairId: string | null, election: boolean): VoteResult {
  const closed = vote.closed === true;
  const base = closed
    ? { yes: vote.count?.ja ?? 0, no: vote.count?.nej ?? 0, abstain: vote.count?.avstar ?? 0 }
    : (({ yes, no, abstain }) => ({ yes, no, abstain }))(voteResult(vote.votes, null));
  const flags = closed ? { closed: true } : {};
  if (base.yes !== base.no) return { ...base, winner: base.yes > base.no ? 'ja' : 'nej', castingVote: false, ...flags };
  if (election || closed) return { ...base, winner: vote.lot ?? null, castingVote: false, ...(vote.lot ? { byLot: true } : {}), ...flags };
  return voteResult(vote.votes, chairId);
}

/**
 * Simple majority of the votes cast; on a tie the chair's vote decides
 * (utslagsröst), if the chair voted ja or nej.
 */
export function voteResult(votes: readonly { personId: string; vote: VoteChoice }[], chairId: string | null): VoteResult {
  const yes = votes.filter((v) => v.vote === 'ja').length;
  const no = votes.filter((v) => v.vote === 'nej').length;
  const abstain = votes.filter((v) => v.vote === 'avstar').length;
  if (yes !== no) return { yes, no, abstain, winner: yes > no ? 'ja' : 'nej', castingVote: false };
  const chairVote = votes.find((v) => v.personId === chairId)?.vote;
  if (yes > 0 && (chairVote === 'ja' || chairVote === 'nej')) return { yes, no, abstain, winner: chairVote, castingVote: true };
  return { yes, no, abstain, winner: null, castingVote: false };
}

const votesWord = (n: number, side: 'ja' | 'nej'): string => `${n} ${side}-${n === 1 ? 'röst' : 'röster'}`;

/** What follows "beslutat att": the decision text without its "Styrelsen beslutar att". */
function decidedClause(decisionText: string): string {
  const t = decisionText.trim();
  const m = /^styrelsen beslutar att\s+/i.exec(t);
  return m ? `att ${t.slice(m[0].length)}` : `enligt följande: ${t}`;
}

/** "Styrelsen har med 5 ja-röster mot 3 nej-röster beslutat att …". */
export function voteResultSentence(result: VoteResult, decisionText: string): string {
  const clause = decidedClause(decisionText).replace(/\.?$/, '.');
  const abstained = result.abstain > 0 ? ` ${result.abstain} ${result.abstain === 1 ? 'ledamot' : 'ledamöter'} avstod från att rösta.` : '';
  if (result.closed) {
    const blank = result.abstain > 0 ? ` ${result.abstain} ${result.abstain === 1 ? 'blank röst' : 'blanka röster'}.` : '';
    const count = `${votesWord(result.yes, 'ja')} mot ${votesWord(result.no, 'nej')}`;
    if (result.winner === null) return `Den slutna omröstningen slutade lika (${count}) utan lottning.${blank}`;
    if (result.byLot) return `Den slutna omröstningen slutade lika (${count}) och avgjordes genom lottning; lotten föll på ${result.winner}. Styrelsen har därmed beslutat ${clause}${blank}`;
    return `Styrelsen har efter sluten omröstning med ${count} beslutat ${clause}${blank}`;
  }
  if (result.byLot) {
    return `Omröstningen slutade lika (${votesWord(result.yes, 'ja')} mot ${votesWord(result.no, 'nej')}) och avgjordes genom lottning; lotten föll på ${result.winner}. Styrelsen har därmed beslutat ${clause}${abstained}`;
  }
  if (result.winner === null) return `Omröstningen slutade lika (${votesWord(result.yes, 'ja')} mot ${votesWord(result.no, 'nej')}) utan utslagsröst.${abstained}`;
  const [w, l] = result.winner === 'ja' ? [votesWord(result.yes, 'ja'), votesWord(result.no, 'nej')] : [votesWord(result.no, 'nej'), votesWord(result.yes, 'ja')];
  if (result.castingVote) return `Styrelsen har med ordförandens utslagsröst (${w} mot ${l}) beslutat ${clause}${abstained}`;
  return `Styrelsen har med ${w} mot ${l} beslutat ${clause}${abstained}`;
}

export type { Vote };
