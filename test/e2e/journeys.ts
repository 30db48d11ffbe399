import { expect, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/**
 * Steps a person takes, in the words on the screen, shared by the end-to-end
 * specs: setting up, members, packages, joining and keys. The meeting and
 * protokoll steps are in journeys-meetings.ts, the ansökan and delegation
 * steps in journeys-applications.ts.
 */

export const FORBUND = { name: 'Samordningsförbundet Västra Skaraborg', orgNr: '222000-0018' };

export async function setUpForbund(page: Page, director = { name: 'Dana Direktör', email: 'dana@vastraskaraborg.example' }) {
  await expect(page.getByRole('heading', { name: 'Välkommen till Styrelsebordet' })).toBeVisible();
  await page.getByRole('button', { name: 'Sätt upp ett nytt förbund' }).click();
  await page.getByLabel('Förbundets namn').fill(FORBUND.name);
  await page.getByLabel('Organisationsnummer').fill(FORBUND.orgNr);
  await page.getByLabel('Ditt namn').fill(director.name);
  await page.getByLabel('Din e-post').fill(director.email);
  await page.getByRole('button', { name: 'Skapa förbundet' }).click();
  await choosePin(page);
  await expect(page.getByTestId('forbund-name')).toHaveText(FORBUND.name);
}

/** The PIN that e2e laptops lock with. */
export const PIN = '246810';

/** The last step of set-up: the PIN that locks this laptop (set-up and joining with an invitation). */
export async function choosePin(page: Page, pin = PIN) {
  await expect(page.getByRole('heading', { name: 'Välj en PIN-kod' })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('PIN-kod', { exact: true }).fill(pin);
  await page.getByLabel('Upprepa PIN-koden').fill(pin);
  await page.getByRole('button', { name: 'Spara PIN-koden' }).click();
}

export async function goTo(page: Page, section: RegExp) {
  await page.getByRole('navigation', { name: 'Avsnitt' }).getByRole('button', { name: section }).click();
}

export async function addOrganisation(page: Page, name: string, kind: string, contribution: number) {
  await page.getByRole('button', { name: 'Lägg till förbundsmedlem' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lägg till förbundsmedlem' });
  await dialog.getByLabel('Namn').fill(name);
  await dialog.getByLabel('Typ').selectOption({ label: kind });
  await dialog.getByLabel(/^Bidrag \d{4} \(kr\)/).fill(String(contribution));
  await dialog.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('organisation-row').filter({ hasText: name })).toBeVisible();
}

export async function addBoardMember(page: Page, name: string, email: string, organisation: string, role: string) {
  await page.getByRole('button', { name: 'Lägg till person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lägg till person' });
  await dialog.getByLabel('Namn').fill(name);
  await dialog.getByLabel('E-post').fill(email);
  await dialog.getByLabel('Företräder').selectOption({ label: organisation });
  await dialog.getByRole('button', { name: 'Lägg till uppdrag' }).click();
  const assignment = dialog.getByRole('group', { name: 'Uppdrag 1' });
  await assignment.getByLabel('Roll').selectOption({ label: role });
  await assignment.getByLabel('Organisation').selectOption({ label: organisation });
  await dialog.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('person-row').filter({ hasText: name })).toBeVisible();
}

/** Clicks a button that makes a file and returns its name and bytes, as the user would save it. */
export async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const waiting = page.waitForEvent('download');
  await click();
  const file: Download = await waiting;
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

export async function chooseFile(page: Page, button: RegExp | string, file: { name: string; bytes: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.bytes });
}

export async function sendPackage(page: Page, recipient: 'Förbundschefen' | 'Hela styrelsen') {
  await goTo(page, /^Paket Skicka/);
  const region = page.getByRole('region', { name: 'Skicka ändringar' });
  await region.getByRole('radio', { name: recipient }).check();
  const file = await download(page, () => region.getByRole('button', { name: 'Skapa paket' }).click());
  // The panel's lasting record, not the notice: a notice closes by itself after a few seconds.
  await expect(region.getByTestId('package-made')).toContainText(file.name, { timeout: 60_000 });
  // Issue #15 item 11: the browser has no "Visa i mappen" (Electron only); the panel says where downloads go.
  await expect(region.getByTestId('package-made')).toContainText('webbläsarens mapp för hämtade filer');
  await expect(region.getByRole('button', { name: /i mappen$/ })).toHaveCount(0);
  expect(file.name).toMatch(/\.sbpaket$/);
  return file;
}

/** Imports a package on the Paket screen: preview first, then apply. Returns the preview region for assertions. */
export async function previewPackage(page: Page, file: { name: string; bytes: Buffer }) {
  await goTo(page, /^Paket Skicka/);
  await chooseFile(page, 'Importera paket', file);
  const preview = page.getByRole('region', { name: `Förhandsgranskning: ${file.name}` });
  await expect(preview).toBeVisible();
  return preview;
}

export async function applyPreview(page: Page) {
  const heading = page.getByRole('heading', { name: /^Förhandsgranskning: / });
  const fileName = ((await heading.textContent()) ?? '').trim().replace(/^Förhandsgranskning: /, '');
  await page.getByRole('button', { name: 'Importera', exact: true }).click();
  // Checking signatures and PDFs and folding the events takes a while with attachments on a busy machine.
  // Waits on the panel's lasting record of this import, not on the notice that closes by itself.
  await expect(page.getByTestId('package-imported')).toContainText(`Senast importerat: ${fileName}.`, { timeout: 60_000 });
}

/** Carries a package from one laptop to another: made on `from` for `recipient`, previewed and imported on `to`. */
export async function carry(from: Page, to: Page, recipient: 'Förbundschefen' | 'Hela styrelsen') {
  await previewPackage(to, await sendPackage(from, recipient));
  await applyPreview(to);
}

/**
 * A member who has just joined is let in: her key goes back to the
 * förbundschef, who accepts it and answers with a board package.
 */
export async function welcomeMember(chef: Page, member: Page, name: string) {
  await carry(member, chef, 'Förbundschefen');
  await acceptKey(chef, name);
  await carry(chef, member, 'Hela styrelsen');
}

/** Steps below wait up to a minute: saving folds and signs on a machine that may be heavily shared. */
export const slow = expect.configure({ timeout: 60_000 });

/** Joins a förbund on a new laptop with an invitation, after comparing the förbundschef's code. */
export async function joinWithInvitation(page: Page, invitation: { name: string; bytes: Buffer }, who: string, directorCode: string) {
  await page.getByRole('button', { name: 'Importera en inbjudan' }).click();
  await chooseFile(page, 'Välj inbjudningsfil', invitation);
  await slow(page.getByRole('heading', { name: /^Inbjudan till / })).toBeVisible();
  await slow(page.getByTestId('short-code').first()).toHaveText(directorCode);
  await page.getByLabel('Koden stämmer med den som förbundschefen läste upp').check();
  // The invitation names its person: preselected and locked (no choice of someone else).
  await expect(page.getByTestId('invited-person')).toContainText(who);
  await expect(page.getByRole('radio')).toHaveCount(0);
  await page.getByRole('button', { name: 'Gå med i förbundet' }).click();
  await choosePin(page);
  await slow(page.getByTestId('signed-in')).toContainText(who);
  // Issue #15 item 16: after joining, focus is on the heading of the first screen, never the page body.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
}

/** This laptop's key code, as Översikt shows it. */
export async function ownCode(page: Page): Promise<string> {
  await goTo(page, /^Översikt/);
  const region = page.getByRole('region', { name: 'Den här datorns nyckel' });
  return (await region.getByTestId('short-code').first().textContent())!.trim();
}

/** The förbundschef accepts a key after comparing its code (Översikt). */
export async function acceptKey(page: Page, who: string) {
  await goTo(page, /^Översikt/);
  await page.getByRole('button', { name: `Godkänn nyckel för ${who}` }).click();
  await page.getByRole('dialog', { name: 'Godkänn nyckeln?' }).getByRole('button', { name: 'Godkänn nyckeln' }).click();
  // Lasting state: the key no longer waits. (The notice's words also occur in Översikt's explanation.)
  await slow(page.getByRole('button', { name: `Godkänn nyckel för ${who}` })).toHaveCount(0);
}
