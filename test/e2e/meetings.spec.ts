import { expect, test, type Browser, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHost, type StartedHost } from './host';
import { applyPreview, createMeeting, download, goTo, joinWithInvitation, ownCode, previewPackage, reportAbsence, sendPackage } from './journeys';
import { expectAccessible, snap } from './screens';

/**
 * Preparing a sammanträde on the demo förbund: the förbundschef plans it with
 * both ansökningar on the föredragningslista, makes the kallelse PDF, sends it
 * to the board; Maria Sandberg (ledamot, Arbetsförmedlingen) joins on her own
 * laptop, reports förhinder and sends it back; the förbundschef sees that Per
 * Holm, Arbetsförmedlingen's first ersättare, will serve for her.
 */
test.describe.configure({ mode: 'serial' });
test.use({ actionTimeout: 15_000 });

const hosts: StartedHost[] = [];
test.afterAll(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
});

async function laptop(browser: Browser): Promise<Page> {
  const host = await startWebHost();
  hosts.push(host);
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(host.url);
  return page;
}

function pdfText(bytes: Buffer): string | null {
  try {
    const dir = mkdtempSync(join(tmpdir(), 'sb-kallelse-'));
    const file = join(dir, 'kallelse.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch {
    return null;
  }
}

test('a meeting prepared, called and answered with förhinder; the right ersättare serves', async ({ browser }) => {
  test.setTimeout(480_000);
  const chef = await laptop(browser);
  await chef.getByRole('button', { name: 'Utforska ett demoförbund' }).click();
  await expect(chef.getByTestId('forbund-name')).toHaveText('Samordningsförbundet Östra Skaraborg', { timeout: 60_000 });
  const chefCode = await ownCode(chef);

  // Maria has no laptop yet: her invitation is made before the meeting exists, so the meeting reaches her in the board package.
  await goTo(chef, /^Paket Skicka/);
  const toMaria = await download(chef, () => chef.getByRole('region', { name: 'Inbjudningar' }).getByRole('button', { name: 'Skapa inbjudan för Maria Sandberg' }).click());

  await goTo(chef, /^Sammanträden/);
  await expect(chef.getByText('Inga sammanträden ännu')).toBeVisible();
  await expectAccessible(chef);
  await snap(chef, '5m-01-sammantraden-tom');

  // The form: the standard föredragningslista with both ansökningar, and Swedish checks.
  await chef.getByRole('button', { name: 'Nytt sammanträde' }).click();
  const items = chef.getByTestId('agenda-item');
  await expect(items.filter({ hasText: 'Ansökan om medel: Öppna vägar' })).toHaveCount(1);
  await expect(items.filter({ hasText: /Ansökan om medel:/ })).toHaveCount(2);
  await expect(chef.getByRole('group', { name: 'Arbetsförmedlingen' }).getByLabel('Per Holm, ersättare (1)')).toBeChecked();
  await chef.getByLabel('Starttid').fill('9 på morgonen');
  await chef.getByRole('button', { name: 'Spara sammanträdet' }).click();
  await expect(chef.getByText('Ange var sammanträdet hålls.')).toBeVisible();
  await expect(chef.getByText('Skriv tiden som TT.MM, till exempel 09.00 eller 13.30.')).toBeVisible();
  await expectAccessible(chef);
  await snap(chef, '5m-02-nytt-sammantrade-fel');
  await chef.getByLabel('Starttid').fill('09.00');
  await chef.getByRole('button', { name: 'Tillbaka till listan' }).click();

  const date = await createMeeting(chef, { place: 'Stadshuset i Skövde, sammanträdesrum Älgen', distance: 'Länk till Teams-mötet skickas med e-post dagen före.' });
  await expect(chef.getByTestId('meeting-header')).toContainText('kl. 09.00');
  await expect(chef.getByTestId('agenda-view-item')).toHaveCount(12);
  await expectAccessible(chef);
  await snap(chef, '5m-03-sammantrade-forbundschef');

  // The kallelse PDF: the föredragningslista with å ä ö intact.
  const kallelse = await download(chef, () => chef.getByRole('button', { name: 'Skapa kallelse (PDF)' }).click());
  expect(kallelse.name).toBe(`kallelse-${date}.pdf`);
  expect(kallelse.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(kallelse.bytes);
  if (text === null) console.log('pdftotext saknas: kallelsens text kontrolleras inte.');
  else {
    for (const words of ['Föredragningslista', 'Mötets öppnande', 'Godkännande av dagordningen', 'Ansökan om medel: Öppna vägar', 'Stadshuset i Skövde, sammanträdesrum Älgen', 'Per Holm']) {
      expect(text.replace(/\s+/g, ' ')).toContain(words);
    }
  }
  await chef.getByRole('region', { name: 'Kallelse' }).getByRole('button', { name: 'Skicka kallelsen' }).click();
  await chef.getByRole('dialog', { name: 'Skicka kallelsen?' }).getByRole('button', { name: 'Skicka kallelsen' }).click();
  await expect(chef.getByRole('region', { name: 'Kallelse' })).toContainText(/Kallelsen skickades \d{4}-\d{2}-\d{2}/);
  await goTo(chef, /^Sammanträden/);
  await expect(chef.getByTestId('meeting-row')).toContainText('Kallat');
  await expectAccessible(chef);
  await snap(chef, '5m-04-sammantraden-lista');
  const toBoard = await sendPackage(chef, 'Hela styrelsen');

  // Maria joins, gets the meeting, reports förhinder and sends it back.
  const maria = await laptop(browser);
  await joinWithInvitation(maria, toMaria, 'Maria Sandberg', chefCode);
  await (await previewPackage(maria, toBoard)).waitFor();
  await applyPreview(maria);
  await goTo(maria, /^Översikt/);
  const card = maria.getByRole('region', { name: 'Nästa sammanträde' });
  await expect(card).toContainText(`${date} kl. 09.00`);
  await expect(card).toContainText('Ansökan om medel: Öppna vägar');
  await expectAccessible(maria);
  await snap(maria, '5m-05-oversikt-ledamot');
  await reportAbsence(maria, 'Utbildning i Göteborg hela dagen');
  await expect(maria.getByText('Skicka paketet till förbundschefen så att rätt ersättare kallas in.').first()).toBeVisible();
  await expectAccessible(maria);
  await snap(maria, '5m-06-forhinder-anmalt');
  const fromMaria = await sendPackage(maria, 'Förbundschefen');

  // The förbundschef imports, accepts Maria's key, and sees who will serve.
  await (await previewPackage(chef, fromMaria)).waitFor();
  await applyPreview(chef);
  await goTo(chef, /^Översikt/);
  await chef.getByRole('button', { name: 'Godkänn nyckel för Maria Sandberg' }).click();
  await chef.getByRole('dialog', { name: 'Godkänn nyckeln?' }).getByRole('button', { name: 'Godkänn nyckeln' }).click();
  await expect(chef.getByText('Nyckeln är godkänd')).toBeVisible();
  await expect(chef.getByRole('region', { name: 'Nästa sammanträde' })).toBeVisible();
  await snap(chef, '5m-07-oversikt-forbundschef');
  await goTo(chef, /^Sammanträden/);
  await chef.getByRole('button', { name: `Öppna sammanträdet ${date}` }).click();
  const af = chef.getByRole('region', { name: 'Tjänstgöring: Arbetsförmedlingen' });
  await expect(af).toContainText('förhinder (Utbildning i Göteborg hela dagen)');
  await expect(af.getByTestId('forecast-ersattare').filter({ hasText: 'Per Holm' })).toContainText('tjänstgör för Maria Sandberg');
  // Every other organisation's ersättare stays out.
  await expect(chef.getByRole('region', { name: 'Tjänstgöring: Falköpings kommun' })).not.toContainText('tjänstgör för');
  await expect(chef.getByRole('region', { name: 'Kallade' })).toContainText('Maria Sandberg, ledamot · förhinder');
  await expectAccessible(chef);
  await snap(chef, '5m-08-vilka-tjanstgor');

  // A handling opens beside the föredragningslista.
  await chef.getByRole('button', { name: 'Ändra sammanträdet' }).click();
  await chef.getByRole('button', { name: 'Visa detaljer för punkt 6' }).click();
  await chef.getByRole('group', { name: 'Handlingar, punkt 6' }).getByRole('checkbox').first().check();
  await chef.getByRole('button', { name: 'Spara ändringarna' }).click();
  await chef.getByRole('button', { name: /^Visa handlingen / }).first().click();
  await expect(chef.getByTestId('pdf-position')).toHaveText(/^Sida 1 av \d+$/);
  await expectAccessible(chef);
  await snap(chef, '5m-09-handling-bredvid');
});
