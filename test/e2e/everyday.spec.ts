import { expect as baseExpect, test } from '@playwright/test';
import { closeLaptops, openLaptop } from './host';
import { acceptKey, applyPreview, chooseFile, choosePin, download, goTo, ownCode, previewPackage, sendPackage } from './journeys';
import { openDemoProject } from './journeys-applications';
import { expectAccessible, snapWidths } from './screens';

/**
 * Issue #15, the everyday journeys: a ledamot joins with an invitation that
 * names her (locked), works while her key waits for the förbundschef and sees
 * her own changes where they belong, marked as waiting; the package she makes
 * is "skapat", not "skickat", until the förbundschef's answer acknowledges it;
 * the förbundschef's preview says whom the package is for.
 */
test.describe.configure({ mode: 'serial' });
test.afterAll(closeLaptops);

const expect = baseExpect.configure({ timeout: 30_000 });
const PENDING = 'Väntar på att förbundschefen godkänner din nyckel – följer med nästa paket';
test('a ledamot works while her key waits: her own changes show where they belong, marked as waiting, and are never offered twice', async ({ browser }) => {
  test.setTimeout(600_000);
  const { page: chef } = await openLaptop(browser);
  await chef.getByRole('button', { name: 'Utforska ett demoförbund' }).click();
  await expect(chef.getByTestId('forbund-name')).toHaveText('Samordningsförbundet Östra Skaraborg', { timeout: 90_000 });
  const chefCode = await ownCode(chef);
  await goTo(chef, /^Paket Skicka/);
  const invitation = await download(chef, () => chef.getByRole('region', { name: 'Inbjudningar' }).getByRole('button', { name: 'Skapa inbjudan för Maria Sandberg' }).click());

  // The invitation names Maria: no list of everyone to choose from, nothing to change.
  const { page: maria } = await openLaptop(browser);
  await maria.getByRole('button', { name: 'Importera en inbjudan' }).click();
  await chooseFile(maria, 'Välj inbjudningsfil', invitation);
  await expect(maria.getByRole('heading', { name: /^Inbjudan till / })).toBeVisible({ timeout: 60_000 });
  await expect(maria.getByTestId('short-code').first()).toHaveText(chefCode);
  await expect(maria.getByTestId('invited-person')).toContainText('Maria Sandberg');
  await expect(maria.getByRole('radio')).toHaveCount(0);
  await expect(maria.getByText('Lena Åberg')).toHaveCount(0);
  await expectAccessible(maria);
  await snapWidths(maria, '15-inbjudan-lasta-person');
  await maria.getByLabel('Koden stämmer med den som förbundschefen läste upp').check();
  await maria.getByRole('button', { name: 'Gå med i förbundet' }).click();
  await choosePin(maria);
  await expect(maria.getByTestId('signed-in')).toContainText('Maria Sandberg', { timeout: 60_000 });

  // Her key waits for the förbundschef. She takes a stance, asks a question.
  await openDemoProject(maria);
  const review = maria.getByRole('region', { name: 'Min granskning' });
  await review.getByRole('radio', { name: 'Tillstyrker' }).check();
  await review.getByRole('button', { name: 'Spara ställningstagande' }).click();
  await expect(review.getByText(/Senast sparat .*: Tillstyrker/)).toBeVisible();
  await expect(review.getByText('Inget sparat ännu', { exact: false })).toHaveCount(0);
  await expect(review.getByTestId('pending-mine').first()).toHaveText(PENDING);
  await review.getByLabel('Ny fråga till förbundschefen').fill('Hur följs deltagarna upp efter ett år?');
  await review.getByRole('button', { name: 'Skicka fråga' }).click();
  const question = review.getByTestId('my-question');
  await expect(question).toContainText('Hur följs deltagarna upp efter ett år?');
  await expect(question.getByTestId('pending-mine')).toHaveText(PENDING);
  await expectAccessible(maria);
  await snapWidths(maria, '15-egen-granskning-vantar-pa-nyckel');

  // The list counts it as reviewed: "Att granska" is not offered again.
  await goTo(maria, /^Ansökningar/);
  const row = maria.getByTestId('application-row').filter({ hasText: 'Öppna vägar' }).filter({ hasNot: maria.getByTestId('application-outcome') });
  await expect(row).toContainText('Granskad');

  // She sends her package: it is made, not yet "sent".
  const keyBack = await sendPackage(maria, 'Förbundschefen');
  await expect(maria.getByTestId('package-made')).toContainText('Paketet är skapat – skicka filen till förbundschefen');
  await expect(maria.getByTestId('sync-state')).not.toHaveText('Allt är skickat');
  await expectAccessible(maria);
  await snapWidths(maria, '15-paket-skapat');

  // The förbundschef sees whom it is for, imports, accepts the key, answers the board.
  const preview = await previewPackage(chef, keyBack);
  await expect(preview).toContainText(/Till\s*Birgitta Holmgren/);
  await applyPreview(chef);
  await acceptKey(chef, 'Maria Sandberg');
  const answer = await sendPackage(chef, 'Hela styrelsen');
  await (await previewPackage(maria, answer)).waitFor();
  await applyPreview(maria);

  // Now her changes count for everyone: no longer waiting, and everything is acknowledged.
  await expect(maria.getByTestId('sync-state')).toHaveText('Allt är skickat');
  await openDemoProject(maria);
  await expect(review.getByText(/Senast sparat .*: Tillstyrker/)).toBeVisible();
  await expect(review.getByTestId('pending-mine')).toHaveCount(0);

  // Back, Forward and reload follow the address; the menu always shows a section's start (item 15).
  await openDemoProject(chef);
  await expect(chef).toHaveURL(/#\/ansokningar\/[0-9a-f-]+$/);
  await chef.goBack();
  await expect(chef.getByRole('table', { name: 'Ansökningar' })).toBeVisible();
  await chef.goForward();
  await expect(chef.getByRole('heading', { level: 1, name: 'Öppna vägar' })).toBeVisible();
  await chef.reload();
  await expect(chef.getByRole('heading', { level: 1, name: 'Öppna vägar' })).toBeVisible({ timeout: 60_000 });
  await goTo(chef, /^Ansökningar/);
  await expect(chef.getByRole('table', { name: 'Ansökningar' })).toBeVisible();
  await expect(chef).toHaveURL(/#\/ansokningar$/);

  // The demo is always marked, and can be left: back to the start screen (item 13).
  await goTo(chef, /^Översikt/);
  await expect(chef.getByTestId('demo-badge')).toHaveText('Demo');
  await expectAccessible(chef);
  await snapWidths(chef, '15-oversikt-demo');
  await chef.getByRole('button', { name: 'Lämna demoförbundet' }).click();
  await chef.getByRole('dialog', { name: 'Lämna demoförbundet?' }).getByRole('button', { name: 'Lämna demoförbundet' }).click();
  await expect(chef.getByRole('button', { name: 'Utforska ett demoförbund' })).toBeVisible();
  await expect(chef.getByTestId('demo-badge')).toHaveCount(0);
});
