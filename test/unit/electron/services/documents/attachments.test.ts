import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../../../electron/services';
import { AppError } from '../../../../../shared/contract';
import { makeCorruptPdf, makeEncryptedPdf, makeMultiPagePdf, notAPdf } from '../../../../helpers/pdf-fixtures';
import { snapshotTree } from '../../../../helpers/tree';

const fresh = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-data-'));
  return { dataDir, services: await createServices({ dataDir, host: 'web', version: '0.0.0-test' }) };
};

describe('attachments', () => {
  it('stores a PDF by its SHA-256, lists it and reads back the same bytes', async () => {
    const { dataDir, services } = await fresh();
    const pdf = await makeMultiPagePdf(4, 'Ansökan om medel');
    const meta = await services['attachments.add']({ fileName: 'Ansökan – Öppna vägar.pdf', bytes: pdf });
    expect(meta).toMatchObject({ fileName: 'Ansökan – Öppna vägar.pdf', size: pdf.byteLength, pageCount: 4 });
    expect(readFileSync(join(dataDir, 'attachments', meta.sha256.slice(0, 2), `${meta.sha256}.pdf`))).toEqual(Buffer.from(pdf));
    expect(await services['attachments.list']({})).toEqual([meta]);
    const back = await services['attachments.read']({ sha256: meta.sha256 });
    expect(Buffer.from(back.bytes)).toEqual(Buffer.from(pdf));
  });

  it('stores the same file once', async () => {
    const { services } = await fresh();
    const pdf = await makeMultiPagePdf(2);
    const a = await services['attachments.add']({ fileName: 'a.pdf', bytes: pdf });
    const b = await services['attachments.add']({ fileName: 'kopia.pdf', bytes: pdf });
    expect(b).toEqual(a);
    expect(await services['attachments.list']({})).toHaveLength(1);
  });

  it('keeps every addition when several arrive at once', async () => {
    const { services } = await fresh();
    const pdfs = await Promise.all([1, 2, 3, 4, 5].map((n) => makeMultiPagePdf(n, `Handling ${n}`)));
    await Promise.all(pdfs.map((bytes, i) => services['attachments.add']({ fileName: `h${i}.pdf`, bytes })));
    expect(await services['attachments.list']({})).toHaveLength(5);
  });

  it.each([
    ['an empty file', () => new Uint8Array(0), /tom/],
    ['a file that is not a PDF', () => notAPdf(), /inte en PDF/i],
    ['an encrypted PDF', () => makeEncryptedPdf(), /lösenord|krypter/i],
    ['a corrupt PDF', () => makeCorruptPdf(), /skadad|trasig|kunde inte läsas|ofullständig/i],
  ])('refuses %s with a Swedish message and stores nothing', async (_label, make, message) => {
    const { dataDir, services } = await fresh();
    await services['attachments.add']({ fileName: 'bra.pdf', bytes: await makeMultiPagePdf(1) });
    const before = snapshotTree(dataDir);
    const bytes = await make();
    const error = await services['attachments.add']({ fileName: 'dålig.pdf', bytes }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_file');
    expect((error as AppError).message).toMatch(message);
    expect(snapshotTree(dataDir)).toEqual(before);
  });

  it('notices a stored file that was changed on disk', async () => {
    const { dataDir, services } = await fresh();
    const meta = await services['attachments.add']({ fileName: 'a.pdf', bytes: await makeMultiPagePdf(1) });
    writeFileSync(join(dataDir, 'attachments', meta.sha256.slice(0, 2), `${meta.sha256}.pdf`), await makeMultiPagePdf(2));
    await expect(services['attachments.read']({ sha256: meta.sha256 })).rejects.toMatchObject({ code: 'invalid_file' });
  });

  it('rebuilds a damaged index from the stored files instead of losing them', async () => {
    const { dataDir, services } = await fresh();
    const meta = await services['attachments.add']({ fileName: 'a.pdf', bytes: await makeMultiPagePdf(3) });
    writeFileSync(join(dataDir, 'attachments', 'index.json'), '{"version": 1, "attachm');
    const list = await services['attachments.list']({});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ sha256: meta.sha256, pageCount: 3 });
  });

  it('answers not_found for an unknown attachment', async () => {
    const { services } = await fresh();
    await expect(services['attachments.read']({ sha256: 'a'.repeat(64) })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('writes a cover sheet that lists the attachments and keeps a copy in exports/', async () => {
    const { dataDir, services } = await fresh();
    await services['attachments.add']({ fileName: 'Budget 2027.pdf', bytes: await makeMultiPagePdf(2) });
    const sheet = await services['documents.coverSheet']({});
    expect(sheet.fileName).toMatch(/^bilageforteckning-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(Buffer.from(sheet.bytes).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(join(dataDir, 'exports', sheet.fileName))).toEqual(Buffer.from(sheet.bytes));
  });
});

describe('attachment text for search', () => {
  it('extracts the text of a stored PDF once and keeps it beside the file', async () => {
    const { dataDir, services } = await fresh();
    const meta = await services['attachments.add']({ fileName: 'Ansökan.pdf', bytes: await makeMultiPagePdf(3, 'Öppna vägar') });
    const { text } = await services['attachments.text']({ sha256: meta.sha256 });
    expect(text).toContain('Sida 2 av 3');
    expect(text).toContain('Årsredovisning för förbundets samverkan');
    expect(readFileSync(join(dataDir, 'attachments', meta.sha256.slice(0, 2), `${meta.sha256}.txt`), 'utf8')).toBe(text);
    await expect(services['attachments.text']({ sha256: 'b'.repeat(64) })).rejects.toMatchObject({ code: 'not_found' });
  });
});
