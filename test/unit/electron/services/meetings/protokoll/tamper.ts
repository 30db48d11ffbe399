import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFString, type PDFHexString } from 'pdf-lib';

/**
 * Edits the embedded files of a PDF the way someone with a PDF tool would:
 * the attachment's stream is replaced (or the attachment removed) and the file
 * saved again; the pages are left as they were.
 */
async function editEmbedded(pdf: Uint8Array, name: string, edit: (names: PDFArray, index: number, doc: PDFDocument) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const tree = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict);
  const names = tree.lookup(PDFName.of('Names'), PDFArray);
  for (let i = 0; i < names.size(); i += 2) {
    const key = names.lookup(i) as PDFString | PDFHexString;
    if (key.decodeText() === name) {
      edit(names, i, doc);
      return doc.save({ useObjectStreams: false });
    }
  }
  throw new Error(`no embedded file ${name}`);
}

export function replaceEmbedded(pdf: Uint8Array, name: string, bytes: Uint8Array): Promise<Uint8Array> {
  return editEmbedded(pdf, name, (names, i, doc) => {
    const spec = names.lookup(i + 1, PDFDict);
    const ef = spec.lookup(PDFName.of('EF'), PDFDict);
    const stream = doc.context.flateStream(bytes, { Type: 'EmbeddedFile', Subtype: 'application/json' });
    ef.set(PDFName.of('F'), doc.context.register(stream));
  });
}

export function removeEmbedded(pdf: Uint8Array, name: string): Promise<Uint8Array> {
  return editEmbedded(pdf, name, (names, i) => {
    names.remove(i);
    names.remove(i);
  });
}
