import { readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { extractPdfText } from '../electron/services/pdf/extract-text';
import { RecordSearchIndex } from '../renderer/src/search/search-index';
import { compileFilters, filterRecords, type RecordFilters, type SearchableRecord } from '../shared/domain/search/filter';
import { normalizeSv, tokenizeSv } from '../shared/domain/search/swedish';
import { measure, report, type Sample } from './harness';

/**
 * The list and its full-text search with 2 000 ansökningar, 500 of them with
 * a PDF of about 3 000 words: index build, search as you type (with and
 * without filters) and list filtering. Plus opening a 100-page PDF with
 * pdf.js in Node to get page 1's text.
 *
 * The search part does not render 500 real PDFs: what the index sees is the
 * extracted text, so the bench generates that text directly from the same
 * word list. Text extraction itself is measured separately on a real PDF.
 */

/** Deterministic pseudo-random numbers (mulberry32), so every run sees the same data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'insats insatsen insatser samverkan samverkar rehabilitering ungdomar ungdomarna unga vuxna ' +
  'försörjningsstöd arbetsförmåga arbetsförmågan psykisk ohälsa hälsa Skövde Falköping Tidaholm ' +
  'Mariestad Hjo Karlsborg Gullspång Töreboda Öppna vägar väg vägen arbetsträning arbetsmarknad ' +
  'förbundet förbundets styrelsen styrelse beslut beslutar ansökan ansökningar ansökningarna ' +
  'medel budget budgeten kostnader personal handledare coach målgrupp målgruppen deltagare ' +
  'deltagarna åtgärder åtgärd uppföljning utvärdering resultat effekter långvarigt sjukskrivning ' +
  'sjukskrivna Försäkringskassan Arbetsförmedlingen regionen kommunen kommunerna socialtjänst ' +
  'vårdcentral psykiatri beroende missbruk stöd stödet individuellt individ gruppverksamhet ' +
  'studier utbildning praktik anställning lönebidrag nyanlända språk svenska föräldrar familj ' +
  'kvinnor män jämställdhet tillgänglighet förebyggande tidiga samordning samordnare ' +
  'kartläggning motivation vardag struktur hälsofrämjande fysisk aktivitet kost sömn ' +
  'återgång egen försörjning självständighet delaktighet förändring utveckling metod ' +
  'metodstöd implementering långsiktig finansiering projekt projektet projektledare ' +
  'verksamhet verksamheten årsredovisning delårsrapport verksamhetsplan § protokoll'
).split(/\s+/);

const PARTIES = [
  'Skövde kommun', 'Falköpings kommun', 'Tidaholms kommun', 'Mariestads kommun', 'Hjo kommun',
  'Karlsborgs kommun', 'Gullspångs kommun', 'Töreboda kommun', 'Region Västra Götaland',
  'Försäkringskassan', 'Arbetsförmedlingen',
];
const STATUSES = ['inkommen', 'under beredning', 'beviljad', 'avslagen', 'återkallad'];
const MEETINGS = Array.from({ length: 12 }, (_, i) => `m${i + 1}`);

const RECORDS = 2000;
const PDFS = 500;
const PDF_WORDS = 3000;
const QUERIES = 200;

function makeRecords(): SearchableRecord[] {
  const rand = rng(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const words = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const date = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}-01`;
  return Array.from({ length: RECORDS }, (_, i) => {
    const year = 2024 + Math.floor(rand() * 4);
    const month = 1 + Math.floor(rand() * 12);
    const parties = [pick(PARTIES), ...(rand() < 0.5 ? [pick(PARTIES)] : [])];
    let pdfText = '';
    if (i < PDFS) {
      // Sentences of 6–16 words, as extracted text reads.
      const sentences: string[] = [];
      for (let n = 0; n < PDF_WORDS; ) {
        const len = 6 + Math.floor(rand() * 11);
        sentences.push(`${words(len)}.`);
        n += len;
      }
      pdfText = sentences.join(' ');
    }
    return {
      id: `a${i}`,
      title: `${words(2 + Math.floor(rand() * 3))} ${pick(['Skövde', 'Falköping', 'Tidaholm', 'Hjo', 'Öppna vägar'])}`,
      fields: {
        diarienummer: `SF ${year}/${i + 1}`,
        sökande: parties[0]!,
        beskrivning: words(40),
      },
      parties: [...new Set(parties)],
      status: pick(STATUSES),
      meetingId: rand() < 0.2 ? null : pick(MEETINGS),
      amount: Math.round(rand() * 3_000_000),
      periodFrom: date(year, month),
      periodTo: date(year + 1, month),
      pdfText,
    };
  });
}

function makeFilters(rand: () => number): RecordFilters {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const filters: RecordFilters = {};
  if (rand() < 0.6) filters.statuses = [pick(STATUSES), pick(STATUSES)];
  if (rand() < 0.3) filters.meetingId = pick(MEETINGS);
  if (rand() < 0.5) filters.parties = [pick(PARTIES)];
  if (rand() < 0.5) filters.amountMin = Math.round(rand() * 1_000_000);
  if (rand() < 0.3) filters.amountMax = 1_000_000 + Math.round(rand() * 2_000_000);
  if (rand() < 0.5) {
    filters.periodFrom = '2025-01-01';
    filters.periodTo = '2026-06-30';
  }
  return filters;
}

interface BenchQuery {
  text: string;
  filters: RecordFilters | undefined;
}

/** 1–3 words; the last one cut where the user might still be typing; mixed case; some typos. */
function makeQueries(): BenchQuery[] {
  const rand = rng(14);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  return Array.from({ length: QUERIES }, () => {
    const words = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(WORDS));
    const last = words.length - 1;
    if (rand() < 0.6) words[last] = words[last]!.slice(0, 1 + Math.floor(rand() * words[last]!.length));
    if (rand() < 0.1 && words[0]!.length > 6) words[0] = words[0]!.slice(0, 3) + words[0]!.slice(4); // typo
    let text = words.join(' ');
    if (rand() < 0.3) text = text.toLocaleUpperCase('sv');
    return { text, filters: rand() < 0.5 ? makeFilters(rand) : undefined };
  });
}

