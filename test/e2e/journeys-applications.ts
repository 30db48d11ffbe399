import { expect, type Page } from '@playwright/test';
import { chooseFile, goTo } from './journeys';

/** Steps of ansökningar and delegationsbeslut. */

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

/**
 * Förbundschef, Delegationer: records a delegationsbeslut by the form; returns
 * the dialog (hidden when it was stored, still open with the refusal when not).
 */
export async function recordDelegationDecision(page: Page, d: { dnr: string; point: string; decidedBy: string; text: string; amount: string }) {
  await goTo(page, /^Delegationer/);
  await page.getByRole('button', { name: 'Registrera delegationsbeslut' }).click();
  const dialog = page.getByRole('dialog', { name: 'Registrera delegationsbeslut' });
  await dialog.getByLabel('Diarienummer').fill(d.dnr);
  await dialog.getByLabel('Punkt i delegationsordningen').selectOption({ label: d.point });
  await dialog.getByLabel('Beslutsfattare').selectOption({ label: d.decidedBy });
  await dialog.getByRole('textbox', { name: 'Beslut', exact: true }).fill(d.text);
  await dialog.getByLabel('Belopp (kr)').fill(d.amount);
  await dialog.getByRole('button', { name: 'Signera och registrera' }).click();
  return dialog;
}

/** Ansökningar → the demo's project Öppna vägar, not its förstudie of the same name that the board granted at the held meeting. */
export async function openDemoProject(page: Page) {
  await goTo(page, /^Ansökningar/);
  const row = page.getByTestId('application-row').filter({ hasText: 'Öppna vägar' }).filter({ hasNot: page.getByTestId('application-outcome') });
  await row.getByRole('button', { name: 'Öppna vägar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Öppna vägar' })).toBeVisible();
}
