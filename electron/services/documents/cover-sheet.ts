import type { AttachmentMeta } from '../../../shared/contract/schemas';
import {
  formatDate,
  formatFileSize,
  formatPageCount,
  formatTime,
} from '../../../shared/domain/format';
import { COLORS, baseDocument, quietTableLayout, titleBlock } from '../pdf/layout';
import { renderPdf } from '../pdf/render';
import type { Content, DocDefinition } from '../pdf/types';

/**
 * "Förteckning över bilagor": one row per stored attachment with what a
 * reader (or an archivist) needs to find and check it — name, pages, size,
 * when it was added and the start of its SHA-256 checksum.
 */

export const COVER_SHEET_TITLE = 'Förteckning över bilagor';

/** 16 hex characters (64 bits) are plenty to tell files apart by eye. */
const HASH_PREFIX_LENGTH = 16;

export interface CoverSheetInput {
  /** In the order they should be numbered (the caller decides, e.g. by date added). */
  attachments: AttachmentMeta[];
  generatedAt: Date;
  /** Document name; defaults to "Förteckning över bilagor". */
  title?: string;
  /** Name of the samordningsförbund, shown in the running header. */
  organisation?: string;
}

const countLabel = (n: number): string => (n === 1 ? '1 bilaga' : `${n} bilagor`);

/** Unbroken, so the prefix can be copied from the PDF and searched for. */
const hashLabel = (sha256: string): string => sha256.slice(0, HASH_PREFIX_LENGTH);

/**
 * Names wrap between words, but a name with a very long unbroken part
 * (`Arsredovisning_2025_Samordningsforbundet_slutlig.pdf`) would run out of its
 * column, so only such names may break anywhere. 40 characters is about one
 * line of the column.
 */
const wordBreakFor = (fileName: string): 'normal' | 'break-all' =>
  fileName.split(/\s+/).some((word) => word.length > 40) ? 'break-all' : 'normal';

function attachmentTable(attachments: AttachmentMeta[]): Content {
  const header: Content[] = ['Nr', 'Filnamn', 'Sidor', 'Storlek', 'Tillagd', 'SHA-256 (början)'].map((text, i) => ({
    text,
    style: 'tableHeader',
    alignment: i === 2 || i === 3 ? 'right' : 'left',
  }));
  const rows: Content[][] = attachments.map((a, i) => [
    { text: String(i + 1), style: 'tableCell', color: COLORS.muted },
    { text: a.fileName, style: 'tableCell', wordBreak: wordBreakFor(a.fileName) },
    { text: formatPageCount(a.pageCount), style: 'tableCell', alignment: 'right', noWrap: true },
    { text: formatFileSize(a.size), style: 'tableCell', alignment: 'right', noWrap: true },
    { text: formatDate(a.addedAt), style: 'tableCell', noWrap: true },
    { text: hashLabel(a.sha256), style: 'code', noWrap: true, margin: [0, 1, 0, 0] },
  ]);
  return {
    table: {
      headerRows: 1, // repeat the column names on every page
      dontBreakRows: true,
      widths: ['auto', '*', 'auto', 'auto', 'auto', 'auto'],
      body: [header, ...rows, totalRow(attachments)],
    },
    layout: quietTableLayout({ footerRows: 1 }),
  };
}

/**
 * The total as the table's last row, with sums under their columns: it then
 * never ends up alone on a page (at worst it follows the repeated header).
 */
function totalRow(attachments: AttachmentMeta[]): Content[] {
  const pages = attachments.reduce((sum, a) => sum + a.pageCount, 0);
  const bytes = attachments.reduce((sum, a) => sum + a.size, 0);
  const cell = (text: string, extra: Record<string, unknown> = {}): Content => ({ text, style: 'tableTotal', ...extra });
  return [
    cell(''),
    cell(`Totalt ${countLabel(attachments.length)}`),
    cell(formatPageCount(pages), { alignment: 'right', noWrap: true }),
    cell(formatFileSize(bytes), { alignment: 'right', noWrap: true }),
    cell(''),
    cell(''),
  ];
}

const CHECKSUM_NOTE =
  'Kontrollsumman (SHA-256) är ett fingeravtryck av filen. Om den stämmer med filens ' +
  'kontrollsumma är filen oförändrad sedan den lades till. Här visas de första 16 tecknen.';

/** The pdfmake definition; pure, so it can be tested without rendering. */
export function coverSheetDefinition(input: CoverSheetInput): DocDefinition {
  const title = input.title ?? COVER_SHEET_TITLE;
  const { attachments } = input;
  const created = `${formatDate(input.generatedAt)} kl. ${formatTime(input.generatedAt)}`;
  const content: Content[] = [...titleBlock(title, `Upprättad ${created}`)];

  if (attachments.length === 0) {
    content.push({ text: 'Inga bilagor har lagts till ännu.', style: 'body' });
  } else {
    content.push(attachmentTable(attachments), {
      text: CHECKSUM_NOTE,
      style: 'small',
      margin: [0, 18, 0, 0],
    });
  }

  return {
    ...baseDocument({
      title,
      organisation: input.organisation,
      footerNote: `${title} · upprättad ${formatDate(input.generatedAt)}`,
      subject: `${title}, ${countLabel(attachments.length)}`,
      createdAt: input.generatedAt,
    }),
    content,
  };
}

export async function renderCoverSheet(input: CoverSheetInput): Promise<Buffer<ArrayBuffer>> {
  return renderPdf(coverSheetDefinition(input));
}
