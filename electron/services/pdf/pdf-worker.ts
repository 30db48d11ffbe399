/**
 * Entry of the PDF worker thread (see sandbox.ts): pdf-lib and pdf.js read
 * untrusted PDFs here (the check, the text, and `verify` of a protokoll), never on the main side's thread. One job at a time;
 * the main side times each one and terminates this thread when a file runs
 * over its budget.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../shared/contract/errors';
import { extractPdfText, type ExtractTextOptions } from './extract-text';
import { inspectPdfWithText } from './inspect';
import { pdfJsLoaded } from './pdfjs-node';
import { verifyProtokollPdf } from '../meetings/protokoll/verify-protokoll';

export type PdfJob =
  | { id: number; op: 'inspect'; bytes: Uint8Array; withText: ExtractTextOptions | null }
  | { id: number; op: 'extract'; bytes: Uint8Array; options: ExtractTextOptions }
  | { id: number; op: 'verify'; bytes: Uint8Array; caFingerprint: string | null };
export type PdfJobAnswer =
  /** An inspect with text: the check passed, the text comes next (its own budget starts). */
  | { id: number; stage: 'checked'; pageCount: number }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: AppError['code']; message: string; detail?: string } };
export type PdfWorkerStatus = { ready: true } | { ready: false; message: string };

const port = parentPort;
if (port) {
  port.on('message', (job: PdfJob) => {
    const work: Promise<unknown> =
      job.op === 'inspect'
        ? inspectPdfWithText(job.bytes, { consume: true, withText: job.withText, onChecked: (pageCount) => port.postMessage({ id: job.id, stage: 'checked', pageCount } satisfies PdfJobAnswer) }) : job.op === 'extract' ? extractPdfText(job.bytes, job.options) : verifyProtokollPdf(job.bytes, { caFingerprint: job.caFingerprint });
    work.then(
      (value) => port.postMessage({ id: job.id, ok: true, value } satisfies PdfJobAnswer),
      (err: unknown) => {
        const error =
          err instanceof AppError
            ? { code: err.code, message: err.message, detail: String((err.cause as Error | undefined)?.message ?? '') }
            : { code: 'internal' as const, message: 'PDF-filen kunde inte läsas.', detail: String((err as Error | undefined)?.message ?? err) };
        port.postMessage({ id: job.id, ok: false, error } satisfies PdfJobAnswer);
      },
    );
  });
  // Ready once pdf.js is loaded, so a job's time budget counts its work, not the start-up.
  pdfJsLoaded().then(
    () => port.postMessage({ ready: true } satisfies PdfWorkerStatus),
    (err: unknown) => port.postMessage({ ready: false, message: String((err as Error | undefined)?.message ?? err) } satisfies PdfWorkerStatus),
  );
}
