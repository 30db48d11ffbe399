import { expect, type Page } from '@playwright/test';
import { download, goTo, slow } from './journeys';

/** Steps of a meeting and its protokoll: planning, förhinder, För protokoll, justering, closing. */

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
