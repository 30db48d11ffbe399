import { expect, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** Steps a person takes, in the words on the screen. Shared by the end-to-end specs. */

export const FORBUND = { name: 'Samordningsförbundet Västra Skaraborg', orgNr: '222000-0018' };

export async function setUpForbund(page: Page, director = { name: 'Dana Direktör', email: 'dana@vastraskaraborg.example' }) {
  await expect(page.getByRole('heading', { name: 'Välkommen till Styrelsebordet' })).toBeVisible();
  await page.getByRole('button', { name: 'Sätt upp ett nytt förbund' }).click();
  await page.getByLabel('Förbundets namn').fill(FORBUND.name);
  await page.getByLabel('Organisationsnummer').fill(FORBUND.orgNr);
  await page.getByLabel('Ditt namn').fill(director.name);
  await page.getByLabel('Din e-post').fill(director.email);
  await page.getByRole('button', { name: 'Skapa förbundet' }).click();
  await expect(page.getByTestId('forbund-name')).toHaveText(FORBUND.name);
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
  await expect(page.getByText('Paketet skapades')).toBeVisible();
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
  await page.getByRole('button', { name: 'Importera', exact: true }).click();
  await expect(page.getByText('Paketet importerades')).toBeVisible({ timeout: 30_000 });
}

/** Joins a förbund on a new laptop with an invitation, after checking the förbundschef's code. */
export async function joinWithInvitation(page: Page, invitation: { name: string; bytes: Buffer }, who: string, directorCode: string) {
  await page.getByRole('button', { name: 'Importera en inbjudan' }).click();
  await chooseFile(page, 'Välj inbjudningsfil', invitation);
  await expect(page.getByRole('heading', { name: /^Inbjudan till / })).toBeVisible();
  await expect(page.getByTestId('short-code').first()).toHaveText(directorCode);
  await page.getByLabel('Koden stämmer med den som förbundschefen läste upp').check();
  await page.getByRole('radio', { name: new RegExp(`^${who}`) }).check();
  await page.getByRole('button', { name: 'Gå med i förbundet' }).click();
  await expect(page.getByTestId('signed-in')).toContainText(who, { timeout: 30_000 });
}

/** This laptop's key code, as shown on Översikt. */
export async function ownCode(page: Page): Promise<string> {
  await goTo(page, /^Översikt/);
  const region = page.getByRole('region', { name: 'Den här datorns nyckel' });
  return (await region.getByTestId('short-code').first().textContent())!.trim();
}

export interface MeetingInput {
  place: string;
  /** Default: what the form proposes (two weeks ahead). */
  date?: string;
  time?: string;
  distance?: string;
  justering?: { date: string; place: string };
}

/**
 * Förbundschef: plans a sammanträde with the standard föredragningslista
 * (open ansökningar included) and saves it. Returns the date, and leaves the
 * meeting's page open.
 */
export async function createMeeting(page: Page, input: MeetingInput): Promise<string> {
  await goTo(page, /^Sammanträden/);
  await page.getByRole('button', { name: 'Nytt sammanträde' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nytt sammanträde' })).toBeVisible();
  if (input.date) await page.getByRole('textbox', { name: 'Datum', exact: true }).fill(input.date);
  if (input.time) await page.getByLabel('Starttid').fill(input.time);
  await page.getByRole('textbox', { name: 'Plats', exact: true }).fill(input.place);
  if (input.distance) {
    await page.getByLabel('Deltagande på distans erbjuds').check();
    await page.getByLabel('Så deltar man på distans').fill(input.distance);
  }
  if (input.justering) {
    await page.getByLabel('Justeringens datum').fill(input.justering.date);
    await page.getByLabel('Justeringens plats').fill(input.justering.place);
  }
  const date = await page.getByRole('textbox', { name: 'Datum', exact: true }).inputValue();
  await page.getByRole('button', { name: 'Spara sammanträdet' }).click();
  // Signing and folding the whole log again takes a while on a busy machine.
  await expect(page.getByRole('heading', { level: 1, name: `Styrelsens sammanträde ${date}` })).toBeVisible({ timeout: 30_000 });
  return date;
}

/** A called member: opens the meeting from Översikt and reports förhinder with a reason. */
export async function reportAbsence(page: Page, reason: string) {
  await goTo(page, /^Översikt/);
  await page.getByRole('region', { name: 'Nästa sammanträde' }).getByRole('button', { name: 'Anmäl förhinder' }).click();
  await page.getByRole('region', { name: 'Din närvaro' }).getByRole('button', { name: 'Anmäl förhinder' }).click();
  const dialog = page.getByRole('dialog', { name: 'Anmäl förhinder' });
  await dialog.getByLabel('Anledning (valfritt)').fill(reason);
  await dialog.getByRole('button', { name: 'Anmäl förhinder' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Din närvaro' })).toContainText('Du har anmält förhinder');
}
