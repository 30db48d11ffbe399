import { expect as baseExpect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { closeLaptops, HOST_BUNDLE, openLaptop } from './host';
import { acceptKey, applyPreview, chooseFile, goTo, joinWithInvitation, ownCode, previewPackage, sendPackage } from './journeys';
import { openDemoProject, toApplicationList } from './journeys-applications';
import { expectAccessible, snapWidths } from './screens';

/**
 * Issue #15 item 2, the demo round trip: `cli demo` writes the förbundschef's
 * data folder beside the packages, and LÄSMIG says which is whose. A new user
 * joins as a board member with one of the folder's invitations, reviews, and
 * the return package she makes imports on the demo förbundschef's laptop
 * (the folder the CLI wrote), whose key list then offers hers for approval.
 */
test.afterAll(closeLaptops);

const expect = baseExpect.configure({ timeout: 60_000 });
const CLI_BUNDLE = join(dirname(HOST_BUNDLE), '..', 'cli', 'main.mjs');

test('the CLI demo folder makes a round trip: a member’s return package imports on its förbundschef laptop', async ({ browser }) => {
  test.setTimeout(600_000);
  const out = join(mkdtempSync(join(tmpdir(), 'sb-demo-roundtrip-')), 'demo');
  await promisify(execFile)(process.execPath, [CLI_BUNDLE, 'demo', out], { timeout: 300_000 });

  // LÄSMIG names the förbundschef's folder and says how to open it.
  const readme = readFileSync(join(out, 'LÄSMIG.txt'), 'utf8');
  expect(readme).toContain('forbundschefens-dator');
  expect(readme).toMatch(/npm run web -- --data .*forbundschefens-dator/);
  const chefDir = join(out, 'forbundschefens-dator');
  expect(existsSync(join(chefDir, 'local.json'))).toBe(true);

  // The förbundschef's laptop opens on that folder: the demo förbund, no PIN asked (fictional data).
  const { page: chef } = await openLaptop(browser, { dataDir: chefDir });
  await expect(chef.getByTestId('forbund-name')).toHaveText('Samordningsförbundet Östra Skaraborg');
  await expect(chef.getByTestId('signed-in')).toContainText('Birgitta Holmgren');
  await expect(chef.getByTestId('demo-badge')).toHaveText('Demo');
  await openDemoProject(chef);
  const discussing = Number(await chef.getByTestId('stance-count-Vill diskutera').textContent());
  const chefCode = await ownCode(chef);
  await expectAccessible(chef);
  await snapWidths(chef, '15-demo-mapp-forbundschefen');

  // A new user plays Anders Nyström from the folder's files: his invitation, then the board package.
  const file = (name: string) => ({ name, bytes: readFileSync(join(out, name)) });
  const invitationName = readdirSync(out).find((f) => f.startsWith('inbjudan-') && f.includes('anders-nystrom'));
  expect(invitationName, readdirSync(out).join(', ')).toBeTruthy();
  const { page: anders } = await openLaptop(browser);
  await joinWithInvitation(anders, file(invitationName!), 'Anders Nyström', chefCode);
  // The board package in the folder is encrypted to the laptops whose keys the förbundschef had accepted: not this new one.
  // (Everything in it came with the invitation.)
  const boardName = readdirSync(out).find((f) => f.startsWith('samordningsforbundet-') && f.endsWith('.sbpaket'))!;
  await goTo(anders, /^Paket Skicka/);
  await chooseFile(anders, 'Importera paket', file(boardName));
  await expect(anders.getByRole('alert').filter({ hasText: 'Paketet är inte till dig' })).toBeVisible({ timeout: 60_000 });
  await openDemoProject(anders);
  const review = anders.getByRole('region', { name: 'Min granskning' });
  // Item 16: after each action focus stays at a sensible place (the result), never the page body.
  const onBody = () => anders.evaluate<boolean>('document.activeElement === document.body || document.activeElement === null');
  await review.getByRole('button', { name: 'Markera som läst' }).click();
  await expect(review.getByTestId('read-status')).toBeFocused();
  expect(await onBody()).toBe(false);
  await review.getByRole('radio', { name: 'Vill diskutera' }).check();
  await review.getByRole('button', { name: 'Spara ställningstagande' }).click();
  await expect(review.getByText(/Senast sparat .*: Vill diskutera/)).toBeVisible();
  await expect(review.getByRole('radio', { name: 'Vill diskutera' })).toBeFocused();
  expect(await onBody()).toBe(false);
  await review.getByLabel('Ny fråga till förbundschefen').fill('Hur följs deltagarna upp?');
  await review.getByRole('button', { name: 'Skicka fråga' }).click();
  await expect(review.getByTestId('my-question').last()).toBeFocused();
  expect(await onBody()).toBe(false);
  const back = await sendPackage(anders, 'Förbundschefen');

  // On the förbundschef's laptop the return package is accepted, not "ett annat förbund".
  const preview = await previewPackage(chef, back);
  await expect(preview).toContainText('Anders Nyström');
  await expect(preview).not.toContainText('annat förbund');
  await applyPreview(chef);
  // The notice says what changed, not "3 nya händelser" (item 17).
  await expect(chef.getByText(/^1 ställningstagande, 1 fråga, 1 ny datornyckel att godkänna/).first()).toBeVisible();
  await acceptKey(chef, 'Anders Nyström');
  // His stance now counts on the förbundschef's screen.
  await openDemoProject(chef);
  await expect(chef.getByTestId('stance-count-Vill diskutera')).toHaveText(String(discussing + 1));
  await snapWidths(chef, '15-demo-mapp-returpaket-importerat');

  // Item 10: the Ansökningar date filters take the app's ÅÅÅÅ-MM-DD (not the browser's mm/dd/yyyy), and an impossible date says so.
  await toApplicationList(chef);
  const from = chef.getByRole('textbox', { name: 'Period från' });
  await expect(from).toHaveAttribute('placeholder', 'ÅÅÅÅ-MM-DD');
  await from.fill('2026-02-30');
  await from.blur();
  await expect(chef.getByText('Datumet 2026-02-30 finns inte: februari 2026 har 28 dagar.')).toBeVisible();
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(chef);
  await snapWidths(chef, '15-datumfilter-finns-inte');
  const all = Number((await chef.getByText(/^\d+ ansökningar$/).textContent())!.split(' ')[0]);
  // The demo's dates follow today: only the project Öppna vägar runs into the year after next.
  await from.fill(`${new Date().getFullYear() + 2}-01-01`);
  await expect(chef.getByText('Datumet 2026-02-30 finns inte', { exact: false })).toHaveCount(0);
  await expect(chef.getByText(`1 av ${all} ansökningar visas`)).toBeVisible();
  await expect(chef.getByTestId('application-row')).toHaveCount(1);
});
