import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, ParseSpeeds } from 'pdf-lib';
import { AppError } from '../../../shared/contract/errors';
import { textOfDocument, type ExtractedText, type ExtractTextOptions } from './extract-text';
import { openPdf } from './pdfjs-node';

/**
 * Checks a file the user wants to store as a PDF attachment and counts its
 * pages. A file is accepted only if
 *
 *   1. it starts like a PDF (`%PDF-` in the first 1024 bytes, as readers allow),
 *   2. its end is intact: a final `startxref` followed by `%%EOF`, with no
 *      object after it — a cut-off copy loses exactly this,
 *   3. it is not encrypted in any way — archives require unprotected files, so
 *      even an /Encrypt with an empty user password (opens without a prompt)
 *      is refused,
 *   4. pdf.js, the engine the viewer uses, opens it and every page,
 *   5. pdf-lib, an independent parser, reads the same number of pages,
 *   6. it stays within limits: at most MAX_PAGES pages and MAX_OBJECTS
 *      objects, and its page tree is a tree (no node reached twice: a
 *      1.2 KB file whose "tree" names one node ten times per level claims a
 *      million pages, and walking it took 66 s).
 *
 * Runs in a worker thread with a time and memory budget (see sandbox.ts);
 * these limits refuse the known bombs quickly, the budget catches the rest.
 *
 * Why the tail check: both engines repair damaged files. A linearized ("fast
 * web view") file cut off after its last page object keeps its first-page
 * trailer, and pdf.js then opens it with every page (tried: a 100-page file
 * cut at 95 %). It is still a damaged file that other readers and archive
 * checks may reject, so it is refused; the user can export it again.
 *
 * Why pdf-lib as well: a second, independent reading — a file both accept is
 * likely to open elsewhere too — and it reports /Encrypt even for security
 * handlers pdf.js cannot open (pdf.js then fails with a generic error, which
 * would otherwise be reported as a damaged file).
 */

/** Pages and objects accepted at most. Board documents have a few hundred pages and some thousand objects. */
export const MAX_PAGES = 10_000;
export const MAX_OBJECTS = 250_000;

const MESSAGES = {
  tooManyPages:
    'PDF-filen har fler än 10 000 sidor (eller påstår det) och tas inte emot som bilaga. ' +
    'Dela upp den i mindre filer och försök igen.',
  tooComplex:
    'PDF-filen består av för många objekt för att kunna kontrolleras och har inte sparats. ' +
    'Skriv ut den till en ny PDF-fil och försök igen.',
  empty: 'Filen är tom. Välj en PDF-fil med innehåll.',
  notPdf:
    'Filen är inte en PDF. Välj en PDF-fil, eller spara handlingen som PDF och försök sedan igen.',
  encrypted:
    'PDF-filen är skyddad med lösenord eller kryptering. Bilagor ska arkiveras och måste därför ' +
    'gå att öppna utan skydd. Spara en kopia utan skydd och lägg till den i stället.',
  corrupt:
    'PDF-filen verkar vara skadad eller ofullständig och går inte att öppna. ' +
    'Exportera eller ladda ner den på nytt och försök igen.',
} as const;

const refuse = (reason: keyof typeof MESSAGES, cause?: unknown): AppError => {
  const error = new AppError('invalid_file', MESSAGES[reason]);
  if (cause !== undefined) error.cause = cause;
  return error;
};

const latin1 = (bytes: Uint8Array, start = 0, end = bytes.length): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', start, end);

/** Check 2. Lenient about what follows %%EOF (some tools pad files) unless it is an object. */
function hasIntactEnd(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = buffer.lastIndexOf('startxref', undefined, 'latin1');
  if (at < 0) return false;
  const tail = latin1(bytes, at);
  if (!/^startxref\s+\d+\s*%%EOF/.test(tail)) return false;
  // An object after the last startxref: an incremental update was cut off.
  return !/\d+\s+\d+\s+obj\b/.test(tail);
}

/** Checks 3 and 4 with pdf.js. Returns the page count. */
async function readWithPdfJs(
  bytes: Uint8Array,
  consume: boolean,
  pdfLibPages: number,
  withText: ExtractTextOptions | null,
  onChecked?: (pageCount: number) => void,
): Promise<{ pageCount: number; text: ExtractedText | null }> {
  const task = await openPdf(bytes, { consume });
  try {
    const doc = await task.promise;
    const { info } = (await doc.getMetadata()) as { info: { EncryptFilterName?: string | null } };
    if (info.EncryptFilterName) throw refuse('encrypted');
    if (doc.numPages < 1) throw refuse('corrupt');
    if (doc.numPages > MAX_PAGES) throw refuse('tooManyPages');
    // getPage parses each page dictionary (not its content): cheap, and it fails
    // when a page object is missing, which /Count alone would not show.
    for (let n = 1; n <= doc.numPages; n++) await doc.getPage(n);
    // Check 5: the two engines agree.
    if (doc.numPages !== pdfLibPages) throw refuse('corrupt');
    if (!withText) return { pageCount: doc.numPages, text: null };
    onChecked?.(doc.numPages);
    // The text while the file is open: a page whose text cannot be read does not refuse a file that is
    // otherwise sound (it is kept without searchable text, as extract-text.ts's callers keep it).
    const text = await textOfDocument(doc, withText).catch(() => null);
    return { pageCount: doc.numPages, text };
  } catch (err) {
    if (err instanceof AppError) throw err;
    if ((err as Error | undefined)?.name === 'PasswordException') throw refuse('encrypted', err);
    throw refuse('corrupt', err);
  } finally {
    await task.destroy();
  }
}

