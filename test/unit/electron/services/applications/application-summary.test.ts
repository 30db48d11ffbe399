// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { applicationSummaryDefinition, renderApplicationSummary, summaryFileName, type ApplicationSummaryInput } from '../../../../../electron/services/applications/application-summary';
import { inspectPdf } from '../../../../../electron/services/pdf/inspect';
import { ORGS, application, line } from '../../../shared/domain/applications/fixtures';

const hasTool = (tool: string): boolean => {
  const found = spawnSync('which', [tool]).status === 0;
  if (!found) console.info(`Skipping the ${tool} checks: ${tool} is not installed (it comes with poppler-utils).`);
  return found;
};
const hasPdftotext = hasTool('pdftotext');
const hasPdffonts = hasTool('pdffonts');
const run = (tool: string, ...args: string[]): string => {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
};

const SECRET_SHA = 'b'.repeat(64);
const app = application({
  name: 'Öppna vägar – stöd för unga § 7',
  budget: [
    ...application().budget,
    // Stated as 30 000 but the parts make 20 000: flagged. And 2030 lies outside the period: flagged.
    line('x-2030', '2030', { category: 'other', description: 'Slutkonferens', fte: null, sought: 20_000, statedTotal: 30_000 }),
  ],
  attachments: [
    { sha256: 'a'.repeat(64), fileName: 'ansokan.pdf', title: 'Ansökan i original', confidential: false },
    { sha256: SECRET_SHA, fileName: 'hälsouppgifter-deltagare.pdf', title: 'Underlag om enskilda', confidential: true, oslReference: 'OSL 26 kap. 1 §' },
  ],
});
const input = (): ApplicationSummaryInput => ({
  application: app,
  organisationNames: Object.fromEntries(ORGS.map((o) => [o.id, o.name!])),
  organisation: 'Samordningsförbundet Östra Skaraborg',
  insatsBudget: { '2026': 1_000_000, '2027': 1_500_000 },
  generatedAt: new Date(2026, 2, 14, 9, 30),
});

let pdf: Buffer;
let path: string;
beforeAll(async () => {
  pdf = await renderApplicationSummary(input());
  path = join(mkdtempSync(join(tmpdir(), 'sb-summary-')), 'sammanstallning.pdf');
  writeFileSync(path, pdf);
});

describe('ansökan summary PDF', () => {
  it('is a PDF that the attachment check accepts, titled as a summary', async () => {
    expect((await inspectPdf(pdf)).pageCount).toBeGreaterThanOrEqual(2);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Sammanställning av ansökan');
    expect(doc.getAuthor()).toBe('Samordningsförbundet Östra Skaraborg');
  });

  it('names confidential attachments by their OSL provision, never their file content', () => {
    const text = JSON.stringify(applicationSummaryDefinition(input()).content);
    expect(text).toContain('Sekretess enligt OSL 26 kap. 1 §');
    expect(text).toContain('Allmän handling, offentlig');
    expect(text).not.toContain(SECRET_SHA);
  });

  it('has a file name from the diarienummer, version and date, safe for every file system', () => {
    expect(summaryFileName(app, new Date(2026, 2, 14))).toBe('sammanstallning-Dnr-2026-12-v1-2026-03-14.pdf');
  });

  it.skipIf(!hasPdftotext)('carries the structured ansökan, budget sums, flags and remaining budget, with å ä ö § intact and "1 (n)" page numbers', async () => {
    const text = run('pdftotext', '-layout', '-enc', 'UTF-8', path, '-');
    const pages = (await inspectPdf(pdf)).pageCount;
    expect(text).toContain('Öppna vägar – stöd för unga § 7');
    expect(text).toContain('Samordningsförbundet Östra Skaraborg');
    expect(text).toContain(`1 (${pages})`);
    expect(text).toContain(`${pages} (${pages})`);
    expect(text).toContain('Arbetsförmedlingen, Linköpings kommun'); // the parties
    expect(text).toContain('Bakgrund och problembeskrivning');
    expect(text).toContain('Mätbart mål: 50 % efter 12 månader');
    expect(text).toMatch(/Summa 2026[\s\S]*710 000 kr[\s\S]*50 000 kr[\s\S]*760 000 kr/);
    expect(text).toMatch(/Totalt hela perioden[\s\S]*2 150 000 kr/);
    expect(text).toContain('Arbetsförmedlingen: 50 000 kr (i annat än pengar)');
    expect(text).toContain('går inte ihop');
    expect(text).toContain('utanför insatsens period');
    // 2026: 1 000 000 − 710 000 = 290 000 left; 2028 has no budget set.
    expect(text).toContain('290 000 kr');
    expect(text).toContain('Inte fastställd');
    expect(text).toContain('Referens i Uppföljning Finsam: UF-2026-0012');
    expect(text).toContain('Delad implementering');
  });

  it.skipIf(!hasPdffonts)('embeds every font', () => {
    const rows = run('pdffonts', path).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.trim().split(/\s+/).at(-5), row).toBe('yes');
  });
});
