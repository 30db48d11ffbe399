import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { AppError } from '../../../shared/contract/errors';
import type { ExtractedText, ExtractTextOptions } from './extract-text';
import type { PdfJob, PdfJobAnswer, PdfWorkerStatus } from './pdf-worker';
import type { ProtokollVerification } from '../meetings/protokoll/verify-protokoll';

/**
 * Untrusted PDFs are read in a worker thread with a time and memory budget,
 * so a hostile file (a 3 KB form-XObject bomb kept pdf.js busy for minutes)
 * can neither freeze the main side nor exhaust its heap. Jobs run one at a
 * time in one long-lived thread; a job over its time budget, or a thread
 * over its memory limit, ends the thread (`terminate` stops even a busy
 * loop) and the job fails with a Swedish message; the next job gets a new
 * thread. The thread is unref'd while idle, so it never keeps a CLI alive.
 */
export interface PdfBudget {
  /** Checking a file before it is stored (inspect.ts). */
  inspectMs: number;
  /** Extracting its text for the search (extract-text.ts). */
  extractMs: number;
  /** Checking a signed protokoll (`verify`, verify-protokoll.ts). */
  verifyMs: number;
  /** Old-generation heap of the worker thread. */
  maxMemoryMb: number;
  /** Starting the thread and loading pdf.js (not part of a job's budget). */
  startMs: number;
}

const budget: PdfBudget = { inspectMs: 30_000, extractMs: 20_000, verifyMs: 60_000, maxMemoryMb: 1024, startMs: 120_000 };

/** Changes the budget (tests, bench); returns the previous one. */
export function configurePdfBudget(change: Partial<PdfBudget>): PdfBudget {
  const before = { ...budget };
  Object.assign(budget, change);
  return before;
}

const MESSAGES = {
  inspect:
    'PDF-filen är för krävande att kontrollera (det tog för lång tid eller krävde för mycket minne) och har inte sparats. ' +
    'Skriv ut den till en ny PDF-fil och försök igen.',
  extract: 'Texten i PDF-filen är för krävande att läsa (det tog för lång tid eller krävde för mycket minne). Filen sparas utan sökbar text.',
  verify: 'PDF-filen är för krävande att kontrollera (det tog för lång tid eller krävde för mycket minne). Den godtas inte som ett justerat protokoll.',
  start: 'PDF-läsaren kunde inte starta. Starta om programmet och försök igen.',
} as const;

const overBudget = (op: PdfJob['op'], cause?: unknown): AppError => {
  const error = new AppError('invalid_file', MESSAGES[op]);
  if (cause !== undefined) error.cause = cause;
  return error;
};

/**
 * The worker's entry. Built: `pdf-worker.js` beside the bundle that starts
 * it (out/main for Electron via electron.vite.config.ts; out/host and out/cli
 * via scripts/build-host.mjs). From TypeScript
 * sources (web host, CLI, tests): the .ts file, with tsx registered in the
 * thread first, because Node 20 does not pass `--import tsx` on to workers.
 */
function spawn(resourceLimits: ResourceLimits): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./pdf-worker.js', here), { resourceLimits });
  const tsxApi = pathToFileURL(createRequire(here).resolve('tsx/package.json').replace(/package\.json$/, 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./pdf-worker.ts', here).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, resourceLimits });
}

let worker: Worker | null = null;
let ready: Promise<Worker> | null = null;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 0;

function stop(w: Worker): void {
  if (worker === w) {
    worker = null;
    ready = null;
  }
  void w.terminate();
}

function started(): Promise<Worker> {
  ready ??= new Promise<Worker>((resolve, reject) => {
    // A small young generation: pdf.js makes much short-lived garbage, and with 64 MB the thread's heap held it
    // (a ten-year invitation's check with text: peak 310–329 MB with 64, 292–311 with 16, 285–290 with 8; same time).
    const w = spawn({ maxOldGenerationSizeMb: budget.maxMemoryMb, maxYoungGenerationSizeMb: 8 });
    worker = w;
    const fail = (cause: unknown) => {
      clearTimeout(timer);
      stop(w);
      const error = new AppError('internal', MESSAGES.start);
      error.cause = cause;
      reject(error);
    };
    const timer = setTimeout(() => fail(new Error('pdf worker start timed out')), budget.startMs);
    w.once('error', fail);
    w.once('exit', (code) => fail(new Error(`pdf worker exited with ${code}`)));
    w.once('message', (status: PdfWorkerStatus) => {
      if (!status.ready) return fail(new Error(status.message));
      clearTimeout(timer);
      w.removeAllListeners('error');
      w.removeAllListeners('exit');
      // A thread that dies between jobs (out of memory, a crash) is replaced at the next job.
      w.on('exit', () => worker === w && ((worker = null), (ready = null)));
      w.on('error', () => undefined);
      resolve(w);
    });
  });
  return ready;
}

/** What a job carries besides its id and bytes. */
type JobSpec = { op: 'inspect'; withText: ExtractTextOptions | null } | { op: 'extract'; options: ExtractTextOptions } | { op: 'verify'; caFingerprint: string | null };

async function runJob<T>(spec: JobSpec, bytes: Uint8Array, budgetMs: number, handOver = false): Promise<T> {
  const { op } = spec;
  const w = await started();
  w.ref();
  try {
    return await new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      const done = () => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
      };
      const onMessage = (answer: PdfJobAnswer) => {
        if (answer.id !== id) return;
        if ('stage' in answer) {
          // The check passed; the text now has its own budget. Over it, the file stands as checked, without text.
          clearTimeout(timer);
          timer = setTimeout(() => {
            done();
            stop(w);
            resolve({ pageCount: answer.pageCount, text: null } as T);
          }, budget.extractMs);
          return;
        }
        done();
        if (answer.ok) return resolve(answer.value as T);
        const error = new AppError(answer.error.code, answer.error.message);
        if (answer.error.detail) error.cause = new Error(answer.error.detail);
        reject(error);
      };
      const onError = (err: unknown) => {
        done();
        stop(w);
        reject(overBudget(op, err)); // ERR_WORKER_OUT_OF_MEMORY and the like
      };
      const onExit = (code: number) => onError(new Error(`pdf worker exited with ${code}`));
      let timer = setTimeout(() => onError(new Error(`pdf ${op} over its ${budgetMs} ms budget`)), budgetMs);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      // Transferred: a copy, so the caller keeps its bytes, unless it hands them over and they are a buffer of their own.
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      const copy = handOver && whole ? new Uint8Array(bytes.buffer as ArrayBuffer) : new Uint8Array(bytes);
      const job: PdfJob = { ...spec, id, bytes: copy };
      w.postMessage(job, [copy.buffer]);
    });
  } finally {
    if (worker === w) w.unref();
  }
}

