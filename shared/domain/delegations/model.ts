import { z } from 'zod';
import { IsoDate, Year } from '../forbund/model';

/**
 * The delegationsordning and the delegationsbeslut taken under it
 * (DOMAIN.md 1.5, 3 and 6 "Delegation"). Schemas here are the payloads of the
 * delegation events, so an event and the state built from it have the same
 * shape. Values are English identifiers (glossary.ts); the screen shows the
 * Swedish words in the *_LABEL maps. Values are part of signed events: never
 * rename one, add a new value instead.
 */

/** The law the refusals cite: FinsamL 10 § refers to the kommunallag's list of what may not be delegated. */
export const NON_DELEGABLE_LAW = '6 kap. 38 § kommunallagen (2017:725), som 10 § lagen (2003:1210) om finansiell samordning hänvisar till';

/** A role whose holder on the date of a decision is the delegate. */
export const DelegateRole = z.enum(['chair', 'viceChair', 'director']);
export type DelegateRole = z.infer<typeof DelegateRole>;

export const DELEGATE_ROLE_LABEL: Record<DelegateRole, string> = {
  chair: 'Ordförande',
  viceChair: 'Vice ordförande',
  director: 'Förbundschef',
};

/**
 * Delegat or ersättare för delegat: a role, or a named person (a ledamot,
 * ersättare or employee of the förbund, FinsamL 10 §).
 */
export const DelegateRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('role'), role: DelegateRole }).strict(),
  z.object({ kind: z.literal('person'), personId: z.uuid() }).strict(),
  /** A group (e.g. "presidiet") with its named members: only where the förbundsordning allows it (forbund/ordning.ts `groupDelegates`). */
  z.object({ kind: z.literal('group'), name: z.string().trim().min(1).max(100), members: z.array(z.uuid()).min(1).max(10) }).strict(),
]);
export type DelegateRef = z.infer<typeof DelegateRef>;

/** Ärendegrupp (DOMAIN.md 6): the kinds of matter a board may delegate. */
export const DelegationCategory = z.enum(['personnel', 'finance', 'procurement', 'admin', 'urgent', 'initiatives', 'publicDocuments', 'other']);
export type DelegationCategory = z.infer<typeof DelegationCategory>;

export const DELEGATION_CATEGORY_LABEL: Record<DelegationCategory, string> = {
  personnel: 'Personal',
  finance: 'Ekonomi',
  procurement: 'Upphandling och inköp',
  admin: 'Administrativa ärenden',
  urgent: 'Brådskande ärenden',
  initiatives: 'Insatser',
  publicDocuments: 'Allmänna handlingar',
  other: 'Övrigt',
};

/**
 * Matters the board may not delegate (KL 6 kap. 38 §, DOMAIN.md 1.4–1.5).
 * They are kinds a point can name, so the form can show them disabled with
 * the reason and a forged event naming one is refused with the law, not with
 * a schema error nobody understands.
 */
export const NonDelegableKind = z.enum(['goals', 'direction', 'scope', 'quality', 'budget', 'operationalPlan', 'memberOpinions', 'appealStatements', 'annualReport']);
export type NonDelegableKind = z.infer<typeof NonDelegableKind>;

export const NON_DELEGABLE_LABEL: Record<NonDelegableKind, string> = {
  goals: 'Mål och riktlinjer för verksamheten',
  direction: 'Verksamhetens inriktning',
  scope: 'Verksamhetens omfattning',
  quality: 'Verksamhetens kvalitet',
  budget: 'Budget',
  operationalPlan: 'Verksamhetsplan',
  memberOpinions: 'Yttranden och framställningar till förbundsmedlemmarna',
  appealStatements: 'Yttranden med anledning av att styrelsens beslut har överklagats',
  annualReport: 'Årsredovisning',
};

/** Why each kind stays with the board, in words the form shows beside the disabled choice. */
export const NON_DELEGABLE_REASON: Record<NonDelegableKind, string> = {
  goals: 'Styrelsen beslutar själv om mål och riktlinjer för den finansiella samordningen; ärenden om verksamhetens mål får inte delegeras.',
  direction: 'Ärenden om verksamhetens inriktning får inte delegeras.',
  scope: 'Ärenden om verksamhetens omfattning får inte delegeras.',
  quality: 'Ärenden om verksamhetens kvalitet får inte delegeras.',
  budget: 'Budgeten beslutas av styrelsen och får inte delegeras.',
  operationalPlan: 'Verksamhetsplanen (med budget) beslutas av styrelsen och får inte delegeras.',
  memberOpinions: 'Framställningar och yttranden till förbundsmedlemmarnas beslutande organ får inte delegeras.',
  appealStatements: 'Yttranden med anledning av att ett beslut av styrelsen har överklagats får inte delegeras (6 kap. 38 § 3 kommunallagen).',
  annualReport: 'Årsredovisningen upprättas och beslutas av styrelsen (7 § lagen om finansiell samordning) och får inte delegeras.',
};

