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
export const TieKind = z.enum(['employer', 'steeringGroup', 'board', 'other']);
export type TieKind = z.infer<typeof TieKind>;

export const TIE_KIND_LABEL: Record<TieKind, string> = {
  employer: 'Anställd hos',
  steeringGroup: 'Sitter i styrgrupp för',
  board: 'Styrelseuppdrag i',
  other: 'Annan koppling till',
};

export interface ProfileTie {
  kind: TieKind;
  /** The member organisation the tie is with. */
  organisationId: string;
  /** Free text, e.g. "enhetschef, Vuxenenheten". */
  description?: string;
}

export interface JavSuggestion {
  tie: ProfileTie;
  organisationId: string;
  /** The ground most likely in question; the member decides. */
  ground: JavGround;
  /** Swedish, shown as is. */
  message: string;
}

const SUGGESTED_GROUND: Record<TieKind, JavGround> = {
  employer: 'delicacy',
  steeringGroup: 'delicacy',
  board: 'representative',
  other: 'delicacy',
};

const isPartyList = (x: readonly string[] | { parties: readonly string[] }): x is readonly string[] => Array.isArray(x);

/**
 * Ties that match an applying party (or the owner), each as a suggestion to
 * consider jäv. `organisationName` names the organisation in the message.
 */
export function suggestJav(
  profileTies: readonly ProfileTie[],
  applicationParties: readonly string[] | { parties: readonly string[]; ownerId: string | null },
  organisationName: (id: string) => string = () => 'en sökande part',
): JavSuggestion[] {
  const parties: readonly string[] = isPartyList(applicationParties)
    ? applicationParties
    : [...applicationParties.parties, ...(applicationParties.ownerId ? [applicationParties.ownerId] : [])];
  const set = new Set(parties);
  return profileTies
    .filter((t) => set.has(t.organisationId))
    .map((tie) => {
      const ground = SUGGESTED_GROUND[tie.kind];
      const what = `${TIE_KIND_LABEL[tie.kind]} ${organisationName(tie.organisationId)}${tie.description ? ` (${tie.description})` : ''}`;
      return {
        tie,
        organisationId: tie.organisationId,
        ground,
        message: `Du har angett: ${what}, som står bakom ansökan. Överväg om du är jävig (${JAV_GROUND_LABEL[ground].toLowerCase()}, ${JAV_GROUND_REFERENCE[ground]}).`,
      };
    });
}
