import { expect, test } from '@playwright/test';
import { closeLaptops, eventCount, openLaptop } from './host';
import { addBoardMember, addOrganisation, applyPreview, chooseFile, download, goTo, joinWithInvitation, ownCode, previewPackage, sendPackage, setUpForbund } from './journeys';
import { expectAccessible, snap } from './screens';

/**
 * Three laptops, three data folders, three browser contexts: the förbundschef
 * sets up the förbund and invites two ledamöter; each joins, registers their
 * key with a return package, the förbundschef accepts the keys after comparing
 * the codes, and a package to the whole board brings everyone to the same state.
 */
test.describe.configure({ mode: 'serial' });

test.afterAll(closeLaptops);


test('set-up, invitations, key registration and a round trip of packages between three laptops', async ({ browser }) => {
  const chef = (await openLaptop(browser)).page;
  await expectAccessible(chef);
  await snap(chef, '10-forsta-start');

  await setUpForbund(chef);
  await goTo(chef, /^Förbundet/);
  await addOrganisation(chef, 'Försäkringskassan', 'Försäkringskassan', 2_000_000);
  await addOrganisation(chef, 'Arbetsförmedlingen', 'Arbetsförmedlingen', 0);
  await addOrganisation(chef, 'Västra Götalandsregionen', 'Region', 1_000_000);
  await addOrganisation(chef, 'Skövde kommun', 'Kommun', 1_000_000);
  await addBoardMember(chef, 'Lena Åberg', 'lena@skovde.example', 'Skövde kommun', 'Ordförande');
  await addBoardMember(chef, 'Olle Ström', 'olle@vgregion.example', 'Västra Götalandsregionen', 'Ledamot');
  // The board is incomplete (no ersättare yet): the screen says what is missing.
  await expect(chef.getByRole('region', { name: /^Styrelsen behöver kompletteras/ })).toBeVisible();
  await expectAccessible(chef);
  await snap(chef, '11-forbundet');

  const chefCode = await ownCode(chef);
  expect(chefCode).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);

  await goTo(chef, /^Paket Skicka/);
  const invitations = chef.getByRole('region', { name: 'Inbjudningar' });
  const toLena = await download(chef, () => invitations.getByRole('button', { name: 'Skapa inbjudan för Lena Åberg' }).click());
  const toOlle = await download(chef, () => invitations.getByRole('button', { name: 'Skapa inbjudan för Olle Ström' }).click());
  await snap(chef, '12-paket-forbundschef');

  // Lena and Olle join on their own laptops and send their keys back.
  const lenaLaptop = await openLaptop(browser);
  const lena = lenaLaptop.page;
  await joinWithInvitation(lena, toLena, 'Lena Åberg', chefCode);
  await snap(lena, '13-ledamot-efter-inbjudan');
  const lenaCode = await ownCode(lena);
  const fromLena = await sendPackage(lena, 'Förbundschefen');

  const olle = (await openLaptop(browser)).page;
  await joinWithInvitation(olle, toOlle, 'Olle Ström', chefCode);
  const fromOlle = await sendPackage(olle, 'Förbundschefen');

  // The förbundschef previews Lena's package: an unknown key that registers itself, held until accepted.
  const preview = await previewPackage(chef, fromLena);
  await expect(preview).toContainText('Lena Åberg');
  await expect(preview).toContainText('okänd nyckel');
  await expect(preview).toContainText('Signaturen stämmer');
  await expect(preview).toContainText(lenaCode);
  await expectAccessible(chef);
  await snap(chef, '14-forhandsgranskning');
  await applyPreview(chef);
  await (await previewPackage(chef, fromOlle)).waitFor();
  await applyPreview(chef);

  // Importing the same package again changes nothing.
  const again = await previewPackage(chef, fromLena);
  await expect(again).toContainText('Inga nya händelser.');
  await chef.getByRole('button', { name: 'Avbryt' }).click();

  // Accept Lena's key after comparing the code read out by phone.
  await goTo(chef, /^Översikt/);
  await snap(chef, '15-oversikt-nycklar-vantar');
  await chef.getByRole('button', { name: 'Godkänn nyckel för Lena Åberg' }).click();
  const dialog = chef.getByRole('dialog', { name: 'Godkänn nyckeln?' });
  await expect(dialog.getByTestId('short-code').first()).toHaveText(lenaCode);
  await snap(chef, '16-godkann-nyckel');
  await dialog.getByRole('button', { name: 'Godkänn nyckeln' }).click();
  await expect(chef.getByRole('button', { name: 'Godkänn nyckel för Lena Åberg' })).toHaveCount(0);
  await chef.getByRole('button', { name: 'Godkänn nyckel för Olle Ström' }).click();
  await chef.getByRole('dialog', { name: 'Godkänn nyckeln?' }).getByRole('button', { name: 'Godkänn nyckeln' }).click();
  await expect(chef.getByTestId('count-Godkända nycklar')).toContainText('3');
  await expectAccessible(chef);
  await snap(chef, '17-oversikt-forbundschef');

  // A package to the whole board brings both ledamöter to the same state.
  const toBoard = await sendPackage(chef, 'Hela styrelsen');
  for (const member of [lena, olle]) {
    const p = await previewPackage(member, toBoard);
    await expect(p).toContainText('känd nyckel');
    await applyPreview(member);
    await goTo(member, /^Översikt/);
    await expect(member.getByTestId('count-Godkända nycklar')).toContainText('3');
    await expect(member.getByTestId('sync-state')).toBeVisible();
  }
  await expectAccessible(lena);
  await snap(lena, '18-oversikt-ledamot');
  await goTo(lena, /^Förbundet/);
  await expect(lena.getByText('Du kan läsa men inte ändra')).toBeVisible();
  await snap(lena, '19-forbundet-ledamot');

  // A package for Olle alone is encrypted to his laptop (and the sender's): Lena's laptop refuses it and stores nothing.
  await goTo(chef, /^Paket Skicka/);
  const send = chef.getByRole('region', { name: 'Skicka ändringar' });
  await send.getByRole('radio', { name: 'En person' }).check();
  await send.getByLabel('Person', { exact: true }).selectOption({ label: 'Olle Ström' });
  const forOlle = await download(chef, () => send.getByRole('button', { name: 'Skapa paket' }).click());
  await expect(send.getByTestId('package-made')).toContainText(forOlle.name, { timeout: 60_000 });
  await expect(send.getByTestId('package-unreadable')).toHaveCount(0);
  const before = await eventCount(lenaLaptop.host);
  await goTo(lena, /^Paket Skicka/);
  await chooseFile(lena, 'Importera paket', forOlle);
  const refusal = lena.getByRole('alert').filter({ hasText: 'Paketet är inte till dig' });
  await expect(refusal).toBeVisible({ timeout: 60_000 });
  await expect(refusal).toContainText('krypterat till Olle Ström');
  await expect(lena.getByRole('region', { name: `Förhandsgranskning: ${forOlle.name}` })).toHaveCount(0);
  expect(await eventCount(lenaLaptop.host)).toBe(before);
  await expectAccessible(lena);
  await snap(lena, '20-paket-inte-till-dig');
  // Olle opens the same file.
  await previewPackage(olle, forOlle);
  await applyPreview(olle);
});
