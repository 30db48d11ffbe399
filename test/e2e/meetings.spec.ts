import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeLaptops, openLaptop } from './host';
import { applyPreview, download, goTo, joinWithInvitation, ownCode, previewPackage, sendPackage, welcomeMember } from './journeys';
import { reportAbsence } from './journeys-meetings';
import { expectAccessible, snapWidths } from './screens';

/**
 * Preparing a sammanträde on the demo förbund, which already has a held,
 * justerat meeting and its next meeting called with both ansökningar on the
 * föredragningslista: the förbundschef checks the new-meeting form, moves the
 * next meeting to another room, makes the new kallelse PDF and sends it to the
 * board; Maria Sandberg (ledamot, Arbetsförmedlingen) joins on her own laptop,
 * reports förhinder and sends it back; the förbundschef sees that Per Holm,
 * Arbetsförmedlingen's first ersättare, will serve for her.
 */
test.describe.configure({ mode: 'serial' });
test.use({ actionTimeout: 15_000 });

test.afterAll(closeLaptops);


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
  const chef = (await openLaptop(browser)).page;
  await chef.getByRole('button', { name: 'Utforska ett demoförbund' }).click();
  await expect(chef.getByTestId('forbund-name')).toHaveText('Samordningsförbundet Östra Skaraborg', { timeout: 60_000 });
  const chefCode = await ownCode(chef);

  // Maria has no laptop yet: her invitation is made before the meeting exists, so the meeting reaches her in the board package.
  await goTo(chef, /^Paket Skicka/);
  const toMaria = await download(chef, () => chef.getByRole('region', { name: 'Inbjudningar' }).getByRole('button', { name: 'Skapa inbjudan för Maria Sandberg' }).click());

  await goTo(chef, /^Sammanträden/);
  const coming = chef.getByRole('region', { name: 'Kommande' }).getByTestId('meeting-row');
  await expect(coming).toHaveCount(1);
  await expect(coming).toContainText('Kallat');
  await expect(chef.getByRole('region', { name: 'Genomförda' }).getByTestId('meeting-row')).toContainText('Justerat');
  const date = ((await coming.getByRole('button', { name: /^Öppna sammanträdet / }).textContent()) ?? '').trim();
  expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expectAccessible(chef);
  await snapWidths(chef, '5m-01-sammantraden-demo');

  // The form: the standard föredragningslista, no ansökan already on the called meeting, and Swedish checks.
  await chef.getByRole('button', { name: 'Nytt sammanträde' }).click();
  const items = chef.getByTestId('agenda-item');
  await expect(items.filter({ hasText: 'Mötets öppnande' })).toHaveCount(1);
  await expect(items.filter({ hasText: /Ansökan om medel:/ })).toHaveCount(0);
  await expect(chef.getByRole('group', { name: 'Arbetsförmedlingen' }).getByLabel('Per Holm, ersättare (1)')).toBeChecked();
  await chef.getByLabel('Starttid').fill('9 på morgonen');
  await chef.getByRole('button', { name: 'Spara sammanträdet' }).click();
  await expect(chef.getByText('Ange var sammanträdet hålls.')).toBeVisible();
  await expect(chef.getByText('Skriv tiden som TT.MM, till exempel 09.00 eller 13.30.')).toBeVisible();
  await expectAccessible(chef);
  await snapWidths(chef, '5m-02-nytt-sammantrade-fel');
  await chef.getByLabel('Starttid').fill('09.00');
  await chef.getByRole('button', { name: 'Tillbaka till listan' }).click();

  // The next meeting moves to another room: the kallelse already sent must be made and sent again.
  await chef.getByRole('button', { name: `Öppna sammanträdet ${date}` }).click();
  await expect(chef.getByTestId('meeting-header')).toContainText('kl. 09.00');
  await expect(chef.getByTestId('agenda-view-item').filter({ hasText: /Ansökan om medel:/ })).toHaveCount(2);
  await chef.getByRole('button', { name: 'Ändra sammanträdet' }).click();
  await chef.getByRole('textbox', { name: 'Plats', exact: true }).fill('Stadshuset i Skövde, sammanträdesrum Älgen');
  // Item 14: the video link goes with the kallelse; only https is accepted, with a Swedish reason.
  const link = chef.getByRole('textbox', { name: 'Länk till videomötet' });
  await expect(link).toHaveValue('https://möte.exempel.se/styrelsen');
  await link.fill('http://video.exempel.se/skovde-styrelsen');
  await chef.getByRole('button', { name: 'Spara ändringarna' }).click();
  await expect(chef.getByText('Länken till videomötet ska börja med https://, till exempel https://möte.exempel.se/123.')).toBeVisible();
  await expect(link).toHaveAttribute('aria-invalid', 'true');
  // Item 16: a text field shows a focus ring like a button's, not only a recoloured border.
  await link.focus();
  // In-page code as a string: the tests compile without DOM types.
  expect(await chef.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
  await expectAccessible(chef);
  await snapWidths(chef, '5m-02b-videolank-fel');
  await link.fill('https://video.exempel.se/skovde-styrelsen');
  await chef.getByRole('button', { name: 'Spara ändringarna' }).click();
  await expect(chef.getByTestId('meeting-header')).toContainText('Stadshuset i Skövde, sammanträdesrum Älgen', { timeout: 30_000 });
  await expect(chef.getByTestId('video-link')).toHaveText('Länk till videomötet: https://video.exempel.se/skovde-styrelsen');
  await expect(chef.getByTestId('video-link').getByRole('link')).toHaveAttribute('href', 'https://video.exempel.se/skovde-styrelsen');
  await expectAccessible(chef);
  await snapWidths(chef, '5m-03-sammantrade-forbundschef');

  // The kallelse PDF: the föredragningslista with å ä ö intact.
  const kallelse = await download(chef, () => chef.getByRole('button', { name: 'Skapa kallelse (PDF)' }).click());
  expect(kallelse.name).toBe(`kallelse-${date}.pdf`);
  expect(kallelse.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(kallelse.bytes);
  if (text === null) console.log('pdftotext saknas: kallelsens text kontrolleras inte.');
  else {
    for (const words of ['Föredragningslista', 'Mötets öppnande', 'Godkännande av dagordningen', 'Ansökan om medel: Öppna vägar', 'Stadshuset i Skövde, sammanträdesrum Älgen', 'Per Holm', 'Videolänk https://video.exempel.se/skovde-styrelsen', 'Justering 20']) {
      expect(text.replace(/\s+/g, ' ')).toContain(words);
    }
  }
  await chef.getByRole('region', { name: 'Kallelse' }).getByRole('button', { name: 'Skicka kallelsen' }).click();
  await chef.getByRole('dialog', { name: 'Skicka kallelsen?' }).getByRole('button', { name: 'Skicka kallelsen' }).click();
  await expect(chef.getByRole('region', { name: 'Kallelse' })).toContainText(/Kallelsen skickades \d{4}-\d{2}-\d{2}/);
  await goTo(chef, /^Sammanträden/);
  await expect(coming).toContainText('Kallat');
  await expect(coming).toContainText('Stadshuset i Skövde');
  await expectAccessible(chef);
  await snapWidths(chef, '5m-04-sammantraden-lista');

  // Maria joins, gets the meeting, reports förhinder and sends it back. Her invitation was made before the meeting,
  // and packages are encrypted to accepted keys (issue #14): her key goes to the förbundschef first, then the meeting comes.
  const maria = (await openLaptop(browser)).page;
  await joinWithInvitation(maria, toMaria, 'Maria Sandberg', chefCode);
  await welcomeMember(chef, maria, 'Maria Sandberg');
  await goTo(maria, /^Översikt/);
  const card = maria.getByRole('region', { name: 'Nästa sammanträde' });
  await expect(card).toContainText(`${date} kl. 09.00`);
  await expect(card).toContainText('Ansökan om medel: Öppna vägar');
  await expectAccessible(maria);
  await snapWidths(maria, '5m-05-oversikt-ledamot');
  await reportAbsence(maria, 'Utbildning i Göteborg hela dagen');
  await expect(maria.getByText('Skicka paketet till förbundschefen så att rätt ersättare kallas in.').first()).toBeVisible();
  await expectAccessible(maria);
  await snapWidths(maria, '5m-06-forhinder-anmalt');
  const fromMaria = await sendPackage(maria, 'Förbundschefen');

  // The förbundschef imports Maria's package and sees who will serve.
  await (await previewPackage(chef, fromMaria)).waitFor();
  await applyPreview(chef);
  await goTo(chef, /^Översikt/); // her key was accepted when she joined
  await expect(chef.getByRole('region', { name: 'Nästa sammanträde' })).toBeVisible();
  await snapWidths(chef, '5m-07-oversikt-forbundschef');
  await goTo(chef, /^Sammanträden/);
  await chef.getByRole('button', { name: `Öppna sammanträdet ${date}` }).click();
  const af = chef.getByRole('region', { name: 'Tjänstgöring: Arbetsförmedlingen' });
  await expect(af).toContainText('förhinder (Utbildning i Göteborg hela dagen)');
  await expect(af.getByTestId('forecast-ersattare').filter({ hasText: 'Per Holm' })).toContainText('tjänstgör för Maria Sandberg');
  // Falköping's ersättare serves only for Olle Ström (förhinder in the demo); Försäkringskassan's stays out.
  const falkoping = chef.getByRole('region', { name: 'Tjänstgöring: Falköpings kommun' });
  await expect(falkoping.getByTestId('forecast-ersattare').filter({ hasText: 'Sara Ekström' })).toContainText('tjänstgör för Olle Ström');
  await expect(falkoping).not.toContainText('tjänstgör för Maria Sandberg');
  await expect(chef.getByRole('region', { name: 'Tjänstgöring: Försäkringskassan' })).not.toContainText('tjänstgör för');
  await expect(chef.getByRole('region', { name: 'Kallade' })).toContainText('Maria Sandberg, ledamot · förhinder');
  await expectAccessible(chef);
  await snapWidths(chef, '5m-08-vilka-tjanstgor');

  // A handling ticked for punkt 6 when editing the meeting opens beside the föredragningslista.
  const point6 = chef.getByTestId('agenda-view-item').nth(5);
  await expect(point6).toContainText('Ansökan om medel: Öppna vägar');
  await expect(point6.getByRole('button', { name: /^Visa handlingen / })).toHaveCount(0);
  await chef.getByRole('button', { name: 'Ändra sammanträdet' }).click();
  await chef.getByRole('button', { name: 'Visa detaljer för punkt 6' }).click();
  await chef.getByRole('group', { name: 'Handlingar, punkt 6' }).getByRole('checkbox').first().check();
  await chef.getByRole('button', { name: 'Spara ändringarna' }).click();
  const handling = point6.getByRole('button', { name: /^Visa handlingen / });
  await expect(handling).toHaveCount(1, { timeout: 30_000 });
  const title = ((await handling.textContent()) ?? '').trim();
  await handling.click();
  await expect(chef.getByRole('region', { name: `Handling: ${title}` })).toBeVisible();
  await expect(chef.getByTestId('pdf-position')).toHaveText(/^Sida 1 av \d+$/);
  await expectAccessible(chef);
  await snapWidths(chef, '5m-09-handling-bredvid');
});
