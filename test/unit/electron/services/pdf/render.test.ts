// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AttachmentMeta } from '../../../../../shared/contract/schemas';
import { AppError } from '../../../../../shared/contract/errors';
import { coverSheetDefinition, renderCoverSheet } from '../../../../../electron/services/documents/cover-sheet';
import { inspectPdf } from '../../../../../electron/services/pdf/inspect';
import { pageNumberLabel } from '../../../../../electron/services/pdf/layout';
import { renderPdf } from '../../../../../electron/services/pdf/render';

/** poppler-utils are optional: tests that need them are skipped, with the reason printed. */
function hasTool(tool: string): boolean {
  const found = spawnSync(process.platform === 'win32' ? 'where' : 'which', [tool]).status === 0;
  if (!found) console.info(`Skipping the ${tool} checks: ${tool} is not installed (it comes with poppler-utils).`);
  return found;
}
const hasPdftotext = hasTool('pdftotext');
const hasPdffonts = hasTool('pdffonts');
const run = (tool: string, ...args: string[]): string => {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
};

const NAMES = ['Ansökan §7 – Öppna vägar för unga (bilaga é).pdf', 'Årsbokslut – översyn av måluppfyllelse.pdf'];
const attachments: AttachmentMeta[] = NAMES.map((fileName, i) => ({
  sha256: (i ? 'ab' : 'cd').repeat(32),
  fileName,
  size: i ? 532_000 : 4_200_000,
  pageCount: i ? 1 : 12,
  addedAt: new Date(2026, 2, 14 - i, 9).toISOString(),
}));

let pdf: Buffer;
let path: string;
beforeAll(async () => {
  pdf = await renderCoverSheet({ attachments, generatedAt: new Date(2026, 2, 14, 9, 30) });
  path = join(mkdtempSync(join(tmpdir(), 'sb-pdf-')), 'bilagor.pdf');
  writeFileSync(path, pdf);
});

describe('cover sheet', () => {
  it('is a PDF that inspectPdf accepts', async () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await inspectPdf(pdf)).toEqual({ pageCount: 1 });
  });

  it('carries title, author, creator and language', async () => {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Förteckning över bilagor');
    expect(doc.getCreator()).toBe('Styrelsebordet');
    expect(doc.getAuthor()).toBe('Styrelsebordet');
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('sv-SE');
  });

  it.skipIf(!hasPdftotext)('keeps å ä ö é § intact and numbers the page "1 (1)"', () => {
    const text = run('pdftotext', '-enc', 'UTF-8', path, '-');
    for (const name of NAMES) expect(text).toContain(name);
    expect(text).toContain('1 (1)');
    expect(text).toContain('Upprättad 2026-03-14 kl. 09.30');
    expect(text).toContain('12 sidor');
    expect(text).toContain('4,2 MB');
    expect(text).toContain('2026-03-14');
    expect(text).toContain('cdcdcdcdcdcdcdcd');
    expect(text).not.toContain('cdcdcdcdcdcdcdcdc'); // only the first 16 hex digits
    expect(text).toMatch(/Totalt 2 bilagor[\s\S]*13 sidor[\s\S]*4,7 MB/);
  });

  it.skipIf(!hasPdffonts)('embeds every font', () => {
    const rows = run('pdffonts', path).trim().split('\n').slice(2); // skip the two header lines
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      // Columns: name type encoding emb sub uni object ID; "emb" is 5th from the end.
      expect(row.trim().split(/\s+/).at(-5), row).toBe('yes');
    }
  });

  it('says so when there are no attachments', async () => {
    const definition = coverSheetDefinition({ attachments: [], generatedAt: new Date(2026, 2, 14) });
    expect(JSON.stringify(definition.content)).toContain('Inga bilagor har lagts till ännu.');
    expect(JSON.stringify(definition.content)).not.toContain('Totalt');
    expect(await inspectPdf(await renderPdf(definition))).toEqual({ pageCount: 1 });
  });
});

describe('renderPdf', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes page numbers the Swedish way', () => {
    expect(pageNumberLabel(2, 6)).toBe('2 (6)');
  });

  it('never fetches a URL named in a document', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    const definition = { content: [{ image: 'logo' }], images: { logo: 'https://example.com/spårning.png' } };
    const err: unknown = await renderPdf(definition).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(String((err as Error).cause)).toMatch(/Access to URL denied/);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('never reads a local file outside the font folder', async () => {
    const definition = { content: [{ image: '/etc/passwd' }] };
    const err: unknown = await renderPdf(definition).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('internal');
    expect(String((err as Error).cause)).toMatch(/denied by resource access policy/);
  });
});
