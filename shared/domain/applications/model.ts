import { z } from 'zod';
import { Hex64 } from '../log/signed-event';
import { SafeFileName, SafeLine } from '../safe-text';
import { IsoDate, type Organisation, type OrganisationKind, Year } from '../forbund/model';

/**
 * Ansökan om medel (application for funding), DOMAIN.md § 2.2.
 *
 * The schemas check the shape; the business rules with Swedish messages are in
 * validateApplication, which the event authority applies too (so an accepted
 * application never has negative amounts, an end before its start, …). The
 * schema therefore lets such values through: a form can build a draft, show
 * every Swedish message at once, and only a valid draft becomes an event.
 *
 * Enum values are English identifiers (glossary.ts) and part of signed events:
 * never rename one, add a new value instead. The *_LABEL maps are what the
 * screen shows. Amounts are whole kronor.
 *
 * No participant data belongs here: follow-up refers to the national system
 * (Uppföljning Finsam) by reference only.
 */

const Id = z.uuid();
const Text = (max: number) => z.string().trim().max(max);
const LongText = Text(20_000);
/** Whole kronor; the sign is checked by validateApplication (Swedish message), not here. */
const Amount = z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000);

/** Individinriktad, strukturövergripande, or both (registered separately in Uppföljning Finsam). */
export const ApplicationKind = z.enum(['individual', 'structural', 'both']);
export type ApplicationKind = z.infer<typeof ApplicationKind>;
export const APPLICATION_KIND_LABEL: Record<ApplicationKind, string> = {
  individual: 'Individinriktad',
  structural: 'Strukturövergripande',
  both: 'Individinriktad och strukturövergripande',
};

export const ApplicationForm = z.enum(['feasibilityStudy', 'project', 'extension', 'permanent']);
export type ApplicationForm = z.infer<typeof ApplicationForm>;
export const APPLICATION_FORM_LABEL: Record<ApplicationForm, string> = {
  feasibilityStudy: 'Förstudie',
  project: 'Projekt',
  extension: 'Förlängning',
  permanent: 'Permanent verksamhet',
};

export const CostCategory = z.enum(['personnel', 'premises', 'travel', 'equipment', 'activities', 'evaluation', 'overhead', 'other']);
export type CostCategory = z.infer<typeof CostCategory>;
export const COST_CATEGORY_LABEL: Record<CostCategory, string> = {
  personnel: 'Personal',
  premises: 'Lokaler',
  travel: 'Resor',
  equipment: 'Utrustning',
  activities: 'Aktiviteter',
  evaluation: 'Utvärdering',
  overhead: 'Overhead',
  other: 'Övrigt',
};

/** The four implementeringsalternativ (DOMAIN.md § 2.4). */
export const ImplementationKind = z.enum(['full', 'shared', 'structural', 'professional']);
export type ImplementationKind = z.infer<typeof ImplementationKind>;
export const IMPLEMENTATION_KIND_LABEL: Record<ImplementationKind, string> = {
  full: 'Fullständig implementering',
  shared: 'Delad implementering',
  structural: 'Strukturell implementering',
  professional: 'Professionell implementering',
};

/** A board member's stance on an application before the meeting. */
export const Stance = z.enum(['support', 'oppose', 'discuss']);
export type Stance = z.infer<typeof Stance>;
export const STANCE_LABEL: Record<Stance, string> = {
  support: 'Tillstyrker',
  oppose: 'Avstyrker',
  discuss: 'Vill diskutera',
};

/** Who co-finances a line: a member organisation (by id), the ESF, or an unspecified own contribution in kind. */
export const OtherFinancier = z.enum(['esf', 'inKind']);
export type OtherFinancier = z.infer<typeof OtherFinancier>;
export const OTHER_FINANCIER_LABEL: Record<OtherFinancier, string> = {
  esf: 'Europeiska socialfonden (ESF)',
  inKind: 'Egen insats (i annat än pengar)',
};
export const Financier = z.union([Id, OtherFinancier]);
export type Financier = z.infer<typeof Financier>;

export const CoFinancing = z
  .object({
    financier: Financier,
    amount: Amount,
    /** Given in kind (premises, staff time) rather than money, e.g. "Lokalhyra och overhead står Arbetsförmedlingen för". */
    inKind: z.boolean().default(false),
  })
  .strict();
export type CoFinancing = z.infer<typeof CoFinancing>;

/**
 * One cost line of one year. `id` is stable across versions so the diff can
 * say "this line changed" rather than "one removed, one added".
 */
export const BudgetLine = z
  .object({
    id: z.string().trim().min(1).max(64),
    year: Year,
    category: CostCategory,
    description: Text(500).default(''),
    /** Årsarbetskrafter (FTE), for personnel lines: 0.5 = half time. */
    fte: z.number().min(-1000).max(1000).nullable().default(null),
    /** Sought from the förbund. */
    sought: Amount,
    coFinancing: z.array(CoFinancing).max(20).default([]),
    /** The line's total as written in the application, if it states one; budget.ts flags it when the parts do not add up. */
    statedTotal: Amount.nullable().default(null),
  })
  .strict();
