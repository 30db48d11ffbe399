import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { createServices } from '../electron/services';
import { makeMultiPagePdf } from '../test/helpers/pdf-fixtures';
import { startWebHost } from '../test/e2e/host';
import { choosePin } from '../test/e2e/journeys';
import type { Sample } from './harness';
import { report } from './harness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The same flags as playwright.config.ts, so the bench sees the browser the e2e tests see.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const RUNS = 7;

const BIG = 'Hundra sidor.pdf';
const SMALL = 'En sida.pdf';

/**
 * The time to show page 1 of a 100-page PDF in the real viewer (Debian
 * Chromium, the browser host, react-pdf with thumbnails), from the click that
 * opens it to page 1's canvas drawn, against a 1-page PDF in the same run.
 */
export async function viewerBench(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`PDF viewer, page 1 of 100 pages               skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-bench-viewer-'));
  const services = await createServices({ dataDir, host: 'web', version: 'bench' });
  // A förbund, so the app opens on its frame (the first-run screen has no navigation).
  await services['forbund.create']({ name: 'Samordningsförbundet Bänk', orgNr: '222000-0018', director: { name: 'Bo Bänk', email: 'bo@example.se' } });
  await services['attachments.add']({ fileName: BIG, bytes: await makeMultiPagePdf(100, 'Hundra sidor') });
  await services['attachments.add']({ fileName: SMALL, bytes: await makeMultiPagePdf(1, 'En sida') });
  const host = await startWebHost({ dataDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'sv-SE' })).newPage();
    await page.goto(host.url);
    // A new laptop is locked with a PIN before anything else (issue #15), as the e2e journeys do.
    await choosePin(page);
    await page.getByRole('navigation', { name: 'Avsnitt' }).getByRole('button', { name: /^Handlingar/ }).click();
    await page.getByTestId('attachment-row').first().waitFor();

    /** Clicks the file in the list and waits, in the page, for its page 1 to be drawn. */
    // In-page code as a string: the bench compiles without DOM types (tsconfig.node.json).
    const open = (fileName: string) => page.evaluate<number>(`(${IN_PAGE_OPEN})(${JSON.stringify(fileName)})`);

    // Warm up both (worker start, fonts), then alternate so each open is a fresh viewer.
    await open(BIG);
    await open(SMALL);
    const big: number[] = [];
    const small: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      big.push(await open(BIG));
      small.push(await open(SMALL));
    }
    const thumbs = await page.evaluate<number>(COUNT_THUMBS);
    report('PDF viewer: page 1 of 100 pages, in Chromium', sample(big), sample(small), '(baseline: 1-page PDF)');
    await open(BIG);
    const bigThumbs = await page.evaluate<number>(COUNT_THUMBS);
    console.log(`  thumbnails drawn right after opening the 100-page PDF: ${bigThumbs} of 100 (lazy); the 1-page PDF: ${thumbs}`);
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const COUNT_THUMBS = `document.querySelectorAll('[data-testid="pdf-thumbnail"] canvas').length`;

/** Clicks the file in the list and resolves, in the page, with the ms until its page 1 canvas is drawn. */
const IN_PAGE_OPEN = `(name) => new Promise((resolve, reject) => {
  const button = [...document.querySelectorAll('[data-testid="attachment-row"] button')].find((b) => b.textContent === name);
  if (!button) return reject(new Error('no row for ' + name));
  const drawn = () => [...document.querySelectorAll('[role="region"][aria-label^="PDF-visare"]')].some(
    (r) => r.getAttribute('aria-label') === 'PDF-visare: ' + name && r.querySelector('[data-testid="pdf-stage"][data-rendered-page="1"] canvas'));
  const t0 = performance.now();
  const observer = new MutationObserver(() => {
    if (drawn()) { observer.disconnect(); clearTimeout(timer); resolve(performance.now() - t0); }
  });
  const timer = setTimeout(() => { observer.disconnect(); reject(new Error('page 1 of ' + name + ' not drawn in 60 s')); }, 60000);
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-rendered-page'] });
  button.click();
})`;

function sample(times: number[]): Sample {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), runs: sorted.length };
}
