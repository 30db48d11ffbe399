import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../../../../electron/services/pdf/extract-text';
import { AppError } from '../../../../../shared/contract/errors';
import { makeCorruptPdf, makeMultiPagePdf, notAPdf } from '../../../../helpers/pdf-fixtures';

describe('extractPdfText', () => {
  it('reads every page with å ä ö intact, in NFC', async () => {
    const bytes = await makeMultiPagePdf(3, 'Öppna vägar – ansökan');
    const { pages, truncated, pageCount } = await extractPdfText(bytes);
    expect(pageCount).toBe(3);
    expect(truncated).toBe(false);
    expect(pages).toHaveLength(3);
    pages.forEach((text, i) => {
      expect(text).toContain('Öppna vägar – ansökan');
      expect(text).toContain(`Sida ${i + 1} av 3`);
      expect(text).toContain('Årsredovisning för förbundets samverkan – övergripande mål');
      expect(text).toContain('Styrelsen föreslås besluta att godkänna årets åtgärder.');
      expect(text).toBe(text.normalize('NFC'));
      expect(text).not.toMatch(/\s{2,}/);
    });
    expect(bytes.byteLength).toBeGreaterThan(0); // the caller's buffer is not detached
  });

  it('caps pages and characters and says so', async () => {
    const bytes = await makeMultiPagePdf(3);
    const firstOnly = await extractPdfText(bytes, { maxPages: 1 });
    expect(firstOnly.pages).toHaveLength(1);
    expect(firstOnly.truncated).toBe(true);
    expect(firstOnly.pageCount).toBe(3);

    const short = await extractPdfText(bytes, { maxChars: 50 });
    expect(short.truncated).toBe(true);
    expect(short.pages.join('').length).toBe(50);
    expect(short.pages).toHaveLength(1);
  });

  it('throws on a damaged file, an empty file and a non-PDF instead of returning nothing', async () => {
    for (const bytes of [await makeCorruptPdf(), new Uint8Array(0), notAPdf()]) {
      const error = await extractPdfText(bytes).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid_file');
      expect((error as AppError).message).toMatch(/PDF-filen/);
    }
  });
});
