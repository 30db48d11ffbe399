import { AppError } from '../../../shared/contract/errors';
import { openPdf } from './pdfjs-node';

/**
 * Extracts the text of a PDF, page by page, for full-text search. Runs on the
 * main side with pdf.js (see pdfjs-node.ts), like the attachment check.
 *
 * Text items are joined with spaces and the result put in Unicode NFC, so
 * å ä ö written as a letter plus a combining mark compare equal to the
 * single letter. Runs of white space are collapsed.
 *
 * Memory stays bounded: at most `maxPages` pages are read and at most
 * `maxChars` characters kept in all (the last page kept is cut); `truncated`
 * tells when either cap was hit. Scanned pages without a text layer give ''.
 *
 * Nothing is refused silently: a file pdf.js cannot read, or a page it cannot
 * read, throws `AppError('invalid_file')` with a Swedish message (the cause
 * attached), rather than returning partial text as if it were all.
 */

export interface ExtractTextOptions {
  /** Pages read at most, from the first. Default 2 000. */
  maxPages?: number;
  /** Characters kept at most over all pages. Default 2 000 000 (about 4 MB as UTF-16). */
  maxChars?: number;
}

export interface ExtractedText {
  /** Text of each page read, in order. */
  pages: string[];
  /** True when a cap cut the text short. */
  truncated: boolean;
  /** The document's page count, including pages not read. */
  pageCount: number;
}

const DEFAULT_MAX_PAGES = 2000;
const DEFAULT_MAX_CHARS = 2_000_000;

const UNREADABLE =
  'Texten i PDF-filen gick inte att läsa, eftersom filen verkar vara skadad eller ofullständig. ' +
  'Exportera eller ladda ner den på nytt och försök igen.';

const unreadable = (cause: unknown): AppError => {
  const error = new AppError('invalid_file', UNREADABLE);
  error.cause = cause;
  return error;
};

export async function extractPdfText(bytes: Uint8Array, options: ExtractTextOptions = {}): Promise<ExtractedText> {
  if (bytes.byteLength === 0) throw unreadable(new Error('empty file'));
  const task = await openPdf(bytes);
  try {
    return await textOfDocument(await task.promise, options);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable(err);
  } finally {
    await task.destroy();
  }
}

type OpenDocument = Awaited<Awaited<ReturnType<typeof openPdf>>['promise']>;

/**
 * The text of a document pdf.js has open, within the caps. Shared with the
 * check of a file an import brings (inspect.ts), which reads its pages anyway:
 * one reading of each file instead of two.
 */
export async function textOfDocument(doc: OpenDocument, options: ExtractTextOptions = {}): Promise<ExtractedText> {
  const maxPages = Math.max(0, Math.floor(options.maxPages ?? DEFAULT_MAX_PAGES));
  const maxChars = Math.max(0, Math.floor(options.maxChars ?? DEFAULT_MAX_CHARS));
  const pages: string[] = [];
  let chars = 0;
  let truncated = doc.numPages > maxPages;
  const last = Math.min(doc.numPages, maxPages);
  for (let n = 1; n <= last; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const parts: string[] = [];
    for (const item of content.items) {
      if ('str' in item && item.str) parts.push(item.str);
    }
    page.cleanup();
    let text = parts.join(' ').normalize('NFC').replace(/\s+/g, ' ').trim();
    if (chars + text.length > maxChars) {
      text = text.slice(0, maxChars - chars);
      truncated = true;
    }
    pages.push(text);
    chars += text.length;
    if (chars >= maxChars && n < doc.numPages) {
      truncated = true;
      break;
    }
  }
  return { pages, truncated, pageCount: doc.numPages };
}
