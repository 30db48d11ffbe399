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
  const region = page.getByRole('region', { name: 'Din närvaro' });
  await expect(region).toContainText('Du har anmält förhinder');
  // Issue #15 item 16: focus goes to the result, not to the page body (the button that opened the dialog is gone).
  await expect(region.getByTestId('absence-status')).toBeFocused();
}

/** Steps below wait up to a minute: saving folds and signs on a machine that may be heavily shared. */
const slow = expect.configure({ timeout: 60_000 });

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

/** Protokoll → the meeting on `date` → one of its tabs ('För protokoll' or 'Protokoll och justering'). */
export async function openMinutes(page: Page, date: string, tab: 'För protokoll' | 'Protokoll och justering') {
  await goTo(page, /^Protokoll/);
  const back = page.getByRole('button', { name: 'Tillbaka till protokollen' });
  if (await back.isVisible()) await back.click();
  await page.getByRole('button', { name: `Öppna sammanträdet ${date}` }).click();
  await page.getByRole('tab', { name: tab }).click();
}

/** Närvaro: everyone called is present unless named in `absent`; saved at once. */
export async function recordAttendance(page: Page, absent: string[]) {
  for (const name of absent) await page.getByRole('checkbox', { name: `${name} närvarande` }).uncheck();
  await page.getByRole('button', { name: 'Spara närvaron' }).click();
  await slow(page.getByText('Närvaron är antecknad', { exact: true }).first()).toBeVisible();
}

/** Opens one § of the föredragningslista in the minutes; returns its form. */
export async function openParagraph(page: Page, title: string | RegExp) {
  await page.getByRole('navigation', { name: 'Paragrafer' }).getByRole('button', { name: title }).click();
  return page.getByRole('region', { name: typeof title === 'string' ? new RegExp(`^§ \\d+ ${title}`) : title });
}

export interface DecisionSteps {
  outcome?: string;
  jav?: string[];
  votes?: Record<string, 'Ja' | 'Nej' | 'Avstår'>;
  reservations?: string[];
  adjusters?: string[];
}

/** Fills in one § (beslut, jäv, omröstning, reservationer, justerare) and saves it. Returns the form for assertions. */
export async function recordDecision(page: Page, title: string, steps: DecisionSteps, expectSaved = true) {
  const form = await openParagraph(page, title);
  if (steps.outcome) await form.getByLabel('Beslut', { exact: true }).selectOption({ label: steps.outcome });
  for (const name of steps.adjusters ?? []) await form.getByRole('checkbox', { name }).check();
  for (const name of steps.jav ?? []) {
    // Jäv declared on the ansökan before the meeting is already filled in for those present.
    const rows = form.getByLabel(/^Jävig \d+$/);
    const n = await rows.count();
    const listed: string[] = [];
    for (let k = 0; k < n; k++) listed.push(((await rows.nth(k).locator('option:checked').textContent()) ?? '').trim());
    if (listed.includes(name)) continue;
    await form.getByRole('button', { name: 'Anteckna jäv' }).click();
    await form.getByLabel(`Jävig ${n + 1}`).selectOption({ label: name });
  }
  if (steps.votes) {
    await form.getByRole('checkbox', { name: 'Omröstning begärs' }).check();
    for (const [name, vote] of Object.entries(steps.votes)) await form.getByRole('radio', { name: `${name}: ${vote}` }).check();
  }
  for (const [i, name] of (steps.reservations ?? []).entries()) {
    await form.getByRole('button', { name: 'Anteckna reservation' }).click();
    await form.getByLabel(`Reservation ${i + 1} av`).selectOption({ label: name });
  }
  await form.getByRole('button', { name: /^Spara §/ }).click();
  if (expectSaved) await slow(page.getByText(/^§ \d+ är protokollförd$/).first()).toBeVisible();
  return form;
}

/** The chair or a justerare attests the latest draft in the confirm dialog; returns the hash the dialog showed. */
export async function attestProtokoll(page: Page, date: string): Promise<string> {
  await openMinutes(page, date, 'Protokoll och justering');
  await page.getByRole('button', { name: 'Justera protokollet' }).click();
  const dialog = page.getByRole('dialog', { name: 'Justera protokollet?' });
  await slow(dialog.getByTestId('short-code')).toBeVisible();
  const hash = (await dialog.getByTestId('attest-hash').textContent())!.replace(/\s+/g, '');
  await dialog.getByRole('button', { name: 'Justera protokollet' }).click();
  await slow(page.getByText('Justerat', { exact: true }).first()).toBeVisible();
  return hash;
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

/** The chair or a justerare sends the draft back with a comment. */
export async function returnProtokoll(page: Page, date: string, comment: string) {
  await openMinutes(page, date, 'Protokoll och justering');
  await page.getByRole('button', { name: 'Skicka tillbaka' }).click();
  const dialog = page.getByRole('dialog', { name: 'Skicka tillbaka protokollet' });
  await dialog.getByLabel('Varför skickas protokollet tillbaka?').fill(comment);
  await dialog.getByRole('button', { name: 'Skicka tillbaka' }).click();
  await slow(dialog).toBeHidden();
}

/** The secretary makes a (corrected) draft and makes the package for the chair and the justerare. */
export async function draftAndSendForJustering(page: Page, date: string, corrected = false) {
  await openMinutes(page, date, 'Protokoll och justering');
  await page.getByRole('button', { name: corrected ? 'Skapa rättat protokollsutkast' : 'Skapa protokollsutkast' }).click();
  await slow(page.getByRole('button', { name: 'Skicka för justering' })).toBeVisible();
  await page.getByRole('button', { name: 'Skicka för justering' }).click();
  const region = page.getByRole('region', { name: 'Skicka ändringar' });
  await expect(region.getByRole('radio', { name: /^För justering: / })).toBeChecked();
  return download(page, () => region.getByRole('button', { name: 'Skapa paket' }).click());
}

/** Closes the meeting with its end time (Mötets avslutande). */
export async function closeMeeting(page: Page, endTime: string) {
  await page.getByRole('button', { name: 'Avsluta sammanträdet' }).click();
  const dialog = page.getByRole('dialog', { name: 'Avsluta sammanträdet?' });
  await dialog.getByLabel('Sluttid').fill(endTime);
  await dialog.getByRole('button', { name: 'Avsluta sammanträdet' }).click();
  await slow(dialog).toBeHidden();
  await slow(page.getByText(`Sammanträdet avslutades kl. ${endTime.replace(':', '.')}.`)).toBeVisible();
}

/** Ansökningar → the demo's project Öppna vägar, not its förstudie of the same name that the board granted at the held meeting. */
export async function openDemoProject(page: Page) {
  await goTo(page, /^Ansökningar/);
  const row = page.getByTestId('application-row').filter({ hasText: 'Öppna vägar' }).filter({ hasNot: page.getByTestId('application-outcome') });
  await row.getByRole('button', { name: 'Öppna vägar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Öppna vägar' })).toBeVisible();
}
