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
  await expect(page.getByText('Paketet skapades')).toBeVisible({ timeout: 60_000 });
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
  // Checking signatures and PDFs and folding the events takes a while with attachments on a busy machine.
  await expect(page.getByText('Paketet importerades')).toBeVisible({ timeout: 60_000 });
}

/** An ansökan as the förbundschef types it into the registration form (only what the tests vary). */
export interface ApplicationEntry {
  registrationNumber: string;
  name: string;
  receivedOn: string;
  parties: string[];
  owner: string;
  contact?: string;
  period: { from: string; to: string };
  background?: string;
  goal?: { text: string; target: string };
  budget: { year: string; category: string; description?: string; fte?: string; sought: number; coFinancing?: { financier: string; amount: number; inKind?: boolean } }[];
  followUpReference?: string;
  implementation?: string;
  attachments?: { name: string; bytes: Buffer; confidential?: string }[];
}

/** The Ansökningar list, also from a review page (the section stays on the page it shows). */
export async function toApplicationList(page: Page) {
  await goTo(page, /^Ansökningar/);
  const back = page.getByRole('button', { name: 'Tillbaka till listan' });
  if (await back.isVisible()) await back.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ansökningar' })).toBeVisible();
}

export async function openRegistrationForm(page: Page) {
  await toApplicationList(page);
  await page.getByRole('button', { name: 'Registrera ansökan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registrera ansökan' })).toBeVisible();
}

/** Fills the registration form field by field, as a person would, in the order the form reads. */
export async function fillApplicationForm(page: Page, a: ApplicationEntry) {
  await page.getByLabel('Diarienummer').fill(a.registrationNumber);
  await page.getByRole('textbox', { name: 'Inkom' }).fill(a.receivedOn);
  await page.getByLabel('Insatsens namn').fill(a.name);
  for (const party of a.parties) await page.getByRole('checkbox', { name: new RegExp(`^${party}( \\(|$)`) }).check();
  await page.getByRole('combobox', { name: 'Insatsägare' }).selectOption({ label: a.owner });
  if (a.contact) await page.getByRole('region', { name: 'Kontaktperson' }).getByLabel('Namn').fill(a.contact);
  await page.getByRole('textbox', { name: 'Startdatum' }).fill(a.period.from);
  await page.getByRole('textbox', { name: 'Slutdatum' }).fill(a.period.to);
  if (a.background) await page.getByRole('textbox', { name: 'Bakgrund och problembeskrivning' }).fill(a.background);
  if (a.goal) {
    await page.getByRole('button', { name: 'Lägg till mål' }).click();
    const goal = page.getByRole('group', { name: 'Mål 1' });
    await goal.getByRole('textbox', { name: 'Mål 1' }).fill(a.goal.text);
    await goal.getByLabel('Mätbart mål').fill(a.goal.target);
  }
  const counts = new Map<string, number>();
  for (const line of a.budget) {
    const n = (counts.get(line.year) ?? 0) + 1;
    counts.set(line.year, n);
    if (n === 1) {
      await page.getByLabel('Nytt budgetår').fill(line.year);
      await page.getByRole('button', { name: 'Lägg till år', exact: true }).click();
    }
    await page.getByRole('button', { name: `Lägg till kostnadsrad ${line.year}` }).click();
    const row = page.getByRole('group', { name: `Kostnadsrad ${n} år ${line.year}` });
    await row.getByLabel('Kostnadsslag').selectOption({ label: line.category });
    if (line.description) await row.getByLabel('Beskrivning').fill(line.description);
    if (line.fte) await row.getByLabel('Årsarbetskrafter').fill(line.fte);
    await row.getByLabel('Sökt belopp (kr)').fill(String(line.sought));
    if (line.coFinancing) {
      await row.getByRole('button', { name: 'Lägg till medfinansiering' }).click();
      await row.getByLabel('Medfinansiär').selectOption({ label: line.coFinancing.financier });
      await row.getByLabel('Medfinansiering (kr)').fill(String(line.coFinancing.amount));
      if (line.coFinancing.inKind) await row.getByLabel('I annat än pengar').check();
    }
  }
  if (a.followUpReference) await page.getByLabel('Referens i Uppföljning Finsam').fill(a.followUpReference);
  if (a.implementation) await page.getByLabel('Implementeringsalternativ').selectOption({ label: a.implementation });
  for (const file of a.attachments ?? []) {
    await chooseFile(page, 'Lägg till PDF-bilaga', file);
    const group = page.getByRole('group', { name: new RegExp(`: ${file.name.replace(/[.()]/g, '\\$&')}$`) });
    // The main side checks the whole PDF before it stores it.
    await expect(group).toBeVisible({ timeout: 30_000 });
    if (file.confidential) {
      await group.getByLabel('Omfattas av sekretess').check();
      await group.getByLabel('Bestämmelse i OSL').fill(file.confidential);
    }
  }
}

/** Saves the form and confirms the signing dialog; ends on the new ansökan's review page. */
export async function signApplication(page: Page, name: string, button = 'Registrera ansökan') {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Signeras med den här datorns nyckel');
  await dialog.getByRole('button', { name: 'Signera och registrera' }).click();
  // Signing and folding take a moment on a busy machine.
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 30_000 });
}
