import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

/**
 * PDF files for tests: good ones, and the kinds of bad file a user might pick.
 * Used by the unit tests and by the Playwright e2e tests (in the Node test
 * process), so it only needs pdf-lib and node:crypto — no qpdf, no poppler.
 */

/**
 * A PDF with `pages` A4 pages, each with a big "Sida N av M" and a line of
 * Swedish text (å ä ö), so a rendered page is easy to recognise on screen.
 */
export async function makeMultiPagePdf(pages: number, title = 'Testhandling'): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setLanguage('sv-SE');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(title, { x: 60, y: 770, size: 14, font, color: rgb(0.3, 0.3, 0.3) });
    page.drawText(`Sida ${n} av ${pages}`, { x: 60, y: 600, size: 48, font: bold });
    page.drawText('Årsredovisning för förbundets samverkan – övergripande mål', {
      x: 60,
      y: 540,
      size: 14,
      font,
    });
    page.drawText('Styrelsen föreslås besluta att godkänna årets åtgärder.', { x: 60, y: 515, size: 12, font });
  }
  // Classic xref table without object streams: the most forgiving layout for
  // readers, so a truncated copy of it is the hardest case to detect.
  // Copied into a plain ArrayBuffer: that is the type the contract's Bytes schema infers.
  return new Uint8Array(await doc.save({ useObjectStreams: false }));
}

/**
 * A valid PDF cut in half: what an interrupted download or copy leaves behind.
 * Five pages, so the missing half contains whole pages, not just the trailer.
 */
export async function makeCorruptPdf(): Promise<Uint8Array<ArrayBuffer>> {
  const whole = await makeMultiPagePdf(5, 'Avbruten kopia');
  return whole.slice(0, Math.floor(whole.byteLength / 2));
}

/** Bytes that are clearly not a PDF: the start of a PNG file. */
export function notAPdf(): Uint8Array<ArrayBuffer> {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d];
  return Uint8Array.from([...png, ...new TextEncoder().encode('IHDR inte en pdf')]);
}

// ---------------------------------------------------------------------------
// Encrypted PDF, written by hand with the PDF standard security handler
// (revision 2, 40-bit RC4; ISO 32000-1 §7.6.3, algorithms 1–4). The default has
// an EMPTY user password: every viewer opens it without asking, which is exactly
// the case that must still be refused because archives require unencrypted PDFs.
// ---------------------------------------------------------------------------

const PASSWORD_PAD = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
  0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

const md5 = (...parts: Uint8Array[]): Uint8Array => {
  const hash = createHash('md5');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
};

const padPassword = (password: string): Uint8Array => {
  const bytes = new TextEncoder().encode(password).slice(0, 32);
  const out = new Uint8Array(32);
  out.set(bytes);
  out.set(PASSWORD_PAD.subarray(0, 32 - bytes.length), bytes.length);
  return out;
};

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/**
 * A one-page PDF encrypted with the standard security handler. With the
 * default empty `userPassword` it opens without a password prompt.
 */
export function makeEncryptedPdf(options: { userPassword?: string } = {}): Uint8Array<ArrayBuffer> {
  const userPassword = options.userPassword ?? '';
  const permissions = -3884; // printing and copying allowed, as in a typical "protected" export
  const fileId = md5(new TextEncoder().encode('styrelsebordet-testfil'));

  // Algorithm 3: the /O entry, from the owner password.
  const ownerKey = md5(padPassword('styrelsebordet-agare')).subarray(0, 5);
  const o = rc4(ownerKey, padPassword(userPassword));
  // Algorithm 2: the file key, from the user password.
  const p = new Uint8Array(4);
  new DataView(p.buffer).setInt32(0, permissions, true);
  const fileKey = md5(padPassword(userPassword), o, p, fileId).subarray(0, 5);
  // Algorithm 4: the /U entry lets a reader check a password.
  const u = rc4(fileKey, PASSWORD_PAD);

  // Algorithm 1: every string and stream is encrypted with a per-object key.
  const objectKey = (num: number): Uint8Array =>
    md5(fileKey, Uint8Array.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, 0, 0])).subarray(0, 10);
  const content = new TextEncoder().encode('BT /F1 28 Tf 72 720 Td (Skyddad handling) Tj ET');
  const encryptedContent = rc4(objectKey(4), content);

  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (chunk: Uint8Array | string): void => {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    chunks.push(bytes);
    length += bytes.length;
  };
  const object = (num: number, body: string): void => {
    offsets[num] = length;
    push(`${num} 0 obj\n${body}\nendobj\n`);
  };

  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(
    3,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R ' +
      '/Resources << /Font << /F1 5 0 R >> >> >>',
  );
  offsets[4] = length;
  push(`4 0 obj\n<< /Length ${encryptedContent.length} >>\nstream\n`);
  push(encryptedContent);
  push('\nendstream\nendobj\n');
  object(5, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  object(6, `<< /Filter /Standard /V 1 /R 2 /O <${hex(o)}> /U <${hex(u)}> /P ${permissions} >>`);

  const xrefOffset = length;
  push(`xref\n0 7\n0000000000 65535 f \n`);
  for (let num = 1; num <= 6; num++) push(`${String(offsets[num]).padStart(10, '0')} 00000 n \n`);
  push(
    `trailer\n<< /Size 7 /Root 1 0 R /Encrypt 6 0 R /ID [<${hex(fileId)}> <${hex(fileId)}>] >>\n` +
      `startxref\n${xrefOffset}\n%%EOF\n`,
  );

  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
