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
  await expect(page.getByText('Paketet importerades')).toBeVisible();
}
