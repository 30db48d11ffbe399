import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * pdf.js in Node, shared by the attachment check (inspect.ts) and text
 * extraction (extract-text.ts): the same engine the in-app viewer uses.
 */
type PdfJs = typeof PdfJsModule;
let pdfjsPromise: Promise<PdfJs> | undefined;

/**
 * Loads pdf.js once. Importing its worker module first registers the worker
 * code on globalThis, so pdf.js runs it in this thread and never has to find
 * a worker file by URL (which breaks under bundlers and test runners).
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsPromise;
}

/**
 * Starts loading pdf.js in the background, so the first PDF a user adds does
 * not wait for it (run from TypeScript sources, as the web host is, the load
 * takes 10 s or more on a busy machine). A failed load is forgotten, so the
 * next real use tries again and reports its own error.
 */
export function preloadPdfJs(): void {
  loadPdfJs().catch(() => {
    pdfjsPromise = undefined;
  });
}

/** Resolves once pdf.js is loaded (the PDF worker thread says it is ready only then). */
export async function pdfJsLoaded(): Promise<void> {
  await loadPdfJs();
}

/**
 * Opens a PDF strictly and safely: no eval, no fonts or WebAssembly, fail on
 * errors rather than quietly repair. pdf.js gets a copy of the bytes because
 * it detaches (transfers) the buffer it is given and refuses Node Buffers;
 * `consume` hands it the caller's own Uint8Array instead (the PDF worker's
 * jobs, whose bytes are used for nothing after), one copy of the file fewer.
 */
export async function openPdf(bytes: Uint8Array, opts: { consume?: boolean } = {}) {
  const pdfjs = await loadPdfJs();
  const own = opts.consume && !Buffer.isBuffer(bytes) && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return pdfjs.getDocument({
    data: own ? bytes : new Uint8Array(bytes),
    isEvalSupported: false,
    stopAtErrors: true,
    enableXfa: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
}
