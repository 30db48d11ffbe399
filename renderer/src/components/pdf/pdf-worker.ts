import { pdfjs } from 'react-pdf';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// The worker ships as a local asset of the build (the CSP allows 'self' workers only).
// `?url` rather than `new URL(…, import.meta.url)`: the bundler mangled the latter.
pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
