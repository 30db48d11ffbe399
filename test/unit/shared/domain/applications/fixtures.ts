import { Application, type ApplicationInput, type BudgetLine, type OrganisationRef } from '../../../../../shared/domain/applications/model';
import { ORG, uuid } from '../../../../helpers/event-builder';

/** A second kommun, to show that two kommuner count as one party. */
export const KOMMUN2 = uuid(0x105);

export const ORGS: OrganisationRef[] = [
  { id: ORG.fk, kind: 'socialInsuranceAgency', name: 'Försäkringskassan' },
  { id: ORG.af, kind: 'employmentService', name: 'Arbetsförmedlingen' },
  { id: ORG.region, kind: 'region', name: 'Region Östergötland' },
  { id: ORG.kommun, kind: 'municipality', name: 'Linköpings kommun' },
  { id: KOMMUN2, kind: 'municipality', name: 'Åtvidabergs kommun' },
];

export const APP_ID = uuid(0xa01);

/** Like seed-004: a processledare at 700 000 kr and 10 000 kr travel a year; AF gives premises in kind. */
export function line(id: string, year: string, extra: Partial<BudgetLine> = {}): BudgetLine {
  return { id, year, category: 'personnel', description: 'Processledare', fte: 1, sought: 700_000, coFinancing: [], statedTotal: null, ...extra };
}

export function budget(years = ['2026', '2027', '2028']): BudgetLine[] {
  return years.flatMap((y) => [
    line(`p-${y}`, y, { coFinancing: [{ financier: ORG.af, amount: 50_000, inKind: true }], statedTotal: 750_000 }),
    line(`r-${y}`, y, { category: 'travel', description: '', fte: null, sought: 10_000 }),
  ]);
}

export function application(over: Partial<ApplicationInput> = {}): Application {
  return Application.parse({
    id: APP_ID,
    version: 1,
    registrationNumber: 'Dnr 2026/12',
    receivedOn: '2026-01-15',
    name: 'Ungdomslots',
    parties: [ORG.af, ORG.kommun],
    ownerId: ORG.af,
    contact: { name: 'Karin Rangin', role: 'Förbundssamordnare', organisationId: ORG.kommun },
    kind: 'individual',
    form: 'project',
    period: { from: '2026-03-01', to: '2028-12-31' },
    background: 'Många unga 16–24 år saknar sysselsättning.',
    purpose: 'Att genom samverkan minska ungas arbetslöshet.',
    goals: [{ text: 'Fler unga i arbete eller studier', target: '50 % efter 12 månader' }],
    targetGroup: { ageFrom: 16, ageTo: 24, area: 'Linköping', participants: 40 },
    activities: 'Individuellt stöd, gruppaktiviteter.',
    governance: 'Styrgrupp: beredningsgruppen. Processledare 100 %.',
    relationToOrdinary: 'Kompletterar ordinarie verksamhet.',
    budget: budget(),
    followUp: { text: 'Tertialrapporter och extern utvärdering.', nationalSystemReference: 'UF-2026-0012' },
    implementation: { kind: 'shared', text: 'Kommunen tar över lotsfunktionen.' },
    risks: 'Svårt att rekrytera.',
    attachments: [{ sha256: 'a'.repeat(64), fileName: 'ansokan.pdf', title: 'Ansökan', confidential: false }],
    ...over,
  });
}
