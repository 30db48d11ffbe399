import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import pdfmake from 'pdfmake';
import { AppError } from '../../../shared/contract/errors';
import { FONT, defaultStyle } from './layout';
import type { DocDefinition } from './types';

/**
 * Turns a pdfmake document definition into PDF bytes, in plain Node.
 *
 * Fonts: pdfmake's bundled Roboto, embedded (as subsets) in every file, so the
 * PDF looks the same on every computer and in archives — no system fonts and
 * no standard-14 fonts, which would not be embedded.
 *
 * Security (CVE-2026-26801 and the file-reading twin of it): a document
 * definition may name images, fonts or attachments by URL or path, and pdfmake
 * would fetch or read them. Documents here are built from user data (file
 * names, titles), so we deny every URL and allow reading only the font folder.
 */

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

const FONTS = {
  [FONT]: {
    normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
    // Medium, not Bold: pdfmake bundles Medium, and it is the calmer weight.
    bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
};

/** True if `path` is inside `dir` (after resolving `..`), never `dir` itself. */
function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, resolve(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * pdfmake's Node entry is a process-wide singleton, so fonts and policies are
 * (re)applied on every render: nothing else in the process can leave it in a
 * looser state that our documents would inherit.
 */
function configure(): void {
  // A copy: pdfmake writes back into the font descriptors it is given.
  pdfmake.setFonts(structuredClone(FONTS));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => isInside(FONT_DIR, path));
}

/** Written into every file's Info dictionary, whatever the document says. */
const CREATOR = 'Styrelsebordet';

/** A file embedded in the PDF (PDF/A-3 associated file, listed under /AF and /EmbeddedFiles). */
export interface EmbeddedFile {
  /** File name as readers show it, e.g. `protokoll.json`. */
  name: string;
  bytes: Uint8Array;
  /** MIME type, e.g. `application/json`. */
  mime: string;
  description: string;
  /** PDF/A-3 AFRelationship: `Source` for the data the pages were made from. */
  relationship: 'Source' | 'Data' | 'Alternative' | 'Supplement' | 'Unspecified';
  date: Date;
}

let vfsSerial = 0;

/**
 * Renders a document definition to PDF bytes. pdfmake mutates the nodes it is
 * given, so build a fresh definition for each call (the document builders in
 * this folder do).
 *
 * `files` are embedded through pdfmake's virtual file system (a Buffer given
 * directly as `src` crashes its URL resolver). The virtual file system is
 * process-wide, so each render uses its own unique names and removes them
 * afterwards; nothing ever names a path on disk.
 */
export async function renderPdf(definition: DocDefinition, options: { files?: EmbeddedFile[] } = {}): Promise<Buffer<ArrayBuffer>> {
  configure();
  const vfsKeys: string[] = [];
  const files: Record<string, object> = {};
  for (const file of options.files ?? []) {
    const key = `styrelsebordet-${process.pid}-${++vfsSerial}-${file.name}`;
    pdfmake.virtualfs.writeFileSync(key, Buffer.from(file.bytes));
    vfsKeys.push(key);
    files[file.name] = {
      src: key,
      name: file.name,
      type: file.mime,
      description: file.description,
      relationship: file.relationship,
      creationDate: file.date,
      modifiedDate: file.date,
    };
  }
  const doc: DocDefinition = {
    pageSize: 'A4',
    language: 'sv-SE',
    // 1.7 rather than pdfmake's default 1.3: the /Lang entry and DisplayDocTitle are 1.4+.
    version: '1.7',
    compress: true,
    ...definition,
    defaultStyle: { ...defaultStyle, ...definition.defaultStyle },
    info: { ...definition.info, creator: CREATOR, producer: CREATOR },
    ...(vfsKeys.length > 0 ? { files } : {}),
  };
  try {
    return await pdfmake.createPdf(doc).getBuffer();
  } catch (err) {
    const error = new AppError('internal', 'PDF-filen kunde inte skapas. Försök igen, och kontakta support om felet kvarstår.');
    error.cause = err;
    throw error;
  } finally {
    // The virtual file system has no delete; its storage is a plain object.
    for (const key of vfsKeys) delete pdfmake.virtualfs.storage[key];
  }
}
