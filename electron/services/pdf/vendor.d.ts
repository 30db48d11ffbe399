// Ambient declarations for the two untyped modules the PDF service loads.
// Only what the service uses is declared; see render.ts and inspect.ts.

declare module 'pdfmake' {
  /** pdfmake 0.3's Node entry exports one shared instance (a singleton). */
  interface PdfMakeOutput {
    getBuffer(): Promise<Buffer<ArrayBuffer>>;
  }
  interface PdfMakeServer {
    setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    createPdf(definition: object, options?: object): PdfMakeOutput;
    /** The process-wide virtual file system that `files`, `images` and fonts may name. */
    virtualfs: { writeFileSync(name: string, content: Buffer): void; existsSync(name: string): boolean; storage: Record<string, Buffer> };
  }
  const pdfmake: PdfMakeServer;
  export default pdfmake;
}

// Importing the worker module in the same thread sets globalThis.pdfjsWorker,
// which pdf.js then uses instead of loading a worker file by URL.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
