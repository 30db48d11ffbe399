import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../../shared/contract';
import { endOfMonthAfter, firstOfNextMonth, type DemoCalendar } from './demo-calendar';
import { renderSectionsPdf } from './demo-document';

/**
 * Two ansökningar om medel for the demo. "Öppna vägar" is modelled on the
 * real application in ../shared/domain/sources/004 (a lots for young people:
 * a processledare at about 700 000 kr a year, travel, premises given in kind
 * by Arbetsförmedlingen); "Friskare tillsammans" is a structural förstudie.
 */
export async function registerDemoApplications(director: Handlers, orgs: Map<string, string>, cal: DemoCalendar): Promise<{ openRoads: string; healthier: string }> {
  const org = (key: string) => orgs.get(key)!;
  const y = (n: number) => String(cal.year + n);
  const openRoadsOn = cal.day(-5);
  const healthierOn = cal.day(-3);
  await director['log.append']({ type: 'budget.set', payload: { amounts: { [y(0)]: 3_000_000, [y(1)]: 3_200_000, [y(2)]: 3_200_000 } }, prev: [] });

  const openRoadsPdf = await renderSectionsPdf(
    'Ansökan om medel – Öppna vägar',
    `Skövde kommun och Arbetsförmedlingen, inkommen ${openRoadsOn}`,
    [
      { heading: 'Bakgrund', paragraphs: ['I Skövde och Falköping finns omkring 600 unga vuxna 18–29 år som varken arbetar eller studerar. Många har haft kontakt med flera myndigheter utan att insatserna hängt ihop.'] },
      { heading: 'Syfte och mål', paragraphs: ['Syftet är att genom samverkan och gemensamma insatser varaktigt minska ungas arbetslöshet.', 'Mål: 50 % av deltagarna i arbete eller studier efter 12 månader. 80 % av deltagarna ska uppleva att stödet hänger ihop.'] },
      { heading: 'Målgrupp och aktiviteter', paragraphs: ['40 deltagare per år, 18–29 år, folkbokförda i Skövde eller Falköping.', 'En processledare och två lotsar ger individuellt stöd, kartläggning, arbetsträning och gruppaktiviteter i samverkan med parterna.'] },
      { heading: 'Budget', paragraphs: ['Processledare 100 %: 700 000 kr per år. Resor: 10 000 kr per år. Lokaler ställs till förfogande av Arbetsförmedlingen (motfinansiering i form av lokaler, 120 000 kr per år).'] },
      { heading: 'Uppföljning och implementering', paragraphs: ['Uppföljning i det nationella uppföljningssystemet (SUS) och extern utvärdering. Inga personuppgifter om deltagare lämnas till styrelsen.', 'Delad implementering: kommunen tar över lotsfunktionen och Arbetsförmedlingen arbetsträningen efter projektet.'] },
    ],
    new Date(),
  );
  const pdfMeta = await director['attachments.add']({ fileName: 'Ansökan Öppna vägar.pdf', bytes: openRoadsPdf });

  const years = [y(1), y(2)];
  const openRoads = randomUUID();
  await director['log.append']({
    type: 'application.registered',
    payload: {
      id: openRoads,
      version: 1,
      registrationNumber: `Dnr ${openRoadsOn.slice(0, 4)}/14`,
      receivedOn: openRoadsOn,
      name: 'Öppna vägar',
      parties: [org('skovde'), org('af')],
      ownerId: org('skovde'),
      contact: { name: 'Karin Rangin', role: 'Processledare, Arbetsmarknadsenheten', organisationId: org('skovde'), email: 'karin.rangin@skovde.example' },
      kind: 'individual',
      form: 'project',
      period: { from: `${y(1)}-01-01`, to: `${y(2)}-12-31` },
      background: 'Omkring 600 unga vuxna 18–29 år i Skövde och Falköping varken arbetar eller studerar. Insatserna från kommun, Arbetsförmedlingen och vården hänger inte ihop.',
      purpose: 'Att genom samverkan och gemensamma insatser varaktigt minska ungas arbetslöshet.',
      goals: [
        { text: 'Deltagare i arbete eller studier efter 12 månader', target: '50 %' },
        { text: 'Deltagare som upplever att stödet hänger ihop', target: '80 %' },
      ],
      targetGroup: { ageFrom: 18, ageTo: 29, area: 'Skövde och Falköping', participants: 40 },
      activities: 'Kartläggning, individuellt lotsstöd, arbetsträning och gruppaktiviteter i samverkan med parterna.',
      governance: 'Styrgrupp med chefer från parterna; Arbetsmarknadsenheten i Skövde kommun är projektägare; processledare 100 %; beredningsgrupp varannan månad.',
      relationToOrdinary: 'Kompletterar ordinarie verksamhet; ersätter inte kommunens eller Arbetsförmedlingens uppdrag.',
      budget: years.flatMap((year) => [
        { id: `processledare-${year}`, year, category: 'personnel', description: 'Processledare 100 %', fte: 1, sought: 700_000, coFinancing: [] },
        { id: `lokaler-${year}`, year, category: 'premises', description: 'Lokaler', fte: null, sought: 0, coFinancing: [{ financier: org('af'), amount: 120_000, inKind: true }] },
        { id: `resor-${year}`, year, category: 'travel', description: 'Resor', fte: null, sought: 10_000, coFinancing: [] },
      ]),
      followUp: { text: 'Tertialrapporter till styrelsen och extern utvärdering år 2.', nationalSystemReference: `SUS ${openRoadsOn.slice(0, 4)}-0014` },
      implementation: { kind: 'shared', text: 'Kommunen tar över lotsfunktionen och Arbetsförmedlingen arbetsträningen.' },
      risks: 'Svårt att rekrytera lotsar; deltagare som avbryter.',
      attachments: [{ sha256: pdfMeta.sha256, fileName: pdfMeta.fileName, title: 'Ansökan med bilagor', confidential: false }],
    },
    prev: [],
  });

  const healthier = randomUUID();
  await director['log.append']({
    type: 'application.registered',
    payload: {
      id: healthier,
      version: 1,
      registrationNumber: `Dnr ${healthierOn.slice(0, 4)}/17`,
      receivedOn: healthierOn,
      name: 'Friskare tillsammans – förstudie',
      parties: [org('vgr'), org('falkoping'), org('fk')],
      ownerId: org('vgr'),
      contact: { name: 'Anna Ek', role: 'Utvecklingsledare', organisationId: org('vgr') },
      kind: 'structural',
      form: 'feasibilityStudy',
      period: { from: `${y(1)}-02-01`, to: `${y(1)}-12-31` },
      background: 'Personer med psykisk ohälsa som står långt från arbetsmarknaden möter många aktörer utan gemensam planering.',
      purpose: 'Att kartlägga hur vården, kommunen och Försäkringskassan kan samordna sina insatser.',
      goals: [{ text: 'En gemensam modell för samordnad planering', target: `Beslutsunderlag till styrelsen i december ${y(1)}` }],
      targetGroup: { ageFrom: 18, ageTo: 64, area: 'Falköping', participants: null },
      activities: 'Intervjuer, processkartläggning och två workshoppar med parterna.',
      governance: 'Styrgrupp med parternas chefer.',
      relationToOrdinary: 'En förstudie; ingen ordinarie verksamhet finansieras.',
      budget: [
        { id: `utredare-${y(1)}`, year: y(1), category: 'personnel', description: 'Utredare 50 %', fte: 0.5, sought: 320_000, coFinancing: [] },
        { id: `workshop-${y(1)}`, year: y(1), category: 'activities', description: 'Workshoppar', fte: null, sought: 30_000, coFinancing: [{ financier: org('falkoping'), amount: 20_000, inKind: false }] },
      ],
      followUp: { text: 'Slutrapport till styrelsen.', nationalSystemReference: null },
      implementation: { kind: 'structural', text: 'Modellen förs in i parternas samverkansöverenskommelse.' },
      risks: 'Parternas tid.',
      attachments: [],
    },
    prev: [],
  });
  return { openRoads, healthier };
}

