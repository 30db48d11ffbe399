import type { Content, DocDefinition, DynamicContent, Style, TableLayout } from './types';

/**
 * The house style for every PDF the app writes (bilageförteckning, kallelse,
 * protokoll): A4, one typeface, a quiet header with the förbund and document
 * name, and page numbers as "sida (antal)" — the Swedish convention, e.g.
 * "2 (6)". Documents build on `baseDocument` and add only their content.
 */

/** Must match a family registered in render.ts. */
export const FONT = 'Roboto';

export const COLORS = {
  text: '#1b1f24',
  muted: '#5b6470',
  accent: '#1f3a5f', // dark blue: reads as official without shouting
  rule: '#c5ccd5',
  faintRule: '#e1e5ea',
  headerFill: '#eef2f6',
} as const;

/** Generous side margins (about 22 mm) read calmly and leave room to punch holes. */
const SIDE = 62;
/** [left, top, right, bottom]; the top leaves room for the running header. */
export const PAGE_MARGINS: [number, number, number, number] = [SIDE, 96, SIDE, 64];

export const defaultStyle: Style = {
  font: FONT,
  fontSize: 10,
  lineHeight: 1.25,
  color: COLORS.text,
};

export const styles: Record<string, Style> = {
  title: { fontSize: 20, bold: true, color: COLORS.accent, margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 10, color: COLORS.muted, margin: [0, 0, 0, 18] },
  heading: { fontSize: 13, bold: true, color: COLORS.accent, margin: [0, 14, 0, 6] },
  body: { fontSize: 10, margin: [0, 0, 0, 8] },
  muted: { color: COLORS.muted },
  small: { fontSize: 8, color: COLORS.muted },
  tableHeader: { fontSize: 8.5, bold: true, color: COLORS.accent },
  tableCell: { fontSize: 9 },
  tableTotal: { fontSize: 9, bold: true },
  /** Hashes and other codes: smaller, spaced, so groups of characters are easy to compare. */
  code: { fontSize: 7.5, color: COLORS.muted, characterSpacing: 0.3 },
  headerOrganisation: { fontSize: 9, bold: true, color: COLORS.accent },
  headerDocument: { fontSize: 9, color: COLORS.muted },
  footer: { fontSize: 8, color: COLORS.muted },
  pageNumber: { fontSize: 9, color: COLORS.text },
};

/** "sida (antal)": `pageNumberLabel(1, 6)` → `1 (6)`. */
export function pageNumberLabel(currentPage: number, pageCount: number): string {
  return `${currentPage} (${pageCount})`;
}

/**
 * Förbund name to the left, document name to the right, a thin accent rule
 * below. Without a förbund name the document name moves to the left rather
 * than leaving the left side empty.
 */
export function pageHeader(options: { organisation?: string; documentTitle: string }): DynamicContent {
  const organisation = options.organisation?.trim();
  const left = organisation || options.documentTitle;
  const right = organisation ? options.documentTitle : '';
  return (_current, _count, pageSize) => ({
    margin: [SIDE, 40, SIDE, 0],
    stack: [
      {
        columns: [
          { text: left, style: 'headerOrganisation', width: '*' },
          { text: right, style: 'headerDocument', alignment: 'right', width: 'auto' },
        ],
      },
      {
        canvas: [
          {
            type: 'line',
            x1: 0,
            y1: 6,
            x2: pageSize.width - 2 * SIDE,
            y2: 6,
            lineWidth: 0.75,
            lineColor: COLORS.accent,
          },
        ],
      },
    ],
  });
}

/** A short note to the left (what and when), the page number to the right. */
export function pageFooter(options: { note?: string } = {}): DynamicContent {
  return (current, count, pageSize) => ({
    margin: [SIDE, 22, SIDE, 0],
    stack: [
      {
        canvas: [
          { type: 'line', x1: 0, y1: 0, x2: pageSize.width - 2 * SIDE, y2: 0, lineWidth: 0.5, lineColor: COLORS.rule },
        ],
      },
      {
        margin: [0, 6, 0, 0],
        columns: [
          { text: options.note ?? '', style: 'footer', width: '*' },
          { text: pageNumberLabel(current, count), style: 'pageNumber', alignment: 'right', width: 'auto' },
        ],
      },
    ],
  });
}

/** The document's own title on the first page, with an optional line beneath. */
export function titleBlock(title: string, subtitle?: string): Content[] {
  const block: Content[] = [{ text: title, style: 'title' }];
  if (subtitle) block.push({ text: subtitle, style: 'subtitle' });
  return block;
}

/**
 * Tables with horizontal rules only: a light fill on the header row, a firm
 * line under it, above any total rows (`footerRows`) and at the bottom, and
 * faint lines between rows.
 */
export function quietTableLayout(options: { footerRows?: number } = {}): TableLayout {
  const footerRows = options.footerRows ?? 0;
  const isFirm = (i: number, rows: number): boolean => i === 1 || i === rows || (footerRows > 0 && i === rows - footerRows);
  return {
    hLineWidth: (i, node) => (i === 0 ? 0 : isFirm(i, node.table.body.length) ? 0.75 : 0.5),
    vLineWidth: () => 0,
    hLineColor: (i, node) => (isFirm(i, node.table.body.length) ? COLORS.rule : COLORS.faintRule),
    fillColor: (row) => (row === 0 ? COLORS.headerFill : null),
    paddingLeft: (i) => (i === 0 ? 4 : 6),
    paddingRight: () => 6,
    paddingTop: () => 4,
    paddingBottom: () => 4,
  };
}

export interface BaseDocumentOptions {
  /** Document name: PDF title, running header, viewer title bar. */
  title: string;
  /** Name of the samordningsförbund; shown in the header and as PDF author. */
  organisation?: string;
  /** Left part of the footer, e.g. "Upprättad 2026-03-14". */
  footerNote?: string;
  subject?: string;
  createdAt: Date;
}

/** Everything but the content: page, styles, header, footer and metadata. */
export function baseDocument(options: BaseDocumentOptions): Omit<DocDefinition, 'content'> {
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGINS,
    defaultStyle,
    styles,
    header: pageHeader({ organisation: options.organisation, documentTitle: options.title }),
    footer: pageFooter({ note: options.footerNote }),
    info: {
      title: options.title,
      author: options.organisation?.trim() || 'Styrelsebordet',
      subject: options.subject,
      creationDate: options.createdAt,
      modDate: options.createdAt,
    },
    language: 'sv-SE',
    displayTitle: true,
  };
}

/**
 * pdfmake's pageBreakBefore for every document with headings: a node marked
 * `headlineLevel: 1` never ends a page alone; it moves to the next page with
 * what follows it (issue #15 item 9).
 */
export const headingsKeepWithNext = (node: { headlineLevel?: number }, queries: { getFollowingNodesOnPage(): unknown[] }): boolean =>
  node.headlineLevel === 1 && queries.getFollowingNodesOnPage().length === 0;
