import { z } from 'zod';
import { parseOrgNr } from './orgnr';

/**
 * The set-up vocabulary: member organisations, people, their board
 * assignments and staff roles. Schemas here are reused by the event catalogue,
 * so an event payload and the state built from it have the same shape.
 *
 * Values are the English glossary identifiers (glossary.ts); the Swedish words
 * the screen shows are in the *_LABEL maps below. Values are part of signed
 * events, so never rename one: add a new value instead.
 */

/**
 * Försäkringskassan, Arbetsförmedlingen, a region or a kommun (FinsamL § 3);
 * or a kommun with regional responsibility (Region Gotland, lag (2010:630)),
 * which is both the region and the kommun of its förbund.
 */
export const OrganisationKind = z.enum(['socialInsuranceAgency', 'employmentService', 'region', 'municipality', 'municipalityWithRegionalResponsibility']);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const ORGANISATION_KIND_LABEL: Record<OrganisationKind, string> = {
  socialInsuranceAgency: 'Försäkringskassan',
  employmentService: 'Arbetsförmedlingen',
  region: 'Region',
  municipality: 'Kommun',
  municipalityWithRegionalResponsibility: 'Kommun med regionalt ansvar',
};

/** Counts as a region in the board and contribution checks. */
export const actsAsRegion = (kind: OrganisationKind): boolean => kind === 'region' || kind === 'municipalityWithRegionalResponsibility';
/** Counts as a kommun in the board and contribution checks. */
export const actsAsMunicipality = (kind: OrganisationKind): boolean => kind === 'municipality' || kind === 'municipalityWithRegionalResponsibility';

/**
 * A seat on the board. Chair and vice chair are ledamöter with a function; a
 * chair assignment therefore counts as a ledamot seat of its organisation
 * (board-rules.ts counts people, so a person listed both as member and chair
 * is counted once).
 */
export const BoardRole = z.enum(['member', 'substitute', 'chair', 'viceChair']);
export type BoardRole = z.infer<typeof BoardRole>;

export const BOARD_ROLE_LABEL: Record<BoardRole, string> = {
  member: 'Ledamot',
  substitute: 'Ersättare',
  chair: 'Ordförande',
  viceChair: 'Vice ordförande',
};

/** Roles that hold a voting seat (ledamot) for their organisation. */
export const SEAT_ROLES: readonly BoardRole[] = ['member', 'chair', 'viceChair'];

/** Staff of the förbund: not board members, but with rights in the app. */
export const StaffRole = z.enum(['director', 'secretary']);
export type StaffRole = z.infer<typeof StaffRole>;

export const STAFF_ROLE_LABEL: Record<StaffRole, string> = {
  director: 'Förbundschef',
  secretary: 'Sekreterare',
};

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). Compared as strings. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'ogiltigt datum');
export type IsoDate = z.infer<typeof IsoDate>;

/** Organisationsnummer in normalised form `NNNNNN-NNNN` with a valid check digit. */
export const OrgNr = z.string().refine((s) => {
  const r = parseOrgNr(s);
  return r.ok && r.value === s;
}, 'organisationsnummer NNNNNN-NNNN med giltig kontrollsiffra');

export const PersonName = z.string().trim().min(1).max(200);
export const Email = z.email().max(320);

/** A year as the key of a contributions map: `"2026"`. */
export const Year = z.string().regex(/^\d{4}$/);

/** Whole kronor per year, per organisation (DOMAIN.md 1.2: stored per member per year). */
export const Contributions = z.record(Year, z.number().int().min(0).max(1_000_000_000_000));
export type Contributions = z.infer<typeof Contributions>;

/**
 * One period in one role for one organisation. A change of role or term is a
 * new list of assignments in a `person.updated` event; the earlier lists stay
 * in the person's history. Business rules (from ≤ to, calling order 1..n) are
 * checked by board-rules.ts as findings, not by the schema, so a mistake can
 * be recorded and then corrected.
 */
export const BoardAssignment = z
  .object({
    role: BoardRole,
    organisationId: z.uuid(),
    from: IsoDate,
    to: IsoDate,
    /** Inkallelseordning: 1 is called first. Only for substitutes. */
    callingOrder: z.number().int().min(1).max(99).optional(),
  })
  .strict();
export type BoardAssignment = z.infer<typeof BoardAssignment>;

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  orgNr: string | null;
  contributions: Contributions;
}

export interface Person {
  id: string;
  name: string;
  email: string;
  /** The member organisation the person represents; null for staff. */
  organisationId: string | null;
  staffRole: StaffRole | null;
  assignments: BoardAssignment[];
}

/** What the board rules look at: the organisations and the people. */
export interface Roster {
  organisations: readonly Organisation[];
  persons: readonly Person[];
}

/** Is the assignment in force on `date` (both ends inclusive)? */
export function isActiveOn(a: BoardAssignment, date: string): boolean {
  return a.from <= date && date <= a.to;
}