/**
 * The förstudie that came before "Öppna vägar": a small ansökan under the
 * same insats name, received well before the held meeting, which grants it.
 * So "Tidigare beslut om insatsen" has something to show for the project
 * application. Registered after the two current ansökningar so a lookup by
 * name in the log finds the project first. Three months at 50 000 kr a month,
 * from the month after the meeting; rows per calendar year.
 */
export const STUDY_KR_PER_MONTH = 50_000;

export async function registerEarlierStudy(director: Handlers, orgs: Map<string, string>, cal: DemoCalendar): Promise<string> {
  const org = (key: string) => orgs.get(key)!;
  const receivedOn = cal.fromHeld(-48);
  const from = firstOfNextMonth(cal.held);
  const to = endOfMonthAfter(from, 3);
  const months: Record<string, number> = {};
  for (let i = 0; i < 3; i++) {
    const year = endOfMonthAfter(from, i + 1).slice(0, 4);
    months[year] = (months[year] ?? 0) + 1;
  }
  const id = randomUUID();
  await director['log.append']({
    type: 'application.registered',
    payload: {
      id,
      version: 1,
      registrationNumber: `Dnr ${receivedOn.slice(0, 4)}/09`,
      receivedOn,
      name: 'Öppna vägar',
      parties: [org('skovde'), org('af')],
      ownerId: org('skovde'),
      contact: { name: 'Karin Rangin', role: 'Utvecklare', organisationId: org('skovde'), email: 'karin.rangin@skovde.example' },
      kind: 'individual',
      form: 'feasibilityStudy',
      period: { from, to },
      background: 'Kommunen och Arbetsförmedlingen ser att unga vuxna som varken arbetar eller studerar möter många aktörer utan gemensam plan.',
      purpose: 'Att kartlägga målgruppen och förbereda en gemensam insats med lotsar för unga vuxna.',
      goals: [{ text: 'Ett underlag för en ansökan om ett tvåårigt projekt', target: 'Klart inom tre månader' }],
      targetGroup: { ageFrom: 18, ageTo: 29, area: 'Skövde och Falköping', participants: null },
      activities: 'Kartläggning i registren, intervjuer med unga och handläggare, två workshoppar med parterna.',
      governance: 'Arbetsgrupp med kommunen och Arbetsförmedlingen; rapport till förbundschefen varje månad.',
      relationToOrdinary: 'En förstudie; ingen ordinarie verksamhet finansieras.',
      budget: Object.entries(months).map(([year, n]) => ({
        id: `utredning-${year}`,
        year,
        category: 'personnel',
        description: 'Utredare 50 % och workshoppar',
        fte: 0.5,
        sought: n * STUDY_KR_PER_MONTH,
        coFinancing: [],
      })),
      followUp: { text: 'Slutrapport till styrelsen med förslag till projekt.', nationalSystemReference: null },
      implementation: { kind: 'shared', text: 'Förstudien leder till en projektansökan; inget ska tas över.' },
      risks: 'Kort tid för kartläggningen.',
      attachments: [],
    },
    prev: [],
  });
  return id;
}

/** What the two demo members do on their own laptops before sending their return packages. */
export async function reviewAsMember(member: Handlers, name: string, apps: { openRoads: string; healthier: string }): Promise<void> {
  if (name === 'Lena Åberg') {
    await member['log.append']({ type: 'stance.set', payload: { applicationId: apps.openRoads, stance: 'support' }, prev: [] });
    await member['log.append']({
      type: 'question.asked',
      payload: { id: randomUUID(), applicationId: apps.openRoads, text: 'Hur ska lotsfunktionen finansieras efter 2028 om kommunen inte tar över den?' },
      prev: [],
    });
  } else {
    // Olle sits for Falköping, one of the applying parties of the förstudie: he declares jäv on it.
    await member['log.append']({ type: 'jav.declared', payload: { applicationId: apps.healthier, ground: 'representative', text: 'Jag är ledamot i Falköpings kommunstyrelse, som är part i ansökan.' }, prev: [] });
    await member['log.append']({ type: 'stance.set', payload: { applicationId: apps.openRoads, stance: 'discuss' }, prev: [] });
  }
}
