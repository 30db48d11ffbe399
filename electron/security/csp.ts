/**
 * The one Content-Security-Policy the app ships with. The Electron shell
 * sends it on every app:// response and on every response header it sees; the
 * browser host sends the same string, which is why this module must not import
 * electron.
 */
const DIRECTIVES: ReadonlyArray<readonly [directive: string, sources: string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // Mantine injects <style> tags for its CSS variables and sets style attributes.
  ['style-src', "'self' 'unsafe-inline'"],
  // data:/blob: for generated thumbnails and PDFs rendered to canvas/blob URLs.
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  // pdf.js runs its parser in a worker loaded from the app's own files or a blob.
  ['worker-src', "'self' blob:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
  ['frame-src', "'none'"],
];

export const CONTENT_SECURITY_POLICY: string = DIRECTIVES.map(([d, s]) => `${d} ${s}`).join('; ');