/** Each query timed once, after one warm-up pass; median and p95 over the queries. */
function timeEach(queries: readonly BenchQuery[], fn: (q: BenchQuery) => unknown): Sample {
  for (const q of queries) fn(q);
  const times = queries.map((q) => {
    const t0 = performance.now();
    fn(q);
    return performance.now() - t0;
  });
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  return { median: at(0.5), p95: at(0.95), runs: times.length };
}

/** A 100-page PDF, about 400 words a page, written with pdf-lib. */
async function makeHundredPagePdf(): Promise<Uint8Array> {
  const rand = rng(100);
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= 100; p++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`Ansökan om medel – sida ${p} av 100`, { x: 50, y: 800, size: 14, font });
    for (let line = 0; line < 40; line++) {
      const text = Array.from({ length: 10 }, () => WORDS[Math.floor(rand() * WORDS.length)]!).join(' ');
      page.drawText(text, { x: 50, y: 770 - line * 18, size: 10, font });
    }
  }
  return doc.save();
}

export async function searchBench(): Promise<void> {
  const records = makeRecords();
  const pdfWords = records.reduce((n, r) => n + (r.pdfText ? r.pdfText.split(' ').length : 0), 0);
  const textOf = (r: SearchableRecord): string =>
    [r.title, ...Object.values(r.fields), ...r.parties, r.pdfText].join('\n');

  // Index build against a plain inverted index (token → ids) over the same tokens.
  const plainBuild = await measure(2, async () => {
    const map = new Map<string, Set<string>>();
    for (const r of records) {
      for (const token of tokenizeSv(textOf(r))) {
        let ids = map.get(token);
        if (!ids) map.set(token, (ids = new Set()));
        ids.add(r.id);
      }
    }
    return map;
  });
  let index: RecordSearchIndex | undefined;
  const build = await measure(2, async () => {
    index = new RecordSearchIndex(records);
  });
  report(`search index build, ${RECORDS} + ${PDFS} PDFs`, build, plainBuild, `${(pdfWords / 1e6).toFixed(1)} M PDF words`);

  // Search as you type against a linear scan with includes() over the same text.
  const queries = makeQueries();
  const haystacks = records.map((r) => normalizeSv(textOf(r)));
  const scan = (q: BenchQuery): string[] => {
    const words = normalizeSv(q.text).split(/\s+/).filter(Boolean);
    const keep = compileFilters(q.filters);
    const ids: string[] = [];
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      if (keep(r) && words.every((w) => haystacks[i]!.includes(w))) ids.push(r.id);
    }
    return ids;
  };
  const plainQueries = queries.map((q) => ({ text: q.text, filters: undefined }));
  const filteredQueries = queries.filter((q) => q.filters);
  const search = index!;
  let hits = 0;
  const scanPlain = timeEach(plainQueries, scan);
  const searchPlain = timeEach(plainQueries, (q) => (hits += search.search(q.text).length));
  report(`search as you type, ${plainQueries.length} queries`, searchPlain, scanPlain, 'vs includes() scan');
  const scanFiltered = timeEach(filteredQueries, scan);
  const searchFiltered = timeEach(filteredQueries, (q) => search.search(q.text, q.filters));
  report(`search + filters, ${filteredQueries.length} queries`, searchFiltered, scanFiltered, 'vs includes() scan');
  const slowest = [...plainQueries]
    .map((q) => {
      const t0 = performance.now();
      search.search(q.text);
      return { q: q.text, ms: performance.now() - t0 };
    })
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map((s) => `"${s.q}" ${s.ms.toFixed(1)} ms`)
    .join(', ');
  console.log(`  slowest queries: ${slowest}; ${(hits / plainQueries.length).toFixed(0)} hits per query on average`);

  // List filtering alone against copying the unfiltered list.
  const filterRand = rng(7);
  const filterSets = Array.from({ length: 50 }, () => makeFilters(filterRand));
  let f = 0;
  const copy = await measure(200, async () => records.slice());
  const filtered = await measure(200, async () => filterRecords(records, filterSets[f++ % filterSets.length]));
  report(`list filtering, ${RECORDS} records`, filtered, copy, 'vs unfiltered copy');

  // Page 1's text of a 100-page PDF with pdf.js in Node, against reading the file.
  const dir = await mkdtemp(join(tmpdir(), 'styrelsebordet-search-bench-'));
  try {
    const file = join(dir, 'hundra-sidor.pdf');
    await writeFile(file, await makeHundredPagePdf());
    const read = await measure(10, () => readFile(file));
    const firstPage = await measure(10, async () => extractPdfText(await readFile(file), { maxPages: 1 }));
    report('PDF 100 pages: open + page 1 text', firstPage, read, 'vs reading the file');
    const all = await measure(2, async () => extractPdfText(await readFile(file)));
    report('PDF 100 pages: text of all pages', all, read, 'vs reading the file');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
