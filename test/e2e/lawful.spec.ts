import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Handlers } from '../../shared/contract';
import { runDemoScenario } from '../../electron/services/demo/scenario';
import { call, closeLaptops, eventCount, openLaptop, startWebHost, type Laptop, type StartedHost } from './host';
import { choosePin, goTo } from './journeys';
import { openMinutes, openParagraph, recordAttendance } from './journeys-meetings';
import { expectAccessible, snap } from './screens';

/**
 * Issue #13, a protokoll that holds up in a laglighetsprövning, on the demo
 * förbund played on Thursday 2027-01-14 (its protokoll is justerat that day,
 * the anslag is left to record): the laptops' clock is moved by a test-only
 * preload (fake-clock.mjs), the browser's by Playwright's clock.
 * - the anslag recorded two days after justering (Saturday 2027-01-16): the
 *   appeal end, three weeks later a Saturday, moves to Monday 2027-02-08;
 * - a meeting planned on trettondedag jul is warned;
 * - staff chosen as justerare is refused with the reason;
 * - a val with a closed vote ending in a tie, decided by lottning;
 * - with the ordförande and the vice ordförande away, a temporary chair
 *   decides a tie with the casting vote;
 * - a protokollsanteckning without the meeting's permission is refused;
 * - the förbundsordning's number of seats (set on Förbundet) makes a § with
 *   every ledamot serving not quorate.
 */

const JUSTERING = '2027-01-14T08:00:00.000Z';
const LATER = '2027-01-18T09:00:00.000Z';
const clockFile = join(mkdtempSync(join(tmpdir(), 'sb-e2e-clock-')), 'now.txt');
const setClock = (iso: string) => writeFileSync(clockFile, iso);
const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, SB_E2E_CLOCK_FILE: process.env.SB_E2E_CLOCK_FILE };

/** A laptop's contract as the demo scenario calls it, over the host's HTTP API. */
const handlers = (host: StartedHost): Handlers =>
  // Not thenable: `then` is no contract method, so awaiting the proxy gives the proxy.
  new Proxy({}, { get: (_t, method: string) => (method === 'then' ? undefined : (input: unknown) => call(host, method, input)) }) as Handlers;

let chef: Laptop;
const members: StartedHost[] = [];

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  setClock(JUSTERING);
  process.env.SB_E2E_CLOCK_FILE = clockFile;
  process.env.NODE_OPTIONS = `${saved.NODE_OPTIONS ?? ''} --import=${pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), 'fake-clock.mjs')).href}`.trim();
  chef = await openLaptop(browser);
  await runDemoScenario(
    handlers(chef.host),
    async () => {
      const host = await startWebHost();
      members.push(host);
      return handlers(host);
    },
    new Date(JUSTERING),
    { postAnslag: false },
  );
  setClock(LATER);
  await chef.context.clock.setFixedTime(new Date(LATER));
  await chef.page.reload();
  // The scenario set the förbund up through the contract, not the demo button: the app asks for its PIN first.
  await choosePin(chef.page);
  await expect(chef.page.getByTestId('forbund-name')).toHaveText('Samordningsförbundet Östra Skaraborg', { timeout: 30_000 });
});

test.afterAll(async () => {
  await Promise.all(members.splice(0).map((h) => h.stop()));
  await closeLaptops();
  process.env.NODE_OPTIONS = saved.NODE_OPTIONS;
  if (saved.SB_E2E_CLOCK_FILE === undefined) delete process.env.SB_E2E_CLOCK_FILE;
  else process.env.SB_E2E_CLOCK_FILE = saved.SB_E2E_CLOCK_FILE;
});

