import { expect, test } from '@playwright/test';
import { startWebHost, type StartedHost } from './host';
import { goTo } from './journeys';
import { expectAccessible, snap } from './screens';

let host: StartedHost;
test.beforeAll(async () => {
  host = await startWebHost({ viaNpm: true }); // exactly as the README tells a person
});
test.afterAll(async () => {
  await host?.stop();
});

test('the demonstration förbund opens a living app at once', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Utforska ett demoförbund' }).click();
  await expect(page.getByTestId('forbund-name')).toHaveText('Samordningsförbundet Östra Skaraborg', { timeout: 60_000 });
  await expect(page.getByTestId('signed-in')).toContainText('Birgitta Holmgren');
  await expect(page.getByTestId('count-Förbundsmedlemmar')).toContainText('5');
  await expect(page.getByTestId('count-Godkända nycklar')).toContainText('3');
  await expectAccessible(page);
  await snap(page, '20-demo-oversikt');

  await goTo(page, /^Förbundet/);
  await expect(page.getByTestId('person-row')).toHaveCount(12);
  await snap(page, '21-demo-forbundet');

  // The shared board document came with the packages and reads in the viewer.
  await goTo(page, /^Handlingar/);
  await page.getByRole('button', { name: 'Verksamhetsplan och budget 2027.pdf' }).click();
  await expect(page.getByTestId('pdf-position')).toHaveText(/^Sida 1 av [5-9]$/);
  await snap(page, '22-demo-handling');

  // Last week's meeting: justerat on the chair's and the justerare's laptops, imported here, in the archive.
  await goTo(page, /^Protokoll/);
  await expect(page.getByTestId('archive-row')).toHaveCount(1);
  await expect(page.getByTestId('archive-row')).toContainText(/§§ \d+–\d+/);
  await snap(page, '23-demo-protokoll');

  // Its outcome: the förstudie of Öppna vägar granted, shown again beside the project application.
  await goTo(page, /^Ansökningar/);
  await expect(page.getByTestId('application-outcome')).toHaveText([/^Beviljad 150 000 kr, /]);
  await page.getByRole('row').filter({ hasText: /Dnr \d{4}\/14/ }).getByRole('button', { name: 'Öppna vägar' }).click();
  await expect(page.getByTestId('earlier-decision')).toHaveText([/§ \d+ Ansökan om medel: Öppna vägar \(förstudie\): Bifall, 150 000 kr$/]);
  await snap(page, '24-demo-tidigare-beslut');
});