/** A point names either a delegable category or (refused) a non-delegable kind. */
export const MatterKind = z.union([DelegationCategory, NonDelegableKind]);
export type MatterKind = z.infer<typeof MatterKind>;

export const isNonDelegable = (k: MatterKind): k is NonDelegableKind => (NonDelegableKind.options as readonly string[]).includes(k);

export const LimitUnit = z.enum(['kr', 'priceBaseAmount', 'baseAmount']);
export type LimitUnit = z.infer<typeof LimitUnit>;

export const LIMIT_UNIT_LABEL: Record<LimitUnit, string> = { kr: 'kr', priceBaseAmount: 'prisbasbelopp', baseAmount: 'basbelopp' };

/** Beloppsgräns: kronor are whole; (pris)basbelopp may be a fraction (0,5 prisbasbelopp), at most two decimals. */
export const Limit = z
  .object({ amount: z.number().positive().max(1_000_000_000_000), unit: LimitUnit })
  .strict()
  .refine((l) => (l.unit === 'kr' ? Number.isInteger(l.amount) : Math.round(l.amount * 100) === l.amount * 100), {
    message: 'beloppsgräns i kr är hela kronor; i (pris)basbelopp högst två decimaler',
    path: ['amount'],
  });
export type Limit = z.infer<typeof Limit>;

const Text = (max: number) => z.string().trim().max(max);

export const DelegationPoint = z
  .object({
    number: z.number().int().min(1).max(999),
    category: MatterKind,
    matter: Text(1000).min(1),
    legalGround: Text(300).default(''),
    delegate: DelegateRef,
    standIn: DelegateRef.nullable().default(null),
    limit: Limit.nullable().default(null),
    mustReport: z.boolean(),
    comment: Text(1000).default(''),
  })
  .strict();
export type DelegationPoint = z.infer<typeof DelegationPoint>;

const Kronor = z.number().int().positive().max(10_000_000);

/** One year's values in whole kronor. */
export const BaseAmountYear = z.object({ priceBaseAmount: Kronor, baseAmount: Kronor }).strict();
export type BaseAmountYear = z.infer<typeof BaseAmountYear>;

/**
 * Default values the form starts from. Prisbasbelopp (socialförsäkringsbalken
 * 2 kap. 6–7 §): 2025 58 800 kr, 2026 59 200 kr. THEY MUST BE CHECKED AGAINST
 * SCB / regeringens beslut EACH YEAR before an order is recorded; the form
 * lets the förbundschef change them. "Basbelopp" in older delegationsordningar
 * (Söderåsen 2015) means the prisbasbelopp, so it defaults to the same value;
 * a förbund that means another base amount enters that value instead.
 */
export const DEFAULT_BASE_AMOUNTS: Record<string, BaseAmountYear> = {
  '2025': { priceBaseAmount: 58_800, baseAmount: 58_800 },
  '2026': { priceBaseAmount: 59_200, baseAmount: 59_200 },
};

/** Payload of `delegation.order.adopted`: the whole order as the board adopted it. */
export const DelegationOrder = z
  .object({
    id: z.uuid(),
    adoptedOn: IsoDate,
    /** The § of the board's decision, as written: "§ 12/2026". */
    adoptedBy: Text(100).min(1),
    validFrom: IsoDate,
    validTo: IsoDate.nullable().default(null),
    replaces: z.uuid().nullable().default(null),
    baseAmounts: z.record(Year, BaseAmountYear).default({}),
    points: z.array(DelegationPoint).min(1).max(300),
  })
  .strict();
export type DelegationOrder = z.infer<typeof DelegationOrder>;
export type DelegationOrderInput = z.input<typeof DelegationOrder>;

/** Payload of `delegation.decision.recorded`. */
export const DelegationDecision = z
  .object({
    id: z.uuid(),
    orderId: z.uuid(),
    pointNumber: z.number().int().min(1).max(999),
    decidedBy: z.uuid(),
    date: IsoDate,
    dnr: Text(50).min(1),
    text: Text(5000).min(1),
    amountKr: z.number().int().min(0).max(1_000_000_000_000).nullable().default(null),
  })
  .strict();
export type DelegationDecision = z.infer<typeof DelegationDecision>;
