/**
 * The part of pdfmake 0.3's document definition that the app's documents use.
 * pdfmake ships no types and @types/pdfmake describes 0.2, so these are written
 * by hand; each node also accepts further pdfmake properties (index signature)
 * so a new document never has to wait for this file.
 */

export type Margins = number | [number, number] | [number, number, number, number];

export interface Style {
  font?: string;
  fontSize?: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  fillColor?: string;
  alignment?: 'left' | 'right' | 'center' | 'justify';
  lineHeight?: number;
  characterSpacing?: number;
  margin?: Margins;
  noWrap?: boolean;
  /** `break-all` lets long unbroken strings (file names, hashes) wrap. */
  wordBreak?: 'normal' | 'break-all';
}

export interface TableLayout {
  hLineWidth?: (i: number, node: TableNode) => number;
  vLineWidth?: (i: number, node: TableNode) => number;
  hLineColor?: (i: number, node: TableNode) => string;
  vLineColor?: (i: number, node: TableNode) => string;
  fillColor?: (rowIndex: number, node: TableNode, columnIndex: number) => string | null;
  paddingLeft?: (i: number, node: TableNode) => number;
  paddingRight?: (i: number, node: TableNode) => number;
  paddingTop?: (i: number, node: TableNode) => number;
  paddingBottom?: (i: number, node: TableNode) => number;
}

export interface TableNode {
  table: {
    body: Content[][];
    widths?: (number | string)[];
    headerRows?: number;
    dontBreakRows?: boolean;
    keepWithHeaderRows?: number;
  };
  layout?: TableLayout | string;
}

export interface CanvasLine {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineWidth?: number;
  lineColor?: string;
}

export interface ContentNode extends Style {
  text?: string | Content[];
  stack?: Content[];
  columns?: Content[];
  table?: TableNode['table'];
  layout?: TableLayout | string;
  canvas?: CanvasLine[];
  style?: string | string[];
  width?: number | string;
  pageBreak?: 'before' | 'after';
  unbreakable?: boolean;
  colSpan?: number;
  [property: string]: unknown;
}

export type Content = string | ContentNode | Content[];

export interface PageSize {
  width: number;
  height: number;
}

/** Header and footer are functions of the page: (current, total, size). */
export type DynamicContent = (currentPage: number, pageCount: number, pageSize: PageSize) => Content | null;

/** Document properties (PDF Info dictionary); pdfmake capitalises the keys. */
export interface DocInfo {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator?: string;
  producer?: string;
  creationDate?: Date;
  modDate?: Date;
}

export interface DocDefinition {
  content: Content;
  header?: DynamicContent;
  footer?: DynamicContent;
  styles?: Record<string, Style>;
  defaultStyle?: Style;
  pageSize?: 'A4' | PageSize;
  pageOrientation?: 'portrait' | 'landscape';
  pageMargins?: Margins;
  info?: DocInfo;
  /** BCP 47 language tag written to the catalog (/Lang); screen readers use it. */
  language?: string;
  /** Show the title, not the file name, in the viewer's title bar. */
  displayTitle?: boolean;
  compress?: boolean;
  version?: '1.3' | '1.4' | '1.5' | '1.6' | '1.7';
  [property: string]: unknown;
}