export type BudgetLine = z.infer<typeof BudgetLine>;

export const Goal = z
  .object({
    text: Text(2000),
    /** The measurable target, e.g. "50 % av deltagarna i arbete eller studier efter 12 månader". */
    target: Text(1000).default(''),
  })
  .strict();
export type Goal = z.infer<typeof Goal>;

export const Attachment = z
  .object({
    sha256: Hex64,
    fileName: SafeFileName,
    title: SafeLine(300),
    confidential: z.boolean().default(false),
    /** Required when confidential: the OSL provision (e.g. "OSL 26 kap. 1 §"). */
    oslReference: SafeLine(200).nullable().default(null),
  })
  .strict();
export type Attachment = z.infer<typeof Attachment>;

export const Application = z
  .object({
    id: Id,
    version: z.number().int().min(1).max(10_000),
    /** Diarienummer. */
    registrationNumber: Text(100),
    receivedOn: IsoDate,
    /** Insatsens namn. */
    name: Text(300),
    /** Applying parties: member organisations of the förbund. */
    parties: z.array(Id).max(50),
    /** Insatsägare (huvudman): one of the parties. */
    ownerId: Id.nullable(),
    contact: z
      .object({
        name: Text(200),
        role: Text(200).default(''),
        organisationId: Id.nullable().default(null),
        email: Text(320).default(''),
        phone: Text(50).default(''),
      })
      .strict(),
    kind: ApplicationKind,
    form: ApplicationForm,
    period: z.object({ from: IsoDate, to: IsoDate }).strict(),
    /** Bakgrund / problembeskrivning / behovsanalys. */
    background: LongText.default(''),
    purpose: LongText.default(''),
    goals: z.array(Goal).max(50).default([]),
    targetGroup: z
      .object({
        ageFrom: z.number().int().min(0).max(120).nullable().default(null),
        ageTo: z.number().int().min(0).max(120).nullable().default(null),
        area: Text(500).default(''),
        participants: z.number().int().min(0).max(1_000_000).nullable().default(null),
        description: LongText.default(''),
      })
      .strict(),
    activities: LongText.default(''),
    /** Organisation och styrning: styrgrupp, projektgrupp, processledare. */
    governance: LongText.default(''),
    /** How it relates to (and is not) ordinary operations. */
    relationToOrdinary: LongText.default(''),
    budget: z.array(BudgetLine).max(1000).default([]),
    followUp: z
      .object({
        text: LongText.default(''),
        /** Reference in Uppföljning Finsam (the national system); never participant data. */
        nationalSystemReference: Text(200).nullable().default(null),
      })
      .strict(),
    implementation: z
      .object({
        kind: ImplementationKind.nullable().default(null),
        text: LongText.default(''),
      })
      .strict(),
    risks: LongText.default(''),
    attachments: z.array(Attachment).max(100).default([]),
  })
  .strict();
/** An application version after parsing (defaults filled in). */
export type Application = z.output<typeof Application>;
/** As written by code making one (defaults may be left out). */
export type ApplicationInput = z.input<typeof Application>;

/** A rule broken, for the form (field is a path like `budget.2.sought`) and the refused list. */
export interface ValidationIssue {
  field: string;
  message: string;
}

export type OrganisationRef = Pick<Organisation, 'id' | 'kind'> & { name?: string };

/** The calendar years a period touches, as strings: 2026-07-01–2028-06-30 → ["2026", "2027", "2028"]. */
export function periodYears(period: { from: string; to: string }): string[] {
  const from = Number(period.from.slice(0, 4));
  const to = Number(period.to.slice(0, 4));
  const out: string[] = [];
  for (let y = from; y <= to && out.length < 100; y++) out.push(String(y));
  return out;
}

/**
 * The applying parties as FINSAM counts them: organisations of the same kind
 * count once (two kommuner are one party, as are two regioner).
 */
export function countParties(partyIds: readonly string[], organisations: readonly OrganisationRef[]): number {
  const kinds = new Set<OrganisationKind>();
  for (const id of partyIds) {
    const org = organisations.find((o) => o.id === id);
    if (org) kinds.add(org.kind);
  }
  return kinds.size;
}