test('the anslag recorded two days after justering: the appeal end moves past the weekend, laga kraft only after', async () => {
  const page = chef.page;
  await goTo(page, /^Protokoll/);
  const row = page.getByTestId('archive-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('archive-anslag')).toContainText('Anslag ej uppsatt');
  await expect(row.getByTestId('archive-appeal-end')).toHaveText('–');

  await openMinutes(page, '2027-01-05', 'Protokoll och justering');
  const box = page.getByTestId('anslag-box');
  await expect(box).toContainText('Anslag ej uppsatt.');
  await box.getByLabel('Anslaget sattes upp').fill('2027-01-16');
  await box.getByRole('button', { name: 'Registrera anslaget' }).click();
  await expect(box).toContainText('Anslaget sattes upp 2027-01-16 och tas ned tidigast 2027-02-09.');
  await expect(box).toContainText('Överklagandetiden slutar 2027-02-08');
  await snap(page, '13-01-anslag-registrerat');

  await page.getByRole('button', { name: 'Tillbaka till protokollen' }).click();
  await expect(row.getByTestId('archive-anslag')).toHaveText('Uppsatt 2027-01-16');
  // 2027-01-16 + three weeks = Saturday 2027-02-06: the last day is the next weekday.
  await expect(row.getByTestId('archive-appeal-end')).toHaveText('2027-02-08');
  await expect(row).toContainText('från 2027-02-09');
  await snap(page, '13-02-arkiv-overklagandetid');
});

test('a meeting planned on a holiday is warned in the form', async () => {
  const page = chef.page;
  await goTo(page, /^Sammanträden/);
  await page.getByRole('button', { name: 'Nytt sammanträde' }).click();
  await page.getByRole('textbox', { name: 'Datum', exact: true }).fill('2027-01-06');
  await expect(page.getByTestId('meeting-day-warning')).toContainText('2027-01-06 är trettondedag jul.');
  await page.getByRole('textbox', { name: 'Datum', exact: true }).fill('2027-01-07');
  await expect(page.getByTestId('meeting-day-warning')).toBeHidden();
  await page.getByRole('textbox', { name: 'Datum', exact: true }).fill('2027-01-09');
  await expect(page.getByTestId('meeting-day-warning')).toContainText('2027-01-09 är en lördag.');
  await snap(page, '13-03-helgdag-varning');
  await page.getByRole('button', { name: 'Tillbaka till listan' }).click();
});

test('staff chosen as justerare is refused; a val with a closed vote and a tie is decided by lottning', async () => {
  const page = chef.page;
  await openMinutes(page, '2027-02-04', 'För protokoll');
  await recordAttendance(page, []);

  const adjusters = await openParagraph(page, /Val av justerare/);
  await adjusters.getByRole('checkbox', { name: 'Jonas Wik' }).check();
  await expect(adjusters.getByTestId('adjuster-refusal')).toContainText('Jonas Wik är inte ledamot eller ersättare i styrelsen och kan inte vara justerare.');
  await expect(adjusters.getByRole('button', { name: /^Spara §/ })).toBeDisabled();
  await snap(page, '13-04-justerare-personal-nekas');
  await adjusters.getByRole('checkbox', { name: 'Jonas Wik' }).uncheck();
  await expect(adjusters.getByTestId('adjuster-refusal')).toBeHidden();

  const election = await openParagraph(page, 'Val av vice ordförande');
  await election.getByLabel('Beslutstext').fill('Styrelsen beslutar att välja Maria Sandberg till vice ordförande.');
  await election.getByRole('checkbox', { name: 'Omröstning begärs' }).check();
  await election.getByLabel('Propositionsordning (vad ja och nej betyder)').fill('Ja för Maria Sandberg, nej för Anders Nyström.');
  await election.getByRole('checkbox', { name: /Sluten omröstning/ }).check();
  await election.getByLabel('Ja-röster').fill('2');
  await election.getByLabel('Nej-röster').fill('2');
  await election.getByLabel('Blanka').fill('1');
  await expect(election.getByTestId('vote-result')).toContainText('Lika röstetal: avgörs genom lottning');
  await election.getByRole('radio', { name: 'Lotten föll på ja' }).check();
  await expect(election.getByTestId('vote-result')).toHaveText('2 ja, 2 nej, 1 blanka. Ja har vunnit genom lottning.');
  await election.getByRole('button', { name: /^Spara §/ }).click();
  await expect(page.getByText(/^§ \d+ är protokollförd$/).first()).toBeVisible({ timeout: 30_000 });
  await snap(page, '13-05-val-sluten-omrostning-lottning');

  // What the protokoll will say, as the domain builds it.
  const m = Object.values((await call<{ events: { body: string }[] }>(chef.host, 'log.list', { afterSeq: 0 })).events)
    .map((e) => JSON.parse(e.body) as { type: string; payload: { vote?: { closed?: boolean; votes: unknown[]; lot?: string } } })
    .filter((e) => e.type === 'minutes.item.recorded' && e.payload.vote?.closed);
  expect(m.at(-1)?.payload.vote).toMatchObject({ closed: true, votes: [], count: { ja: 2, nej: 2, avstar: 1 }, lot: 'ja' });
});

test('a temporary chair decides a tie with the casting vote; a protokollsanteckning needs the meeting’s permission', async () => {
  const page = chef.page;
  await openMinutes(page, '2027-02-04', 'För protokoll');
  // Lena Åberg (ordförande) and Karin Lindqvist (vice ordförande) are away: Mats Öberg and Johan Ek serve for them.
  await recordAttendance(page, ['Lena Åberg', 'Karin Lindqvist']);

  const form = await openParagraph(page, /Öppna vägar/);
  const presiding = form.getByTestId('presiding');
  await expect(presiding).toContainText('Varken ordföranden eller vice ordföranden deltar i paragrafen');
  await presiding.getByLabel('Ordförande i paragrafen').selectOption({ label: 'Maria Sandberg' });
  await form.getByRole('checkbox', { name: 'Omröstning begärs' }).check();
  const votes = { 'Maria Sandberg': 'Ja', 'Mats Öberg': 'Ja', 'Anders Nyström': 'Nej', 'Johan Ek': 'Nej', 'Sara Ekström': 'Avstår' } as const;
  for (const [who, vote] of Object.entries(votes)) await form.getByRole('radio', { name: `${who}: ${vote}` }).check();
  await expect(form.getByTestId('vote-result')).toHaveText('2 ja, 2 nej, 1 avstår. Ja har vunnit med ordförandens utslagsröst.');

  // A protokollsanteckning without the meeting's permission: refused with the reason, nothing stored.
  const before = await eventCount(chef.host);
  await form.getByRole('button', { name: 'Lägg till protokollsanteckning' }).click();
  await form.getByLabel('Anteckning 1 av').selectOption({ label: 'Anders Nyström' });
  await form.getByLabel('Anteckningens text').fill('Anders Nyström vill att lotsfunktionens finansiering efter 2028 utreds.');
  await form.getByRole('button', { name: /^Spara §/ }).click();
  await expect(form.getByTestId('record-refusal')).toContainText('Anders Nyström får göra en protokollsanteckning bara om sammanträdet medger det');
  expect(await eventCount(chef.host)).toBe(before);
  await snap(page, '13-06-protokollsanteckning-utan-medgivande');
  await expectAccessible(page);

  await form.getByLabel('Medgiven av').selectOption({ label: 'Ordföranden' });
  await form.getByRole('button', { name: /^Spara §/ }).click();
  await expect(page.getByText(/^§ \d+ är protokollförd$/).first()).toBeVisible({ timeout: 30_000 });
  await expect(form.getByTestId('record-refusal')).toBeHidden();
  await snap(page, '13-07-tillfallig-ordforande-utslagsrost');

  const recorded = (await call<{ events: { body: string }[] }>(chef.host, 'log.list', { afterSeq: 0 })).events
    .map((e) => JSON.parse(e.body) as { type: string; payload: { presiding?: unknown; notes?: unknown[]; vote?: unknown } })
    .filter((e) => e.type === 'minutes.item.recorded' && e.payload.presiding);
  expect(recorded).toHaveLength(1);
  expect(recorded[0]?.payload.notes).toEqual([{ personId: expect.any(String), text: 'Anders Nyström vill att lotsfunktionens finansiering efter 2028 utreds.', permittedBy: 'chair' }]);
});

test('the förbundsordning’s number of seats, set on Förbundet, makes a § where every ledamot serves not quorate', async () => {
  const page = chef.page;
  await goTo(page, /^Förbundet/);
  const section = page.getByTestId('ordning-section');
  await expect(section.getByTestId('ordning-seats')).toContainText('Styrelsen har 5 ledamöter enligt förbundsordningen');
  await section.getByRole('button', { name: 'Ändra förbundsordningens regler' }).click();
  const dialog = page.getByRole('dialog', { name: 'Förbundsordningens regler' });
  await dialog.getByLabel('Antal ledamöter enligt förbundsordningen').fill('11');
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByTestId('ordning-seats')).toContainText('Styrelsen har 11 ledamöter enligt förbundsordningen; beslutför när fler än hälften (minst 6) tjänstgör.');
  await snap(page, '13-08-forbundsordningen-antal-ledamoter');
  await expectAccessible(page);

  await openMinutes(page, '2027-02-04', 'För protokoll');
  const form = await openParagraph(page, /Friskare tillsammans/);
  await expect(form.getByTestId('quorum-continue')).toContainText('av 11 ledamöter enligt förbundsordningen tjänstgör; mer än hälften krävs.');
  const before = await eventCount(chef.host);
  await form.getByRole('button', { name: /^Spara §/ }).click();
  await expect(form.getByTestId('record-refusal')).toContainText('Styrelsen är inte beslutför i punkten');
  await expect(form.getByTestId('record-refusal')).toContainText('av 11 ledamöter (enligt förbundsordningen) tjänstgör');
  expect(await eventCount(chef.host)).toBe(before);
  await snap(page, '13-09-inte-beslutfor-enligt-forbundsordningen');
});
