import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeCorruptPdf, makeEncryptedPdf, makeMultiPagePdf, notAPdf } from '../helpers/pdf-fixtures';
import { snapshotTree } from '../helpers/tree';
import { startWebHost, type StartedHost } from './host';
import { goTo, setUpForbund } from './journeys';
import { expectAccessible, snap } from './screens';

// One journey on one data folder: later steps build on earlier ones.
test.describe.configure({ mode: 'serial' });

let host: StartedHost;
test.beforeAll(async () => {
  host = await startWebHost();
});
test.afterAll(async () => {
  await host?.stop();
});

/** Opens Handlingar, setting up the förbund first on a fresh data folder. */
async function openDocuments(page: Page) {
  await page.goto(host.url);
  const firstRun = page.getByRole('heading', { name: 'Välkommen till Styrelsebordet' });
  const frame = page.getByTestId('forbund-name');
  await expect(firstRun.or(frame)).toBeVisible();
  if (await firstRun.isVisible()) await setUpForbund(page);
  await goTo(page, /^Handlingar/);
  await expect(page.getByRole('heading', { level: 1, name: 'Handlingar' })).toBeVisible();
}

/** Chooses files through the "Lägg till PDF" button's file chooser, as a user would. */
async function choose(page: Page, files: { name: string; buffer: Buffer }[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Lägg till PDF' }).click();
  await (await chooser).setFiles(files.map((f) => ({ ...f, mimeType: 'application/pdf' })));
}

test('adds a multi-page PDF, lists it and reads it page by page with zoom', async ({ page }) => {
  await openDocuments(page);
  await expect(page.getByText('Inga handlingar ännu')).toBeVisible();
  await expectAccessible(page);
  await snap(page, '01-handlingar-tom');

  const pdf = Buffer.from(await makeMultiPagePdf(6, 'Ansökan om medel – Öppna vägar'));
  await choose(page, [{ name: 'Ansökan om medel – Öppna vägar.pdf', buffer: pdf }]);

  // The first PDF checked on the main side may wait for pdf.js to finish loading (see pdfjs-node.ts).
  await expect(page.getByText('Handlingen lades till')).toBeVisible({ timeout: 30_000 });
  const row = page.getByTestId('attachment-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Ansökan om medel – Öppna vägar.pdf');
  await expect(row.getByRole('cell').nth(1)).toHaveText('6');

  // The viewer opens beside the list with page 1 rendered.
  const viewer = page.getByRole('region', { name: /PDF-visare/ });
  // The page itself, not the thumbnails beside it.
  const stage = viewer.getByTestId('pdf-stage');
  await expect(viewer.getByTestId('pdf-position')).toHaveText('Sida 1 av 6');
  await expect(stage.locator('canvas')).toBeVisible();
  await expect(stage.locator('.react-pdf__Page__textContent')).toContainText('Sida 1 av 6');
  await expectAccessible(page);
  await snap(page, '02-handlingar-visare-sida-1');

  // Page navigation: button, keyboard and page number.
  await viewer.getByRole('button', { name: 'Nästa sida' }).click();
  await expect(stage.locator('.react-pdf__Page__textContent')).toContainText('Sida 2 av 6');
  await viewer.focus();
  await page.keyboard.press('PageDown');
  await expect(viewer.getByTestId('pdf-position')).toHaveText('Sida 3 av 6');
  await page.keyboard.press('End');
  await expect(stage.locator('.react-pdf__Page__textContent')).toContainText('Sida 6 av 6');
  await expect(viewer.getByRole('button', { name: 'Nästa sida' })).toBeDisabled();
  await viewer.getByLabel('Sidnummer').fill('4');
  await expect(stage.locator('.react-pdf__Page__textContent')).toContainText('Sida 4 av 6');

  // Zoom makes the page bigger, in the steps from 100 % (the page's own size).
  await viewer.getByRole('button', { name: 'Verklig storlek' }).click();
  await expect(viewer.getByTestId('pdf-zoom')).toHaveText('100 %');
  const before = (await stage.locator('canvas').boundingBox())!.width;
  await viewer.getByRole('button', { name: 'Zooma in' }).click();
  await expect(viewer.getByTestId('pdf-zoom')).toHaveText('125 %');
  await expect.poll(async () => (await stage.locator('canvas').boundingBox())!.width).toBeGreaterThan(before * 1.2);
  await snap(page, '03-handlingar-visare-sida-4-zoom');

  // After a reload the list comes back from the data folder and the reader opens where it was.
  await openDocuments(page);
  await expect(page.getByTestId('attachment-row')).toHaveCount(1);
  await page.getByRole('button', { name: 'Ansökan om medel – Öppna vägar.pdf' }).click();
  await expect(page.getByTestId('pdf-position')).toHaveText('Sida 4 av 6');
  await expect(page.getByTestId('pdf-zoom')).toHaveText('125 %');
});

test('reader mode fills the window; the toolbar stays in view; fit to width and to page; 100 % is the page’s own size; Esc returns focus', async ({ page }) => {
  test.setTimeout(120_000);
  await openDocuments(page);
  await page.getByRole('button', { name: 'Ansökan om medel – Öppna vägar.pdf' }).click();
  const viewer = page.getByRole('region', { name: /PDF-visare/ });
  const stage = viewer.getByTestId('pdf-stage');
  const canvas = stage.locator('canvas');
  await expect(canvas).toBeVisible();
  const width = async () => (await canvas.boundingBox())!.width;

  // 100 % is the PDF's own size at 96 dpi: an A4 page (595.28 pt) is 794 px wide.
  await viewer.getByRole('button', { name: 'Verklig storlek' }).click();
  await expect(viewer.getByTestId('pdf-zoom')).toHaveText('100 %');
  await expect.poll(width).toBeGreaterThan(792);
  expect(await width()).toBeLessThan(796);

  // Fit to width: the page fills the stage's width, and the figure says what that is.
  await viewer.getByRole('button', { name: 'Anpassa till bredd' }).click();
  await expect(viewer.getByRole('button', { name: 'Anpassa till bredd' })).toHaveAttribute('aria-pressed', 'true');
  const stageBox = (await stage.boundingBox())!;
  await expect.poll(width).toBeGreaterThan(stageBox.width - 80);
  const shown = Number((await viewer.getByTestId('pdf-zoom').textContent())!.replace(/\D/g, ''));
  expect(Math.abs(shown - Math.round(((await width()) / 793.7) * 100))).toBeLessThanOrEqual(1);

  // The toolbar stays in view while the page scrolls under it.
  await page.mouse.wheel(0, 600);
  await expect.poll(async () => (await viewer.getByTestId('pdf-toolbar').boundingBox())!.y).toBeGreaterThanOrEqual(0);
  await expect(viewer.getByTestId('pdf-toolbar')).toBeInViewport();

  // Reader mode fills the window at the same page; fit to page shows the whole page in it.
  await viewer.getByLabel('Sidnummer').fill('3');
  await expect(viewer.getByTestId('pdf-position')).toHaveText('Sida 3 av 6');
  const readerButton = viewer.getByRole('button', { name: 'Läsläge' });
  await readerButton.click();
  const reader = page.getByRole('dialog', { name: /^Läsläge: / });
  await expect(reader).toBeVisible();
  const size = page.viewportSize()!;
  const box = (await reader.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(size.width - 2);
  expect(box.height).toBeGreaterThanOrEqual(size.height - 2);
  const inReader = reader.getByRole('region', { name: /PDF-visare/ });
  await expect(inReader.getByTestId('pdf-position')).toHaveText('Sida 3 av 6');
  await inReader.getByRole('button', { name: 'Anpassa till sida' }).click();
  const pageBox = async () => (await inReader.getByTestId('pdf-stage').locator('canvas').boundingBox())!;
  await expect.poll(async () => (await pageBox()).y + (await pageBox()).height).toBeLessThanOrEqual(size.height);
  await expect(inReader.getByTestId('pdf-toolbar')).toBeInViewport();
  await expectAccessible(page);
  await snap(page, '05-handlingar-lasläge');

  // Esc leaves reader mode and gives focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(reader).toBeHidden();
  await expect(readerButton).toBeFocused();
});

test('refuses bad files with a Swedish message and stores nothing', async ({ page }) => {
  await openDocuments(page);
  await expect(page.getByTestId('attachment-row')).toHaveCount(1);
  const before = snapshotTree(host.dataDir);

  const bad = [
    { name: 'bild.pdf', buffer: Buffer.from(notAPdf()), message: /inte en PDF/i },
    { name: 'tom.pdf', buffer: Buffer.alloc(0), message: /tom/i },
    { name: 'skyddad.pdf', buffer: Buffer.from(makeEncryptedPdf()), message: /lösenord|krypter/i },
    { name: 'avbruten.pdf', buffer: Buffer.from(await makeCorruptPdf()), message: /skadad|ofullständig|kunde inte läsas/i },
  ];
  for (const file of bad) {
    await choose(page, [file]);
    const alert = page.getByRole('alert').filter({ hasText: `${file.name} lades inte till` });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(file.message);
    await alert.getByRole('button', { name: 'Stäng meddelandet' }).click();
  }
  await expect(page.getByTestId('attachment-row')).toHaveCount(1);
  expect(snapshotTree(host.dataDir)).toEqual(before);

  await choose(page, [bad[0]!]);
  await expect(page.getByRole('alert').filter({ hasText: 'bild.pdf lades inte till' })).toBeVisible();
  await snap(page, '04-handlingar-fel-fil');
});

test('drag and drop adds a PDF', async ({ page }) => {
  await openDocuments(page);
  const pdf = await makeMultiPagePdf(2, 'Dragen handling');
  // Runs in the page; the DOM types are not part of the Node test project, hence the narrow cast.
  const dataTransfer = await page.evaluateHandle((bytes) => {
    const w = globalThis as unknown as {
      DataTransfer: new () => { items: { add(file: unknown): void } };
      File: new (parts: unknown[], name: string, opts: { type: string }) => unknown;
    };
    const dt = new w.DataTransfer();
    dt.items.add(new w.File([new Uint8Array(bytes)], 'Dragen handling.pdf', { type: 'application/pdf' }));
    return dt;
  }, Array.from(pdf));
  await page.getByTestId('drop-pdf').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('button', { name: 'Dragen handling.pdf' })).toBeVisible();
  await expect(page.getByTestId('pdf-position')).toHaveText('Sida 1 av 2');
});

test('exports a cover sheet listing the attachments, and shows the about screen', async ({ page }) => {
  await openDocuments(page);
  await expect(page.getByTestId('attachment-row')).toHaveCount(2);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Skapa bilageförteckning (PDF)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^bilageforteckning-\d{4}-\d{2}-\d{2}\.pdf$/);
  const saved = await file.path();
  expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
  // The app keeps a copy, sealed at rest under the förbund's PIN (issue #14): never the PDF in clear.
  const kept = readFileSync(join(host.dataDir, 'exports', file.suggestedFilename()));
  expect(kept.subarray(0, 6).toString()).toBe('SBSEAL');
  expect(kept.includes(Buffer.from('%PDF-'))).toBe(false);

  await goTo(page, /^Om Styrelsebordet/);
  await expect(page.getByRole('heading', { level: 1, name: 'Om Styrelsebordet' })).toBeVisible();
  await expect(page.getByRole('cell', { name: host.dataDir })).toBeVisible();
  await expectAccessible(page);
  await snap(page, '05-om-styrelsebordet');

  // Keyboard only: from a fresh start the skip link comes first.
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Avsnitt' })).toBeVisible(); // the app, not the start-up screen
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Hoppa till innehållet' })).toBeFocused();
});
