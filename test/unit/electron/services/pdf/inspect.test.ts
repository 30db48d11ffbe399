// @vitest-environment node
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/contract/errors';
import { inspectPdf } from '../../../../../electron/services/pdf/inspect';
import { makeCorruptPdf, makeEncryptedPdf, makeMultiPagePdf, notAPdf } from '../../../../helpers/pdf-fixtures';

/** The error inspectPdf throws; fails the test if it accepts the file. */
async function refusal(bytes: Uint8Array): Promise<AppError> {
  try {
    await inspectPdf(bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('invalid_file');
    return err as AppError;
  }
  throw new Error('inspectPdf accepted a file it should refuse');
}

const concat = (...parts: (Uint8Array | string)[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));

describe('inspectPdf accepts', () => {
  it('a 3-page PDF and counts its pages', async () => {
    expect(await inspectPdf(await makeMultiPagePdf(3))).toEqual({ pageCount: 3 });
  });

  it('a 100-page PDF', async () => {
    expect(await inspectPdf(await makeMultiPagePdf(100))).toEqual({ pageCount: 100 });
  });

  it('a PDF with object streams and a cross-reference stream', async () => {
    const doc = await PDFDocument.load(await makeMultiPagePdf(4));
    expect(await inspectPdf(await doc.save({ useObjectStreams: true }))).toEqual({ pageCount: 4 });
  });

  it('a Node Buffer, leaving the caller’s bytes usable', async () => {
    // pdf.js refuses Buffers and detaches what it is given; inspectPdf hands it a copy.
    const bytes = Buffer.from(await makeMultiPagePdf(2));
    const before = Buffer.from(bytes);
    expect(await inspectPdf(bytes)).toEqual({ pageCount: 2 });
    expect(bytes.equals(before)).toBe(true);
  });

  it('padding after the end marker, which some tools add', async () => {
    const padded = concat(await makeMultiPagePdf(2), '\r\n', new Uint8Array(4096));
    expect(await inspectPdf(padded)).toEqual({ pageCount: 2 });
  });
});

describe('inspectPdf refuses', () => {
  it('an empty file', async () => {
    const err = await refusal(new Uint8Array());
    expect(err.message).toBe('Filen är tom. Välj en PDF-fil med innehåll.');
  });

  it('a PNG image', async () => {
    expect((await refusal(notAPdf())).message).toMatch(/inte en PDF/);
  });

  it('a text file', async () => {
    const text = new TextEncoder().encode('Protokoll fört vid styrelsemöte.\n'.repeat(50));
    expect((await refusal(text)).message).toMatch(/inte en PDF/);
  });

  it('an encrypted PDF that opens without a password', async () => {
    const err = await refusal(makeEncryptedPdf());
    expect(err.message).toMatch(/lösenord eller kryptering/);
    expect(err.message).toMatch(/kopia utan skydd/);
  });

  it('a PDF that needs a password to open', async () => {
    expect((await refusal(makeEncryptedPdf({ userPassword: 'hemligt' }))).message).toMatch(/lösenord/);
  });

  it('a PDF cut in half', async () => {
    const err = await refusal(await makeCorruptPdf());
    expect(err.message).toMatch(/skadad eller ofullständig/);
    expect(err.message).toMatch(/på nytt/);
  });

  it('a PDF that lost only its cross-reference table and trailer', async () => {
    // Every page object is still there, so a forgiving reader could rebuild it,
    // but the file is damaged and the end-of-file check must say so.
    const whole = await makeMultiPagePdf(3);
    const xref = Buffer.from(whole).lastIndexOf('xref\n0 ', undefined, 'latin1');
    expect(xref).toBeGreaterThan(0);
    expect((await refusal(whole.slice(0, xref))).message).toMatch(/skadad/);
  });

  it('a PDF whose last incremental update lost its end', async () => {
    // The update's objects are complete but its cross-reference section and
    // trailer are gone. pdf.js and pdf-lib both read the older revision
    // happily; only the end-of-file check notices that the file is cut off.
    const cut = concat(await makeMultiPagePdf(2), '\n40 0 obj\n<< /Producer (Uppdaterad) >>\nendobj\n');
    expect((await refusal(cut)).message).toMatch(/skadad/);
  });

  it('a PDF header with nothing after it', async () => {
    expect((await refusal(new TextEncoder().encode('%PDF-1.7\n'))).message).toMatch(/skadad/);
  });
});
