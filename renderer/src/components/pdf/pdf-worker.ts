import { pdfjs } from 'react-pdf';

// The worker ships as a local asset of the build (the CSP allows 'self' workers only).
pdfjs.GlobalWorkerOptions.workerSrc = new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url).toString();
