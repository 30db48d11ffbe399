import { z } from 'zod';

/**
 * Jäv (conflict of interest) on an application: the grounds of KL (2017:725)
 * 6 kap 28 §, and a suggestion to consider jäv where a member's declared ties
 * (kept in their own profile) reach the applying unit, the project
 * organisation or the styrgrupp, or a närstående works there (suggestJav).
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

/** A tie a member declares in their profile. Values are signed data: add, never rename. */
export const TieKind = z.enum(['employer', 'manager', 'steeringGroup', 'board', 'other', 'relative']);
export type TieKind = z.infer<typeof TieKind>;

export const TIE_KIND_LABEL: Record<TieKind, string> = {
  employer: 'Anställd hos',
  manager: 'Chef hos',
  steeringGroup: 'Sitter i styrgrupp för',
  board: 'Styrelseuppdrag i',
  other: 'Annan koppling till',
  relative: 'Närstående arbetar hos',
};

/** "att du är anställd vid Lomma kommun": the tie as the suggestion says it. */
const TIE_KIND_PHRASE: Record<TieKind, string> = {
  employer: 'att du är anställd vid',
  manager: 'att du har en chefsroll vid',
  steeringGroup: 'att du sitter i en styrgrupp för',
  board: 'att du har ett styrelseuppdrag i',
  other: 'att du har en koppling till',
  relative: 'att en närstående arbetar vid',
};

export interface ProfileTie {
  kind: TieKind;
  /** The member organisation the tie is with; null when the organisation is named in free text. */
  organisationId: string | null;
  /** Free text for an organisation outside the förbund (or a part of one), e.g. "Lomma kommun". */
  organisationName?: string | null;
  /** Free text, e.g. "enhetschef" or, for a närstående, who it is. */
  description?: string | null;
  /** The unit, project or styrgrupp within the organisation, e.g. "Vuxenenheten": what a suggestion is matched on. */
  unit?: string | null;
  /** `YYYY-MM-DD`; null or absent = open. */
  from?: string | null;
  to?: string | null;
}

export interface JavSuggestion {
  tie: ProfileTie | null;
  /** The applying party (or owner) the tie matches; null when the member is named in the ansökan. */
  organisationId: string | null;
  /** The ground most likely in question; the member decides. */
  ground: JavGround;
  /** Swedish, shown as is: what the tie is and why it fired. */
  message: string;
}

/** The parts of an ansökan a suggestion looks at: parties and owner, and the text naming units, projects and people. */
export interface ApplicationForJav {
  parties: readonly string[];
  ownerId: string | null;
  name?: string;
  contact?: { name?: string; role?: string };
  governance?: string;
  background?: string;
  purpose?: string;
  activities?: string;
  implementation?: { text?: string };
}

const SUGGESTED_GROUND: Record<TieKind, JavGround> = {
  employer: 'delicacy',
  manager: 'delicacy',
  steeringGroup: 'delicacy',
  board: 'representative',
  other: 'delicacy',
  relative: 'interest',
};

const isPartyList = (x: readonly string[] | ApplicationForJav): x is readonly string[] => Array.isArray(x);
const nameKey = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

/** Whether a tie holds on `date` (`YYYY-MM-DD`); without a date every tie counts. */
export const tieActiveOn = (tie: ProfileTie, date: string | undefined): boolean =>
  date === undefined || ((!tie.from || tie.from <= date) && (!tie.to || date <= tie.to));

/** The ansökan's text fields with their Swedish names, for matching units and names. */
function textFields(app: ApplicationForJav): [string, string][] {
  const f: [string, string | undefined][] = [
    ['insatsens namn', app.name],
    ['kontaktperson', [app.contact?.name, app.contact?.role].filter(Boolean).join(', ')],
    ['organisation och styrning', app.governance],
    ['bakgrund', app.background],
    ['syfte', app.purpose],
    ['aktiviteter', app.activities],
    ['implementering', app.implementation?.text],
  ];
  return f.filter((x): x is [string, string] => typeof x[1] === 'string' && x[1].trim() !== '');
}

/** Where a phrase occurs as whole words (Swedish case-insensitive); the field names, or [] when nowhere. */
function whereNamed(app: ApplicationForJav, phrase: string): string[] {
  const key = nameKey(phrase);
  if (key.length < 3) return [];
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u');
  return textFields(app)
    .filter(([, text]) => re.test(nameKey(text)))
    .map(([field]) => field);
}

/**
 * Suggestions to consider jäv (KL 6 kap 28 §), each saying why it fired.
 * Every ledamot represents, and is often employed by, a member organisation:
 * a tie to an applying member organisation alone is NOT a reason. A
 * suggestion fires for a declared tie whose unit (enhet, project or
 * styrgrupp) is named in the ansökan and belongs to an applying party or the
 * insatsägare, and when the member's own name stands in the ansökan (its
 * styrgrupp or project organisation). `on` leaves out ties not in force that
 * day; `me` is the member (for the name check).
 */
export function suggestJav(
  profileTies: readonly ProfileTie[],
  application: readonly string[] | ApplicationForJav,
  organisationName: (id: string) => string = () => 'en sökande part',
  on?: string,
  me?: { name: string },
): JavSuggestion[] {
  const app: ApplicationForJav = isPartyList(application) ? { parties: application, ownerId: null } : application;
  const owner = app.ownerId;
  const candidates = [...new Set([...app.parties, ...(owner ? [owner] : [])])];
  const out: JavSuggestion[] = [];
  for (const tie of profileTies) {
    if (!tieActiveOn(tie, on) || !tie.unit) continue;
    const match = candidates.find((id) =>
      tie.organisationId ? tie.organisationId === id : !!tie.organisationName && nameKey(tie.organisationName) === nameKey(organisationName(id)),
    );
    if (!match) continue;
    const fields = whereNamed(app, tie.unit);
    if (fields.length === 0) continue;
    const name = tie.organisationId ? organisationName(match) : (tie.organisationName ?? organisationName(match)).trim();
    const role = [app.parties.includes(match) ? 'sökande part' : null, match === owner ? 'insatsägare' : null].filter(Boolean).join(' och ');
    const who = tie.kind === 'relative' && tie.description ? `att en närstående (${tie.description}) arbetar vid` : TIE_KIND_PHRASE[tie.kind];
    const unit = tie.unit.trim();
    out.push({
      tie,
      organisationId: match,
      ground: SUGGESTED_GROUND[tie.kind],
      message: `Du har angett ${who} ${name}, ${unit}. Ansökan nämner ${unit} (${fields.join(', ')}), som hör till ${name}, ${role}. Överväg att anmäla jäv.`,
    });
  }
  const myName = me?.name.trim() ?? '';
  if (myName.includes(' ')) {
    const fields = whereNamed(app, myName).filter((f) => f === 'organisation och styrning' || f === 'kontaktperson');
    if (fields.length > 0) {
      out.push({
        tie: null,
        organisationId: null,
        ground: 'delicacy',
        message: `Ditt namn, ${myName}, står i ansökan (${fields.join(', ')}), till exempel i styrgruppen eller projektorganisationen. Överväg att anmäla jäv.`,
      });
    }
  }
  return out;
}
