import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { decodeWire, encodeWire } from '../../shared/contract';
import { startWebHost, type StartedHost } from './host';
import {
  acceptKey,
  applyPreview,
  attestProtokoll,
  download,
  goTo,
  joinWithInvitation,
  openMinutes,
  openParagraph,
  ownCode,
  previewPackage,
  recordAttendance,
  recordDecision,
  sendPackage,
} from './journeys';
import { SCREENSHOT_DIR, expectAccessible, snap } from './screens';

/**
 * The meeting and its protokoll on three laptops: the förbundschef keeps the
 * minutes of a demo meeting (Lena Åberg has förhinder, so Mats Öberg serves
 * and vice ordförande Karin Lindqvist chairs), two decisions, one vote, one jäv
 * with its ersättare and one reservation; a reservation by someone who did
 * not take part is refused; the meeting is closed and the draft sent for
 * justering; Karin and the justerare Anders Nyström attest on their own
 * laptops; the förbundschef imports, the protokoll locks, a change is refused,
 * and the signed PDF is exported.
 */
test.describe.configure({ mode: 'serial' });
// The shared CI machine is often loaded many times over: allow each step a minute.
const expect = baseExpect.configure({ timeout: 60_000 });

const hosts: StartedHost[] = [];
test.afterAll(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
});

async function laptop(browser: Browser): Promise<{ page: Page; host: StartedHost }> {
  const host = await startWebHost();
  hosts.push(host);
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(host.url);
  return { page, host };
}

async function call(host: StartedHost, method: string, input: unknown): Promise<unknown> {
  const res = await fetch(`${host.origin}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` }, body: encodeWire(input) });
  const env = decodeWire(await res.text()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!env.ok) throw new Error(env.error?.message);
  return env.value;
}

/**
 * Plans the meeting through the contract, as the Sammanträden screens (another
 * branch) will: the föredragningslista with both demo ansökningar.
 */
async function planMeeting(host: StartedHost, date: string): Promise<void> {
  const { events } = (await call(host, 'log.list', { afterSeq: 0 })) as { events: { body: string }[] };
  const bodies = events.map((e) => JSON.parse(e.body) as { type: string; payload: Record<string, unknown> });
  const app = (name: string) => bodies.find((b) => b.type === 'application.registered' && String(b.payload.name).startsWith(name))!.payload.id as string;
  const item = (kind: string, title: string, extra: Record<string, unknown> = {}) => ({ id: randomUUID(), kind, title, ...extra });
  const agenda = [
    item('opening', 'Mötets öppnande'),
    item('adjusters', 'Val av justerare samt tid och plats för justering'),
    item('javCall', 'Anmälan om jäv'),
    item('decision', 'Öppna vägar', { applicationId: app('Öppna vägar'), dnr: '2026/14', proposal: 'Styrelsen beslutar att bevilja Öppna vägar 1 420 000 kr för 2027–2028.' }),
    item('decision', 'Friskare tillsammans – förstudie', { applicationId: app('Friskare'), proposal: 'Styrelsen beslutar att avslå ansökan.' }),
    item('closing', 'Mötets avslutande'),
  ];
  await call(host, 'log.append', {
    type: 'meeting.created',
    payload: { id: randomUUID(), date, startTime: '09:00', place: 'Kansliet, Skövde', justering: { date, place: 'Kansliet, Skövde' }, agenda },
    prev: [],
  });
}

