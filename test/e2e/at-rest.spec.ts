import { chromium, expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeMultiPagePdf } from '../helpers/pdf-fixtures';
import { snapshotTree } from '../helpers/tree';
import { call, closeLaptops, openLaptop, startWebHost, type StartedHost } from './host';
import { download, goTo, joinWithInvitation, ownCode, welcomeMember } from './journeys';
import { openDemoProject } from './journeys-applications';

/**
 * Issue #14, encryption at rest, through the screens: a ledamot joins the demo
 * förbund with a PIN, receives a confidential PDF, opens it and writes a
 * private note. Her data folder and her Chromium profile (a persistent one,
 * as a real browser keeps it) then hold neither the note nor the PDF's text.
 * Before: the note sat in IndexedDB's LevelDB files and the PDF and its
 * extracted text in clear in the data folder.
 */
test.afterAll(closeLaptops);

const TEXT_MARKER = 'SEKRETESSMARKORE2E4Q';
const NOTE_MARKER = 'ANTECKNINGSMARKORE2E7Z';
/** In a signed event (the shared document's title): the renderer once kept a copy of the whole log in IndexedDB. */
const LOG_MARKER = 'HANDLINGSTITELMARKOR3K';
const hosts: StartedHost[] = [];
test.afterAll(async () => Promise.all(hosts.splice(0).map((h) => h.stop())));

function found(dir: string, markers: string[]): string[] {
  const hits: string[] = [];
  for (const rel of Object.keys(snapshotTree(dir))) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(dir, rel));
    } catch {
      continue; // a lock file or socket Chromium keeps open
    }
    for (const m of markers) {
      if (bytes.includes(Buffer.from(m, 'utf8')) || bytes.includes(Buffer.from(m, 'utf16le'))) hits.push(`${m} in ${rel}`);
    }
  }
  return hits;
}

test('after the demo, a join with a PIN and a review, no note or confidential text is in clear on disk', async ({ browser }) => {
  test.setTimeout(600_000);
  const { page: chef, host: chefHost } = await openLaptop(browser);
  await chef.getByRole('button', { name: 'Utforska ett demoförbund' }).click();
  await expect(chef.getByTestId('forbund-name')).toHaveText('Samordningsförbundet Östra Skaraborg', { timeout: 90_000 });
  // A confidential document for the board (the demo itself has none).
  const pdf = await makeMultiPagePdf(2, `${TEXT_MARKER} Ansökan med personuppgifter`);
  const meta = await call<{ sha256: string }>(chefHost, 'attachments.add', { fileName: 'sekretess-ansokan.pdf', bytes: pdf });
  await call(chefHost, 'documents.share', { sha256: meta.sha256, title: `Ansökan med personuppgifter ${LOG_MARKER}`, confidential: true, oslReference: '26 kap. 1 § OSL' });
  const chefCode = await ownCode(chef);
  await goTo(chef, /^Paket Skicka/);
  const invitation = await download(chef, () => chef.getByRole('region', { name: 'Inbjudningar' }).getByRole('button', { name: 'Skapa inbjudan för Maria Sandberg' }).click());

  // Maria's laptop keeps its browser profile on disk, as a real browser does.
  const mariaHost = await startWebHost();
  hosts.push(mariaHost);
  const profile = mkdtempSync(join(tmpdir(), 'sb-profile-'));
  const use = test.info().project.use;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: use.launchOptions?.args ?? [],
    viewport: use.viewport ?? null,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    reducedMotion: 'reduce',
    acceptDownloads: true,
  });
  const maria = context.pages()[0] ?? (await context.newPage());
  await maria.goto(mariaHost.url);
  await joinWithInvitation(maria, invitation, 'Maria Sandberg', chefCode); // chooses her PIN
  await welcomeMember(chef, maria, 'Maria Sandberg');

  // She reads the confidential PDF and writes a private note on an ansökan.
  await goTo(maria, /^Handlingar/);
  await maria.getByRole('button', { name: 'sekretess-ansokan.pdf' }).click();
  await expect(maria.getByTestId('pdf-position')).toHaveText('Sida 1 av 2', { timeout: 60_000 });
  // The shared document's signed event reached her laptop (and its screens read it from the main side).
  expect(JSON.stringify(await call(mariaHost, 'state.get', { since: null }))).toContain(LOG_MARKER);
  expect((await call<{ text: string }>(mariaHost, 'attachments.text', { sha256: meta.sha256 })).text).toContain(TEXT_MARKER);
  await openDemoProject(maria);
  const review = maria.getByRole('region', { name: 'Min granskning' });
  await review.getByLabel('Mina anteckningar (stannar på den här datorn)').fill(`${NOTE_MARKER} fråga om finansieringen`);
  // Saved as typed: after a reload the note is back.
  await maria.goto(mariaHost.url);
  await openDemoProject(maria);
  await expect(review.getByLabel('Mina anteckningar (stannar på den här datorn)')).toHaveValue(`${NOTE_MARKER} fråga om finansieringen`);
  await context.close(); // Chromium writes its profile out

  expect(found(mariaHost.dataDir, [TEXT_MARKER, NOTE_MARKER, LOG_MARKER])).toEqual([]);
  expect(found(profile, [TEXT_MARKER, NOTE_MARKER, LOG_MARKER])).toEqual([]);
});
