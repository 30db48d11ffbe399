import { z } from 'zod';

/**
 * Jäv (conflict of interest) on an application: the grounds of KL (2017:725)
 * 6 kap 28 §, and a suggestion to consider jäv where a member's declared ties
 * (kept in their own profile on their laptop) match the applying parties.
 *
 * Whether it is jäv is judged case by case by the member (DOMAIN.md, Jäv):
 * the app only suggests, it never declares jäv for someone.
 */

export const JavGround = z.enum(['interest', 'representative', 'supervision', 'agent', 'delicacy']);
export type JavGround = z.infer<typeof JavGround>;

export const JAV_GROUND_LABEL: Record<JavGround, string> = {
  interest: 'Intresse- eller närståendejäv',
  representative: 'Ställföreträdarjäv',
  supervision: 'Tillsynsjäv',
  agent: 'Ombudsjäv',
  delicacy: 'Delikatessjäv (annan särskild omständighet)',
};

/** The point of KL 6 kap 28 § first paragraph each ground rests on. */
export const JAV_GROUND_REFERENCE: Record<JavGround, string> = {
  interest: 'KL 6 kap. 28 § första stycket 1',
  representative: 'KL 6 kap. 28 § första stycket 2',
  supervision: 'KL 6 kap. 28 § första stycket 3',
  agent: 'KL 6 kap. 28 § första stycket 4',
  delicacy: 'KL 6 kap. 28 § första stycket 5',
};

/** What the law says, shortly, for the declaration form. */
export const JAV_GROUND_DESCRIPTION: Record<JavGround, string> = {
  interest: 'Saken angår dig själv eller en närstående, eller utgången kan väntas medföra synnerlig nytta eller skada för dig eller en närstående.',
  representative: 'Du eller en närstående är ställföreträdare för den som saken angår eller för någon som kan vänta synnerlig nytta eller skada av utgången.',
  supervision: 'Ärendet angår tillsyn över verksamhet som du själv är knuten till.',
  agent: 'Du har fört talan som ombud eller mot ersättning biträtt någon annan i saken.',
  delicacy: 'Det finns någon annan särskild omständighet som är ägnad att rubba förtroendet till din opartiskhet i ärendet.',
};

/** A tie a member declares in their profile. */
export const TieKind = z.enum(['employer', 'manager', 'steeringGroup', 'board', 'other']);
export type TieKind = z.infer<typeof TieKind>;

export const TIE_KIND_LABEL: Record<TieKind, string> = {
  employer: 'Anställd hos',
  manager: 'Chef hos',
  steeringGroup: 'Sitter i styrgrupp för',
  board: 'Styrelseuppdrag i',
  other: 'Annan koppling till',
};

/** "att du är anställd vid Lomma kommun": the tie as the suggestion says it. */
const TIE_KIND_PHRASE: Record<TieKind, string> = {
  employer: 'att du är anställd vid',
  manager: 'att du har en chefsroll vid',
  steeringGroup: 'att du sitter i en styrgrupp för',
  board: 'att du har ett styrelseuppdrag i',
  other: 'att du har en koppling till',
};

export interface ProfileTie {
  kind: TieKind;
  /** The member organisation the tie is with; null when the organisation is named in free text. */
  organisationId: string | null;
  /** Free text for an organisation outside the förbund (or a part of one), e.g. "Lomma kommun". */
  organisationName?: string | null;
  /** Free text, e.g. "enhetschef, Vuxenenheten". */
  description?: string | null;
  /** `YYYY-MM-DD`; null or absent = open. */
  from?: string | null;
  to?: string | null;
}

export interface JavSuggestion {
  tie: ProfileTie;
  /** The applying party (or owner) the tie matches. */
  organisationId: string;
  /** The ground most likely in question; the member decides. */
  ground: JavGround;
  /** Swedish, shown as is. */
  message: string;
}

const SUGGESTED_GROUND: Record<TieKind, JavGround> = {
  employer: 'delicacy',
  manager: 'delicacy',
  steeringGroup: 'delicacy',
  board: 'representative',
  other: 'delicacy',
};

const isPartyList = (x: readonly string[] | { parties: readonly string[] }): x is readonly string[] => Array.isArray(x);
const nameKey = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

/** Whether a tie holds on `date` (`YYYY-MM-DD`); without a date every tie counts. */
export const tieActiveOn = (tie: ProfileTie, date: string | undefined): boolean =>
  date === undefined || ((!tie.from || tie.from <= date) && (!tie.to || date <= tie.to));

/**
 * Ties that match an applying party (or the owner), each as a suggestion to
 * consider jäv. A tie names a member organisation by id, or any organisation
 * in free text (matched by name, Swedish case-insensitive). `organisationName`
 * names the organisation in the message; `on` leaves out ties not in force
 * that day.
 */
export function suggestJav(
  profileTies: readonly ProfileTie[],
  applicationParties: readonly string[] | { parties: readonly string[]; ownerId: string | null },
  organisationName: (id: string) => string = () => 'en sökande part',
  on?: string,
): JavSuggestion[] {
  const parties: readonly string[] = isPartyList(applicationParties) ? applicationParties : applicationParties.parties;
  const owner = isPartyList(applicationParties) ? null : applicationParties.ownerId;
  const candidates = [...new Set([...parties, ...(owner ? [owner] : [])])];
  const out: JavSuggestion[] = [];
  for (const tie of profileTies) {
    if (!tieActiveOn(tie, on)) continue;
    const match = candidates.find((id) =>
      tie.organisationId ? tie.organisationId === id : !!tie.organisationName && nameKey(tie.organisationName) === nameKey(organisationName(id)),
    );
    if (!match) continue;
    const ground = SUGGESTED_GROUND[tie.kind];
    const name = tie.organisationId ? organisationName(match) : (tie.organisationName ?? organisationName(match)).trim();
    const role = parties.includes(match) ? 'som är sökande part' : 'som är insatsägare';
    const extra = tie.description ? ` (${tie.description})` : '';
    out.push({ tie, organisationId: match, ground, message: `Du har angett ${TIE_KIND_PHRASE[tie.kind]} ${name}${extra}, ${role}. Överväg att anmäla jäv.` });
  }
  return out;
}