/** Check 3 (any /Encrypt) and 5 with pdf-lib. Returns the page count. */
async function readWithPdfLib(bytes: Uint8Array): Promise<number> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, {
      ignoreEncryption: true, // we read isEncrypted ourselves
      updateMetadata: false,
      parseSpeed: ParseSpeeds.Fastest, // no yielding between objects: this runs once per file
    });
  } catch (err) {
    throw refuse('corrupt', err);
  }
  if (doc.isEncrypted) throw refuse('encrypted');
  if (doc.context.enumerateIndirectObjects().length > MAX_OBJECTS) throw refuse('tooComplex');
  try {
    const walked = countPageTree(doc); // bounded: refuses a DAG or too many pages before pdf-lib walks it
    const pages = doc.getPageCount();
    if (pages !== walked) throw refuse('corrupt');
    return pages;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw refuse('corrupt', err);
  }
}

/**
 * Counts the leaves of the page tree, refusing a tree that claims or holds
 * more than MAX_PAGES pages and a "tree" that reaches any node twice (a DAG
 * or a loop: each node must be a distinct indirect object).
 */
function countPageTree(doc: PDFDocument): number {
  const PAGES = PDFName.of('Pages');
  const root = doc.catalog.get(PAGES);
  const rootNode = root instanceof PDFRef ? doc.context.lookup(root) : undefined;
  const claimed = rootNode instanceof PDFDict ? rootNode.get(PDFName.of('Count')) : undefined;
  if (claimed instanceof PDFNumber && claimed.asNumber() > MAX_PAGES) throw refuse('tooManyPages');
  const seen = new Set<string>();
  const stack: unknown[] = [root];
  let pages = 0;
  while (stack.length > 0) {
    const ref = stack.pop();
    if (!(ref instanceof PDFRef) || seen.has(ref.toString())) throw refuse('corrupt');
    seen.add(ref.toString());
    const node = doc.context.lookup(ref);
    if (!(node instanceof PDFDict)) throw refuse('corrupt');
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (node.get(PDFName.of('Type')) === PAGES || kids) {
      if (!kids) throw refuse('corrupt');
      for (let i = kids.size() - 1; i >= 0; i--) stack.push(kids.get(i));
    } else if (++pages > MAX_PAGES) {
      throw refuse('tooManyPages');
    }
    if (seen.size > MAX_OBJECTS) throw refuse('tooComplex');
  }
  return pages;
}

/**
 * Validates bytes meant to be stored as a PDF attachment. Throws
 * `AppError('invalid_file')` with a Swedish message for the user when the
 * file is empty, not a PDF, encrypted or damaged. With `consume` the bytes
 * are handed on to pdf.js at the end and unusable afterwards (the worker's).
 */
export async function inspectPdf(bytes: Uint8Array, opts: { consume?: boolean } = {}): Promise<{ pageCount: number }> {
  const { pageCount } = await inspectPdfWithText(bytes, { ...opts, withText: null });
  return { pageCount };
}

/**
 * inspectPdf, and with `withText` the file's text too, read from the same
 * opening by pdf.js (text: null when it could not be read; the file is still
 * accepted). For the documents an import brings: each is read once.
 * `onChecked` is called when every check has passed, before the text is read.
 */
export async function inspectPdfWithText(
  bytes: Uint8Array,
  opts: { consume?: boolean; withText: ExtractTextOptions | null; onChecked?: (pageCount: number) => void },
): Promise<{ pageCount: number; text: ExtractedText | null }> {
  if (bytes.byteLength === 0) throw refuse('empty');
  if (!latin1(bytes, 0, Math.min(bytes.byteLength, 1024)).includes('%PDF-')) throw refuse('notPdf');

  // Cheapest first. The tail check also spares pdf-lib from cut-off files, on
  // which it logs a console warning per broken object.
  if (!hasIntactEnd(bytes)) throw refuse('corrupt');
  // pdf-lib before pdf.js: it reports encryption even when pdf.js cannot open the file.
  const pdfLibPages = await readWithPdfLib(bytes);
  return readWithPdfJs(bytes, opts.consume ?? false, pdfLibPages, opts.withText, opts.onChecked);
}
