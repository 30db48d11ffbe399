import { baseDocument, titleBlock } from '../pdf/layout';
import { renderPdf } from '../pdf/render';
import type { Content } from '../pdf/types';

/**
 * The demonstration förbund's board document: a verksamhetsplan over several
 * pages, so the viewer has something real to page through. Generated, so the
 * repository carries no binary PDF.
 */
const SECTIONS: { heading: string; paragraphs: string[] }[] = [
  {
    heading: '1. Inledning',
    paragraphs: [
      'Samordningsförbundet Östra Skaraborg bildades med stöd av lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser. Förbundets medlemmar är Försäkringskassan, Arbetsförmedlingen, Västra Götalandsregionen samt Skövde och Falköpings kommuner.',
      'Verksamhetsplanen beskriver förbundets inriktning, prioriterade målgrupper och budget för år 2027. Planen antas av styrelsen och följs upp i delårsrapport och årsredovisning.',
    ],
  },
  {
    heading: '2. Mål och inriktning',
    paragraphs: [
      'Förbundets övergripande mål är att individer i behov av samordnade rehabiliteringsinsatser ska uppnå eller förbättra sin förmåga att utföra förvärvsarbete.',
      'Under 2027 prioriteras unga vuxna som varken arbetar eller studerar, personer med långvarigt försörjningsstöd samt personer med psykisk ohälsa som står långt från arbetsmarknaden.',
      'Insatserna ska vara förankrade hos minst två av förbundets parter och bygga på en överenskommelse med en tydlig insatsägare.',
    ],
  },
  {
    heading: '3. Insatser',
    paragraphs: [
      'Öppna vägar – en individinriktad insats för unga vuxna 18–29 år i Skövde och Falköping, med coachning, arbetsträning och samordning mellan parterna.',
      'Strukturövergripande arbete: gemensam kompetensutveckling för handläggare hos parterna och ett forum för samverkan kring personer med komplexa behov.',
      'Uppföljning sker i det nationella uppföljningssystemet för finansiell samordning (SUS). Inga personuppgifter om deltagare förekommer i styrelsens handlingar.',
    ],
  },
  {
    heading: '4. Budget 2027',
    paragraphs: [
      'Medlemmarnas bidrag för 2027 uppgår till 4 000 000 kr: Försäkringskassan 2 000 000 kr, Västra Götalandsregionen 1 000 000 kr, Skövde kommun 600 000 kr och Falköpings kommun 400 000 kr.',
      'Av medlen avsätts 3 200 000 kr till insatser, 600 000 kr till förbundets kansli och 200 000 kr till utvärdering och kompetensutveckling.',
    ],
  },
  {
    heading: '5. Uppföljning och utvärdering',
    paragraphs: [
      'Förbundschefen redovisar insatsernas resultat för styrelsen varje kvartal. Styrelsen beslutar om fortsatt finansiering utifrån uppnådda mål och parternas förmåga att implementera arbetssätten i ordinarie verksamhet.',
    ],
  },
];

export type DemoSection = { heading: string; paragraphs: string[] };

/** A document of the demo: one section a page, so the viewer has pages to turn. */
export async function renderSectionsPdf(title: string, subtitle: string, sections: DemoSection[], createdAt: Date): Promise<Buffer> {
  const content: Content[] = [...titleBlock(title, subtitle)];
  sections.forEach((section, i) => {
    content.push({ text: section.heading, style: 'heading', ...(i > 0 ? { pageBreak: 'before' as const } : {}) } as Content);
    for (const p of section.paragraphs) content.push({ text: p, margin: [0, 0, 0, 10] } as Content);
  });
  return renderPdf({ ...baseDocument({ title, organisation: 'Samordningsförbundet Östra Skaraborg', createdAt }), content });
}

export function renderDemoDocument(createdAt: Date): Promise<Buffer> {
  return renderSectionsPdf('Verksamhetsplan och budget 2027', 'Förslag till styrelsens sammanträde', SECTIONS, createdAt);
}