function serial<T>(work: () => Promise<T>): Promise<T> {
  const result = queue.then(work, work);
  // Settled without the job's result, which the queue would otherwise hold until the next job.
  queue = result.then(
    () => undefined,
    () => undefined,
  );
  return result;
}

/**
 * inspect.ts's check of a PDF, in the worker thread within the budget. With `handOver` the caller gives up
 * its bytes (they are moved to the thread, not copied, and empty afterwards): for a batch that reads each file only to check it.
 */
export function inspectPdfGuarded(bytes: Uint8Array, opts: { handOver?: boolean } = {}): Promise<{ pageCount: number }> {
  return serial(() => runJob({ op: 'inspect', withText: null }, bytes, budget.inspectMs, opts.handOver ?? false));
}

/**
 * inspectPdfGuarded, and the file's text from the same reading, for the documents an import brings: each is
 * read by pdf.js once, not once to check it and again for the search. The check has its budget and the text,
 * once the check has passed, its own (the thread says when it starts on the text): a file whose text runs
 * over is accepted as checked, with text null, as one that has none.
 */
export function inspectPdfWithTextGuarded(bytes: Uint8Array, opts: { handOver?: boolean; withText?: ExtractTextOptions } = {}): Promise<{ pageCount: number; text: ExtractedText | null }> {
  return serial(() => runJob({ op: 'inspect', withText: opts.withText ?? {} }, bytes, budget.inspectMs, opts.handOver ?? false));
}

/** extract-text.ts's text extraction, in the worker thread within the budget (or `budgetMs`); `handOver` as for inspect. */
export function extractPdfTextGuarded(bytes: Uint8Array, options: ExtractTextOptions & { budgetMs?: number; handOver?: boolean } = {}): Promise<ExtractedText> {
  const { budgetMs, handOver, ...rest } = options;
  return serial(() => runJob({ op: 'extract', options: rest }, bytes, budgetMs ?? budget.extractMs, handOver ?? false));
}

/**
 * verify-protokoll.ts's check of a signed protokoll, in the worker thread
 * within the budget. Never throws, like the check itself: a file over the
 * budget is not a valid protokoll, and says why.
 */
export function verifyProtokollPdfGuarded(bytes: Uint8Array, opts: { caFingerprint?: string | null } = {}): Promise<ProtokollVerification> {
  return serial(() => runJob<ProtokollVerification>({ op: 'verify', caFingerprint: opts.caFingerprint ?? null }, bytes, budget.verifyMs)).catch((err: unknown) => ({
    ok: false,
    caFingerprint: null,
    sealedBy: [],
    title: null,
    sha256: null,
    signers: [],
    problems: [err instanceof AppError ? err.message : MESSAGES.verify],
  }));
}

/**
 * Ends the thread once the jobs queued so far are done, giving its memory
 * back (pdf.js and a batch's garbage: 80–150 MB). For after a batch, such as
 * the documents of an invitation checked before its ten years are folded; the
 * next job starts a new thread (about half a second from the built app).
 */
export function releasePdfWorker(): Promise<void> {
  return serial(async () => {
    if (worker) stop(worker);
  });
}

/** Starts the thread and loads pdf.js in the background, so the first PDF a user adds does not wait for it. */
export function preloadPdfWorker(): void {
  started().then(
    (w) => w.unref(),
    () => undefined,
  );
}
