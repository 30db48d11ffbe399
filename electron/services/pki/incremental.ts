import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFRef } from 'pdf-lib';

/**
 * Appends an incremental update holding an (invisible) signature field and
 * its signature dictionary with placeholders, leaving every byte before it
 * untouched. pdf-lib reads the file and serialises the changed objects; the
 * xref section and trailer are written here, with /Size, /ID and /Prev as
 * ISO 32000 wants them (qpdf --check stays clean, which @signpdf's plain
 * placeholder did not: it points startxref at whitespace and miscounts /Size).
 *
 * The ByteRange placeholder has the form @signpdf/signpdf fills in.
 */

export const BYTE_RANGE_PLACEHOLDER = '**********';

export interface PlaceholderOptions {
  name: string;
  reason: string;
  location: string;
  signingTime: Date;
  /** Bytes reserved for the CMS (the hex string is twice as long). */
  contentsLength: number;
}

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** D:YYYYMMDDHHmmSSZ */
export function pdfDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

const text = (s: string): string => PDFHexString.fromText(s).toString();

export async function addSignaturePlaceholder(pdf: Uint8Array, opts: PlaceholderOptions): Promise<Uint8Array> {
  const source = latin1(pdf);
  const prev = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(source)?.[1];
  if (!prev) throw new Error('the PDF does not end with startxref and %%EOF');
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const ctx = doc.context;
  const sigNum = ctx.largestObjectNumber + 1;
  const widgetNum = sigNum + 1;
  const page = doc.getPage(0);
  const catalogRef = ctx.trailerInfo.Root as PDFRef;

  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = form?.lookupMaybe(PDFName.of('Fields'), PDFArray)?.asArray().map((r) => r.toString()) ?? [];
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray().map((r) => r.toString()) ?? [];

  const catalog = doc.catalog.clone(ctx);
  catalog.set(PDFName.of('AcroForm'), PDFName.of('X_ACROFORM'));
  const catalogSource = catalog.toString().replace('/AcroForm /X_ACROFORM', `/AcroForm << /Fields [ ${[...fields, `${widgetNum} 0 R`].join(' ')} ] /SigFlags 3 >>`);
  const pageDict = page.node.clone(ctx);
  pageDict.set(PDFName.of('Annots'), PDFName.of('X_ANNOTS'));
  const pageSource = pageDict.toString().replace('/Annots /X_ANNOTS', `/Annots [ ${[...annots, `${widgetNum} 0 R`].join(' ')} ]`);

  const ph = `/${BYTE_RANGE_PLACEHOLDER}`;
  const sigSource =
    `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 ${ph} ${ph} ${ph}]\n` +
    `/Contents <${'0'.repeat(opts.contentsLength * 2)}>\n` +
    `/Name ${text(opts.name)} /Reason ${text(opts.reason)} /Location ${text(opts.location)} /M (${pdfDate(opts.signingTime)})\n` +
    '/Prop_Build << /App << /Name /Styrelsebordet >> >> >>';
  const widgetSource = `<< /Type /Annot /Subtype /Widget /FT /Sig /Rect [ 0 0 0 0 ] /F 132 /T ${text(`Signatur ${fields.length + 1}`)} /V ${sigNum} 0 R /P ${page.ref.toString()} >>`;

  const objects: [number, string][] = [
    [catalogRef.objectNumber, catalogSource],
    [page.ref.objectNumber, pageSource],
    [sigNum, sigSource],
    [widgetNum, widgetSource],
  ];
  let out = source.endsWith('\n') ? source : `${source}\n`;
  const offsets: [number, number][] = [];
  for (const [num, body] of objects.sort((a, b) => a[0] - b[0])) {
    offsets.push([num, Buffer.byteLength(out, 'latin1')]);
    out += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(out, 'latin1');
  out += 'xref\n';
  for (const [num, offset] of offsets) out += `${num} 1\n${String(offset).padStart(10, '0')} 00000 n\r\n`;
  const info = ctx.trailerInfo.Info ? ` /Info ${ctx.trailerInfo.Info.toString()}` : '';
  const id = ctx.trailerInfo.ID ? ` /ID ${ctx.trailerInfo.ID.toString()}` : '';
  out += `trailer\n<< /Size ${widgetNum + 1} /Root ${catalogRef.toString()}${info}${id} /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