test('a meeting recorded, drafted, attested on two laptops, locked and exported as a signed protokoll', async ({ browser }) => {
  test.setTimeout(1_500_000);
  const date = new Date().toISOString().slice(0, 10);
  const { page: chef, host: chefHost } = await laptop(browser);
  await chef.getByRole('button', { name: 'Utforska ett demoförbund' }).click();
  await expect(chef.getByTestId('forbund-name')).toHaveText('Samordningsförbundet Östra Skaraborg', { timeout: 90_000 });
  await planMeeting(chefHost, date);
  await chef.reload();

  await openMinutes(chef, date, 'För protokoll');
  await recordAttendance(chef, ['Lena Åberg']);
  await expect(chef.getByRole('table', { name: 'Tjänstgöring per paragraf' })).toContainText('Mats Öberg (för Lena Åberg)');
  await expectAccessible(chef);
  await snap(chef, '5p-01-narvaro');

  await recordDecision(chef, 'Val av justerare samt tid och plats för justering', { adjusters: ['Anders Nyström'] });

  // The jäv: Olle Ström leaves for the §; Sara Ekström serves in his place for this § only.
  const friskare = await openParagraph(chef, 'Friskare tillsammans – förstudie');
  await friskare.getByLabel('Beslut', { exact: true }).selectOption({ label: 'Avslag' });
  await friskare.getByRole('button', { name: 'Anteckna jäv' }).click();
  await friskare.getByLabel('Jävig 1').selectOption({ label: 'Olle Ström' });
  await expect(friskare.getByTestId('jav-preview')).toContainText('Sara Ekström tjänstgör för Olle Ström i den här paragrafen.');
  await expect(friskare.getByTestId('jav-preview')).toContainText('Olle Ström anmäler jäv och deltar inte i handläggningen av ärendet. Sara Ekström tjänstgör i Olle Ströms ställe.');
  await friskare.getByRole('button', { name: /^Spara §/ }).click();
  await expect(chef.getByText(/^§ \d+ är protokollförd$/).first()).toBeVisible();

  // The vote, and a reservation by someone who did not take part: refused as the main side says, nothing stored.
  const votes = { 'Karin Lindqvist': 'Ja', 'Mats Öberg': 'Ja', 'Anders Nyström': 'Ja', 'Maria Sandberg': 'Nej', 'Olle Ström': 'Nej' } as const;
  const roads = await recordDecision(chef, 'Öppna vägar', { votes, reservations: ['Per Holm (deltog inte i beslutet)'] }, false);
  await expect(roads.getByTestId('vote-result')).toHaveText('3 ja, 2 nej, 0 avstår. Ja har vunnit.');
  await expect(roads.getByTestId('record-refusal')).toContainText('Per Holm deltog inte i beslutet och kan inte reservera sig.');
  await expectAccessible(chef);
  await snap(chef, '5p-02-paragraf-omrostning-vagrad');
  await roads.getByLabel('Reservation 1 av').selectOption({ label: 'Maria Sandberg' });
  await roads.getByRole('button', { name: /^Spara §/ }).click();
  await expect(chef.getByText(/^§ \d+ är protokollförd$/).first()).toBeVisible();
  await expect(roads.getByTestId('record-refusal')).toHaveCount(0);

  await chef.getByRole('button', { name: 'Avsluta sammanträdet' }).click();
  const closeDialog = chef.getByRole('dialog', { name: 'Avsluta sammanträdet?' });
  await closeDialog.getByLabel('Sluttid').fill('11.30');
  await closeDialog.getByRole('button', { name: 'Avsluta sammanträdet' }).click();
  await expect(chef.getByText('Sammanträdet är avslutat').first()).toBeVisible();

  await openMinutes(chef, date, 'Protokoll och justering');
  await chef.getByRole('button', { name: 'Skapa protokollsutkast' }).click();
  const preview = chef.getByTestId('protokoll-preview');
  await expect(preview).toContainText('Styrelsen har med 3 ja-röster mot 2 nej-röster beslutat att bevilja Öppna vägar');
  await expect(preview).toContainText('Maria Sandberg reserverar sig mot beslutet.');
  await expect(preview).toContainText('Styrelsen beslutar att utse Anders Nyström att jämte ordföranden justera protokollet.');
  await expect(preview).toContainText('tjänstgörande ersättare för Lena Åberg');
  await expectAccessible(chef);
  await snap(chef, '5p-03-protokollsutkast');

  // Skicka för justering: Paket with the chair and the justerare chosen.
  await chef.getByRole('button', { name: 'Skicka för justering' }).click();
  const exportRegion = chef.getByRole('region', { name: 'Skicka ändringar' });
  await expect(exportRegion.getByRole('radio', { name: 'För justering: Karin Lindqvist, Anders Nyström' })).toBeChecked();
  const forJustering = await download(chef, () => exportRegion.getByRole('button', { name: 'Skapa paket' }).click());
  expect(forJustering.name).toMatch(/\.sbpaket$/);

  // Karin and Anders have no laptop yet: invitations carry the whole log, the draft included.
  const chefCode = await ownCode(chef);
  await goTo(chef, /^Paket Skicka/);
  const invitations = chef.getByRole('region', { name: 'Inbjudningar' });
  const toKarin = await download(chef, () => invitations.getByRole('button', { name: 'Skapa inbjudan för Karin Lindqvist' }).click());
  const toAnders = await download(chef, () => invitations.getByRole('button', { name: 'Skapa inbjudan för Anders Nyström' }).click());

  const returns: { name: string; bytes: Buffer }[] = [];
  for (const [who, invitation] of [['Karin Lindqvist', toKarin], ['Anders Nyström', toAnders]] as const) {
    const { page } = await laptop(browser);
    await joinWithInvitation(page, invitation, who, chefCode);
    await openMinutes(page, date, 'Protokoll och justering');
    await expect(page.getByTestId('protokoll-preview')).toContainText('Öppna vägar');
    await page.getByRole('button', { name: 'Justera protokollet' }).click();
    await expect(page.getByRole('dialog', { name: 'Justera protokollet?' })).toContainText('version 1');
    await expectAccessible(page);
    if (who === 'Karin Lindqvist') await snap(page, '5p-04-justera-dialog');
    await page.getByRole('dialog', { name: 'Justera protokollet?' }).getByRole('button', { name: 'Avbryt' }).click();
    await attestProtokoll(page, date);
    returns.push(await sendPackage(page, 'Förbundschefen'));
  }

  for (const file of returns) {
    await previewPackage(chef, file);
    await applyPreview(chef);
  }
  await acceptKey(chef, 'Karin Lindqvist');
  await acceptKey(chef, 'Anders Nyström');

  await openMinutes(chef, date, 'Protokoll och justering');
  await expect(chef.getByText(`Justerat ${date}`).first()).toBeVisible();
  await expect(chef.getByText(/Anslaget sätts upp senast \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await expect(chef.getByTestId('signer-status')).toHaveText([/Ordförande: Karin Lindqvist – Justerat/, /Justerare: Anders Nyström – Justerat/]);
  await expectAccessible(chef);
  await snap(chef, '5p-05-justerat');

  // Any change to a locked protokoll is refused with the reason.
  await chef.getByRole('tab', { name: 'För protokoll' }).click();
  const locked = await recordDecision(chef, 'Öppna vägar', {}, false);
  await expect(locked.getByTestId('record-refusal')).toContainText('Protokollet är justerat och kan inte ändras.');
  await snap(chef, '5p-06-andring-vagrad');

  await goTo(chef, /^Protokoll/);
  await chef.getByRole('button', { name: 'Tillbaka till protokollen' }).click();
  // The demo förbund's own justerat protokoll from last week is in the archive too.
  await expect(chef.getByTestId('archive-row').filter({ hasText: `Styrelsen ${date}` })).toHaveCount(1);
  await expectAccessible(chef);
  await snap(chef, '5p-07-arkiv');

  // The signed PDF (once the renderer from wt-pdf is on this branch).
  await openMinutes(chef, date, 'Protokoll och justering');
  if (!existsSync(join('electron', 'services', 'pdf', 'protokoll-pdf.ts'))) {
    await chef.getByRole('button', { name: 'Exportera signerat protokoll' }).click();
    await expect(chef.getByText('Protokollet kunde inte exporteras')).toBeVisible();
    return;
  }
  const pdf = await download(chef, () => chef.getByRole('button', { name: 'Exportera signerat protokoll' }).click());
  expect(pdf.name).toMatch(/protokoll/);
  const dir = join('test', 'artifacts', 'protokoll');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, pdf.name);
  writeFileSync(path, pdf.bytes);
  const out = execFileSync('npm', ['run', '--silent', 'cli', '--', 'verify', path], { encoding: 'utf8' });
  expect(out).toContain('OK');
  expect(out).toContain('Karin Lindqvist');
  execFileSync('pdftoppm', ['-png', '-r', '60', path, join(SCREENSHOT_DIR, '5p-pdf')]);
  expect(readdirSync(SCREENSHOT_DIR).some((f) => f.startsWith('5p-pdf'))).toBe(true);
});
