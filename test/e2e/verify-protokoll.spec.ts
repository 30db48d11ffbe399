import { expect, test } from '@playwright/test';
import { PDFDocument, rgb } from 'pdf-lib';
import { closeLaptops, openLaptop } from './host';
import { chooseFile, download, goTo } from './journeys';
import { openMinutes } from './journeys-meetings';
import { expectAccessible, snap } from './screens';

/**
 * Issue #12 in the app: on the demo förbund the förbundschef exports the
 * signed protokoll of last week's meeting (PAdES-signed by her certificate
 * from the förbund's CA), checks it in "Kontrollera protokoll" (OK, the chair
 * and the justerare named), then a copy with a white box drawn over a
 * decision (the signature no longer holds). A stranger's laptop with no
 * förbund checks the genuine file: without the CA fingerprint nothing is
 * anchored and the screen shows the fingerprint to compare; with it, OK.
 */

test.afterAll(closeLaptops);

/** A white box over the top of page 2, saved by rewriting the file as a PDF editor would. */
async function drawWhiteBox(bytes: Buffer): Promise<Buffer> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const page = doc.getPage(1);
  const { width, height } = page.getSize();
  page.drawRectangle({ x: 50, y: height - 400, width: width - 100, height: 280, color: rgb(1, 1, 1) });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

test('the förbundschef checks the exported protokoll, and a tampered copy shows what fails', async ({ browser }) => {
  const { page: chef } = await openLaptop(browser);
  await chef.getByRole('button', { name: 'Utforska ett demoförbund' }).click();
  await expect(chef.getByTestId('forbund-name')).toHaveText('Samordningsförbundet Östra Skaraborg', { timeout: 90_000 });

  // Översikt shows the förbund CA's fingerprint, as every protokoll prints it.
  await goTo(chef, /^Översikt/);
  const caText = (await chef.getByTestId('ca-fingerprint').textContent()) ?? '';
  const ca = /((?:[0-9A-F]{4} ){15}[0-9A-F]{4})/.exec(caText)?.[1];
  expect(ca, caText).toBeDefined();

  // The signed protokoll of last week's meeting.
  await goTo(chef, /^Protokoll/);
  const date = ((await chef.getByTestId('archive-row').first().textContent()) ?? '').match(/\d{4}-\d{2}-\d{2}/)?.[0];
  expect(date).toBeDefined();
  await openMinutes(chef, date!, 'Protokoll och justering');
  const pdf = await download(chef, () => chef.getByRole('button', { name: 'Exportera signerat protokoll' }).click());

  await goTo(chef, /^Kontrollera protokoll/);
  await expect(chef.getByRole('heading', { name: 'Kontrollera ett protokoll' })).toBeVisible();
  await chooseFile(chef, 'Välj protokoll', pdf);
  const result = chef.getByTestId('verify-result');
  await expect(result).toHaveAttribute('data-ok', 'true', { timeout: 60_000 });
  await expect(result).toContainText('Protokollet håller');
  // In the order of signaturer.jsonl (the log's order), so each is looked for on its own.
  const signers = chef.getByTestId('verify-signers').getByRole('listitem');
  await expect(signers).toHaveCount(2);
  await expect(signers.filter({ hasText: /^Lena Åberg, ordförande, / })).toHaveCount(1);
  await expect(signers.filter({ hasText: /^Olle Ström, justerare, / })).toHaveCount(1);
  await expect(result).toContainText('Signerat i PDF-filen av Birgitta Holmgren');
  await expect(result).toContainText(ca!);
  await expectAccessible(chef);
  await snap(chef, '12-kontrollera-ok');

  await chooseFile(chef, 'Välj protokoll', { name: 'manipulerad.pdf', bytes: await drawWhiteBox(pdf.bytes) });
  await expect(result).toHaveAttribute('data-ok', 'false', { timeout: 60_000 });
  await expect(result).toContainText('Protokollet håller inte');
  await expect(result).toContainText('PDF-signatur 1 håller inte: filen har ändrats efter signeringen');
  await expectAccessible(chef);
  await snap(chef, '12-kontrollera-manipulerad');

  // Someone outside the förbund: no CA of their own until they type the published one.
  const { page: stranger } = await openLaptop(browser);
  await stranger.getByRole('button', { name: /^Kontrollera protokoll/ }).click();
  await chooseFile(stranger, 'Välj protokoll', pdf);
  const theirs = stranger.getByTestId('verify-result');
  await expect(theirs).toHaveAttribute('data-ok', 'false', { timeout: 60_000 });
  await expect(theirs).toContainText('Förbundets CA är inte angiven');
  await expect(theirs).toContainText(ca!);
  await stranger.getByLabel('Förbundets CA-fingeravtryck').fill(ca!);
  await stranger.getByRole('button', { name: 'Kontrollera igen' }).click();
  await expect(theirs).toHaveAttribute('data-ok', 'true', { timeout: 60_000 });
  await snap(stranger, '12-kontrollera-utomstaende');
});
