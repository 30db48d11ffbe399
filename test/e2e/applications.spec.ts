import { expect, test } from '@playwright/test';
import { startWebHost, type StartedHost } from './host';
import { goTo } from './journeys';
import { expectAccessible, snapWidths } from './screens';

let host: StartedHost;
test.beforeAll(async () => {
  host = await startWebHost();
});
test.afterAll(async () => {
  await host?.stop();
});

test('the förbundschef sees the demo ansökningar, the members’ stances, answers a question and reads the PDF beside the budget', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Utforska ett demoförbund' }).click();
  await expect(page.getByTestId('forbund-name')).toHaveText('Samordningsförbundet Östra Skaraborg', { timeout: 60_000 });

  await goTo(page, /^Ansökningar/);
  await expect(page.getByRole('heading', { level: 1, name: 'Ansökningar' })).toBeVisible();
  // The two to review and the förstudie of Öppna vägar the board granted at its last meeting.
  await expect(page.getByTestId('application-row')).toHaveCount(3);
  // Search as you type, Swedish letters in any case: the project and its förstudie.
  await page.getByLabel('Sök i ansökningar').fill('ÖPPNA');
  await expect(page.getByTestId('application-row')).toHaveCount(2);
  // The text of the attached PDF is searched too: this word stands only in the project's PDF.
  await page.getByLabel('Sök i ansökningar').fill('folkbokförda');
  await expect(page.getByTestId('application-row')).toHaveCount(1);
  await expect(page.getByTestId('application-row')).toContainText('Öppna vägar');
  await expectAccessible(page);
  await snapWidths(page, '30-ansokningar-lista');

  await page.getByRole('button', { name: 'Öppna vägar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Öppna vägar' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Budget per år och kostnadsslag' })).toContainText('700 000 kr');
  await expect(page.getByTestId('stance-count-Tillstyrker')).toContainText('1');
  await expect(page.getByTestId('stance-count-Vill diskutera')).toContainText('1');

  const question = page.getByRole('article', { name: 'Fråga från Lena Åberg' });
  await question.getByLabel('Svar till Lena Åberg').fill('Kommunen har beslutat att ta över lotsfunktionen från 2029.');
  await question.getByRole('button', { name: 'Svara' }).click();
  await expect(page.getByRole('heading', { name: 'Besvarade frågor (1)' })).toBeVisible();

  await page.getByRole('button', { name: /^Visa bilagan/ }).click();
  await expect(page.getByTestId('pdf-position')).toHaveText('Sida 1 av 5');
  await expectAccessible(page);
  await snapWidths(page, '31-ansokan-granskning-med-pdf');
});
