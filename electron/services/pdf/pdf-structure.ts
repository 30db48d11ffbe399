import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';

/**
 * What a reader shows besides the page text: annotations, the embedded files
 * as a viewer lists them (every entry, duplicates included) and the document
 * information. `verify` compares these with what the signed data says, since
 * comparing extracted page text alone misses an opaque annotation over a
 * decision, a second file of the same name, or a changed title.
 */

export interface PdfStructure {
  /** Per annotation that is not an invisible signature field: page number and subtype. */
  annotations: { page: number; subtype: string }[];
  /** Embedded file names in name-tree order (duplicates kept). */
  embeddedNames: string[];
  info: { title: string | null; author: string | null; subject: string | null; keywords: string | null };
}

const textOf = (v: unknown): string | null => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : null);

function isInvisibleSignatureWidget(annot: PDFDict): boolean {
  const subtype = annot.lookupMaybe(PDFName.of('Subtype'), PDFName)?.asString();
  const ft = annot.lookupMaybe(PDFName.of('FT'), PDFName)?.asString();
  const rect = annot.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asArray() ?? [];
  const zero = rect.length === 4 && rect.every((n) => n instanceof PDFNumber && n.asNumber() === 0);
  return subtype === '/Widget' && ft === '/Sig' && zero && !annot.has(PDFName.of('AP'));
}

function collectNames(node: PDFDict, out: string[], depth = 0): void {
  if (depth > 20) return;
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (names) for (let i = 0; i < names.size(); i += 2) out.push(textOf(names.lookup(i)) ?? '(namnlös)');
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  if (kids) for (let i = 0; i < kids.size(); i++) collectNames(kids.lookup(i, PDFDict), out, depth + 1);
}

export async function readStructure(pdf: Uint8Array): Promise<PdfStructure> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  const annotations: PdfStructure['annotations'] = [];
  doc.getPages().forEach((page, i) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let n = 0; n < (annots?.size() ?? 0); n++) {
      const annot = annots!.lookup(n);
      if (annot instanceof PDFDict && isInvisibleSignatureWidget(annot)) continue;
      const subtype = annot instanceof PDFDict ? (annot.lookupMaybe(PDFName.of('Subtype'), PDFName)?.asString().slice(1) ?? 'okänd') : 'okänd';
      annotations.push({ page: i + 1, subtype });
    }
  });
  const embeddedNames: string[] = [];
  const tree = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  if (tree) collectNames(tree, embeddedNames);
  const info = doc.context.lookupMaybe(doc.context.trailerInfo.Info, PDFDict);
  const field = (key: string) => textOf(info?.lookup(PDFName.of(key)));
  return { annotations, embeddedNames, info: { title: field('Title'), author: field('Author'), subject: field('Subject'), keywords: field('Keywords') } };
}

/** Swedish problems: annotations, duplicate embedded names, and info fields differing from `expected`. */
export function structureProblems(s: PdfStructure, expected: { title: string; author: string; subject: string; keywords: string }): string[] {
  const problems: string[] = [];
  for (const a of s.annotations) problems.push(`Sidan ${a.page} har en anteckning (${a.subtype}) som kan dölja eller ändra det som står i protokollet. Ett signerat protokoll har inga anteckningar.`);
  const seen = new Map<string, number>();
  for (const n of s.embeddedNames) seen.set(n, (seen.get(n) ?? 0) + 1);
  for (const [n, count] of seen) if (count > 1) problems.push(`Den bifogade filen ${n} finns fler än en gång (${count} gånger): en PDF-läsare kan visa en annan fil än den som är signerad.`);
  const labels = { title: 'titel', author: 'författare', subject: 'ämne', keywords: 'nyckelord' } as const;
  for (const key of Object.keys(labels) as (keyof typeof labels)[]) {
    if (s.info[key] !== expected[key]) problems.push(`Dokumentets ${labels[key]} (metadata) stämmer inte med det signerade protokollet: väntat ”${expected[key]}”, i filen ”${s.info[key] ?? ''}”.`);
  }
  return problems;
}