/** The rules of DOMAIN.md § 2.2 on one version, as Swedish messages. Empty when valid. */
export function validateApplication(app: Application, organisations: readonly OrganisationRef[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (field: string, message: string): void => {
    issues.push({ field, message });
  };
  const known = (id: string): boolean => organisations.some((o) => o.id === id);

  if (app.registrationNumber.trim() === '') add('registrationNumber', 'Diarienummer saknas.');
  if (app.name.trim() === '') add('name', 'Insatsens namn saknas.');

  if (new Set(app.parties).size !== app.parties.length) add('parties', 'Samma part står med flera gånger bland de sökande parterna.');
  if (app.parties.some((id) => !known(id))) add('parties', 'En sökande part finns inte bland förbundsmedlemmarna.');
  if (countParties(app.parties, organisations) < 2) {
    add('parties', 'Ansökan måste ha minst två sökande parter. Flera kommuner räknas som en part.');
  }
  if (app.ownerId === null) add('ownerId', 'Ansökan saknar insatsägare.');
  else if (!app.parties.includes(app.ownerId)) add('ownerId', 'Insatsägaren måste vara en av de sökande parterna.');
  if (app.contact.organisationId !== null && !known(app.contact.organisationId)) {
    add('contact.organisationId', 'Kontaktpersonens organisation finns inte bland förbundsmedlemmarna.');
  }

  const periodOk = app.period.from <= app.period.to;
  if (!periodOk) add('period.to', 'Slutdatum ligger före startdatum.');

  const { ageFrom, ageTo } = app.targetGroup;
  if (ageFrom !== null && ageTo !== null && ageFrom > ageTo) add('targetGroup.ageTo', 'Målgruppens övre åldersgräns är lägre än den nedre.');

  const years = new Set(periodYears(app.period));
  const lineIds = new Set<string>();
  app.budget.forEach((line, i) => {
    const at = `budget.${i}`;
    if (lineIds.has(line.id)) add(`${at}.id`, 'Två budgetrader har samma id.');
    lineIds.add(line.id);
    if (periodOk && !years.has(line.year)) {
      add(`${at}.year`, `Budgetåret ${line.year} ligger utanför insatsens period (${app.period.from}–${app.period.to}).`);
    }
    if (line.sought < 0) add(`${at}.sought`, 'Sökt belopp får inte vara negativt.');
    if (line.statedTotal !== null && line.statedTotal < 0) add(`${at}.statedTotal`, 'Summan får inte vara negativ.');
    if (line.fte !== null && line.fte < 0) add(`${at}.fte`, 'Antalet årsarbetskrafter får inte vara negativt.');
    line.coFinancing.forEach((c, j) => {
      if (c.amount < 0) add(`${at}.coFinancing.${j}.amount`, 'Medfinansiering får inte vara negativ.');
      if (!OtherFinancier.safeParse(c.financier).success && !known(c.financier)) {
        add(`${at}.coFinancing.${j}.financier`, 'Medfinansiären finns inte bland förbundsmedlemmarna.');
      }
    });
  });

  const shas = new Set<string>();
  app.attachments.forEach((a, i) => {
    if (shas.has(a.sha256)) add(`attachments.${i}`, 'Samma bilaga finns med två gånger.');
    shas.add(a.sha256);
    if (a.confidential && (a.oslReference === null || a.oslReference.trim() === '')) {
      add(`attachments.${i}.oslReference`, 'En sekretessmarkerad bilaga kräver hänvisning till bestämmelse i OSL.');
    }
  });
  return issues;
}

/** Field labels for forms, diffs and history (top level and nested paths). */
export const APPLICATION_FIELD_LABEL: Record<string, string> = {
  id: 'id',
  version: 'version',
  registrationNumber: 'diarienummer',
  receivedOn: 'inkom',
  name: 'insatsens namn',
  parties: 'sökande parter',
  ownerId: 'insatsägare',
  contact: 'kontaktperson',
  'contact.name': 'kontaktpersonens namn',
  'contact.role': 'kontaktpersonens roll',
  'contact.organisationId': 'kontaktpersonens organisation',
  'contact.email': 'kontaktpersonens e-post',
  'contact.phone': 'kontaktpersonens telefon',
  kind: 'typ av insats',
  form: 'form',
  period: 'period',
  'period.from': 'startdatum',
  'period.to': 'slutdatum',
  background: 'bakgrund och problembeskrivning',
  purpose: 'syfte',
  goals: 'mål',
  targetGroup: 'målgrupp',
  'targetGroup.ageFrom': 'målgruppens lägsta ålder',
  'targetGroup.ageTo': 'målgruppens högsta ålder',
  'targetGroup.area': 'målgruppens område',
  'targetGroup.participants': 'antal deltagare',
  'targetGroup.description': 'beskrivning av målgruppen',
  activities: 'aktiviteter',
  governance: 'organisation och styrning',
  relationToOrdinary: 'relation till ordinarie verksamhet',
  budget: 'budget',
  followUp: 'uppföljning och utvärdering',
  'followUp.text': 'uppföljning och utvärdering',
  'followUp.nationalSystemReference': 'referens i Uppföljning Finsam',
  implementation: 'implementeringsplan',
  'implementation.kind': 'implementeringsalternativ',
  'implementation.text': 'implementeringsplan',
  risks: 'risker',
  attachments: 'bilagor',
};

export const BUDGET_LINE_FIELD_LABEL: Record<string, string> = {
  year: 'år',
  category: 'kostnadsslag',
  description: 'beskrivning',
  fte: 'årsarbetskrafter',
  sought: 'sökt belopp',
  coFinancing: 'medfinansiering',
  statedTotal: 'angiven summa',
};

export function applicationFieldLabel(path: string): string {
  return APPLICATION_FIELD_LABEL[path] ?? APPLICATION_FIELD_LABEL[path.split('.')[0] ?? ''] ?? path;
}
