import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, rgb, type PDFHexString } from 'pdf-lib';

/**
 * Attacks on a genuine protokoll PDF as issue #12 describes them: each makes
 * something a reader sees differ from what was signed, while the page text a
 * text extractor returns (or the embedded files) stay as they were.
 */

const load = (pdf: Uint8Array) => PDFDocument.load(pdf, { updateMetadata: false });
const save = (doc: PDFDocument) => doc.save({ useObjectStreams: false });

/** A FreeText annotation with an opaque appearance over the upper part of a page (where a § decision is). */
function overlayAnnotation(doc: PDFDocument, pageIndex: number, text: string) {
  const page = doc.getPage(pageIndex);
  const { width, height } = page.getSize();
  const rect = [50, height - 400, width - 50, height - 120];
  const ap = doc.context.stream(`1 1 1 rg 0 0 ${rect[2]! - rect[0]!} ${rect[3]! - rect[1]!} re f 0 0 0 rg BT /Helv 12 Tf 10 200 Td (${text}) Tj ET`, {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, rect[2]! - rect[0]!, rect[3]! - rect[1]!],
  });
  return doc.context.obj({
    Type: 'Annot',
    Subtype: 'FreeText',
    Rect: rect,
    Contents: PDFString.of(text),
    DA: PDFString.of('/Helv 12 Tf 0 g'),
    F: 4,
    AP: { N: doc.context.register(ap) },
  });
}

/** The annotation, saved by rewriting the file (as most editors do). */
export async function addOverlayAnnotation(pdf: Uint8Array, pageIndex = 1): Promise<Uint8Array> {
  const doc = await load(pdf);
  const annot = doc.context.register(overlayAnnotation(doc, pageIndex, 'Styrelsen beslutar att avsla ansokan.'));
  doc.getPage(pageIndex).node.set(PDFName.of('Annots'), doc.context.obj([annot]));
  return save(doc);
}

/** A white box drawn into the page content over the upper part of a page. */
export async function drawWhiteBox(pdf: Uint8Array, pageIndex = 1): Promise<Uint8Array> {
  const doc = await load(pdf);
  const page = doc.getPage(pageIndex);
  const { width, height } = page.getSize();
  page.drawRectangle({ x: 50, y: height - 400, width: width - 100, height: 280, color: rgb(1, 1, 1) });
  return save(doc);
}

/** Title, Subject and Author changed in the document information. */
export async function changeMetadata(pdf: Uint8Array): Promise<Uint8Array> {
  const doc = await load(pdf);
  doc.setTitle('Protokoll Styrelsen 2026-03-14 (rättad)');
  doc.setSubject('Sammanträdesprotokoll, avslag på ansökan');
  doc.setAuthor('Någon annan');
  return save(doc);
}

/** A second embedded file of the same name, listed first (a viewer shows it; a reader that keeps the last one misses it). */
export async function addDuplicateEmbedded(pdf: Uint8Array, name: string, bytes: Uint8Array): Promise<Uint8Array> {
  const doc = await load(pdf);
  const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
  const stream = doc.context.register(doc.context.flateStream(bytes, { Type: 'EmbeddedFile', Subtype: 'application/json' }));
  const spec = doc.context.register(doc.context.obj({ Type: 'Filespec', F: PDFString.of(name), UF: PDFString.of(name), EF: { F: stream } }));
  names.insert(0, spec);
  names.insert(0, PDFString.of(name));
  return save(doc);
}

/** The names of the embedded files in the order the name tree lists them. */
export async function embeddedNames(pdf: Uint8Array): Promise<string[]> {
  const doc = await load(pdf);
  const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
  const out: string[] = [];
  for (let i = 0; i < names.size(); i += 2) out.push((names.lookup(i) as PDFString | PDFHexString).decodeText());
  return out;
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/**
 * Appends a true incremental update (new objects, an xref section and a
 * trailer with /Prev) that leaves every byte before it untouched: `objects`
 * maps object numbers (new or replaced) to their PDF source.
 */
export function appendIncrementalUpdate(pdf: Uint8Array, objects: Map<number, string>): Uint8Array {
  const text = latin1(pdf);
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1];
  const info = /\/Info\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1];
  const id = /\/ID\s*(\[[^\]]*\])/.exec(trailer)?.[1];
  let out = text.endsWith('\n') ? text : `${text}\n`;
  const offsets = new Map<number, number>();
  for (const [num, source] of [...objects].sort((a, b) => a[0] - b[0])) {
    offsets.set(num, out.length);
    out += `${num} 0 obj\n${source}\nendobj\n`;
  }
  const xrefAt = out.length;
  out += 'xref\n';
  for (const [num, offset] of [...offsets].sort((a, b) => a[0] - b[0])) out += `${num} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
  const newSize = Math.max(size, ...[...objects.keys()].map((n) => n + 1));
  out += `trailer\n<< /Size ${newSize} /Root ${root}${info ? ` /Info ${info}` : ''}${id ? ` /ID ${id}` : ''} /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** The overlay annotation as a true incremental update: the original bytes stay, a new page object carries /Annots. */
export async function overlayAsIncrementalUpdate(pdf: Uint8Array, pageIndex = 1): Promise<Uint8Array> {
  const doc = await load(pdf);
  const page = doc.getPage(pageIndex);
  const { width, height } = page.getSize();
  const next = doc.context.largestObjectNumber + 1;
  const w = width - 100;
  const ap = `1 1 1 rg 0 0 ${w} 280 re f 0 0 0 rg BT /Helv 12 Tf 10 200 Td (Styrelsen beslutar att avsla ansokan.) Tj ET`;
  const apSource = `<< /Type /XObject /Subtype /Form /BBox [ 0 0 ${w} 280 ] /Length ${ap.length} >>\nstream\n${ap}\nendstream`;
  const annotSource = `<< /Type /Annot /Subtype /FreeText /Rect [ 50 ${height - 400} ${width - 50} ${height - 120} ] /Contents (Styrelsen beslutar att avsla ansokan.) /DA (/Helv 12 Tf 0 g) /F 4 /AP << /N ${next} 0 R >> >>`;
  const pageDict = page.node.clone(doc.context);
  pageDict.set(PDFName.of('Annots'), PDFName.of('X'));
  const pageSource = pageDict.toString().replace('/Annots /X', `/Annots [ ${next + 1} 0 R ]`);
  return appendIncrementalUpdate(
    pdf,
    new Map([
      [next, apSource],
      [next + 1, annotSource],
      [page.ref.objectNumber, pageSource],
    ]),
  );
}

/**
 * An unsigned incremental update that alters a page: a new content stream
 * (a white box over the page's top half) appended to the page's /Contents.
 */
export async function alterPageIncrementally(pdf: Uint8Array, pageIndex = 1): Promise<Uint8Array> {
  const doc = await load(pdf);
  const page = doc.getPage(pageIndex);
  const next = doc.context.largestObjectNumber + 1;
  const content = '1 1 1 rg 50 400 495 300 re f';
  const contents = page.node.get(PDFName.of('Contents'));
  const existing = contents instanceof PDFArray ? contents.asArray().map((r) => r.toString()).join(' ') : String(contents);
  const pageDict = page.node.clone(doc.context);
  pageDict.set(PDFName.of('Contents'), PDFName.of('X'));
  const pageSource = pageDict.toString().replace('/Contents /X', `/Contents [ ${existing} ${next} 0 R ]`);
  return appendIncrementalUpdate(
    pdf,
    new Map([
      [next, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`],
      [page.ref.objectNumber, pageSource],
    ]),
  );
}
