import { expect, test } from '@playwright/test';
import { closeLaptops, openLaptop } from './host';
import { carry, download, goTo, joinWithInvitation, ownCode, welcomeMember } from './journeys';
import { openDemoProject } from './journeys-applications';
import { expectAccessible, snap } from './screens';

/**
 * A board member's own review on the demo förbund: the förbundschef (demo)
 * invites Maria Sandberg, accepts her key; Maria declares a tie, gets the jäv
 * suggestion, marks an ansökan read, keeps a note across a reload, reads the
 * PDF with thumbnails and search, and shares the note, which the förbundschef
 * sees once the package comes back.
 */
test.describe.configure({ mode: 'serial' });

test.afterAll(closeLaptops);




test('a ledamot reviews: ties and the jäv suggestion, read marker, notes kept, thumbnails and search in the PDF, a note shared', async ({ browser }) => {
  test.setTimeout(600_000);
  const { page: chef } = await openLaptop(browser);
  await chef.getByRole('button', { name: 'Utforska ett demoförbund' }).click();
  await expect(chef.getByTestId('forbund-name')).toHaveText('Samordningsförbundet Östra Skaraborg', { timeout: 90_000 });
  const chefCode = await ownCode(chef);
  await goTo(chef, /^Paket Skicka/);
  const invitation = await download(chef, () => chef.getByRole('region', { name: 'Inbjudningar' }).getByRole('button', { name: 'Skapa inbjudan för Maria Sandberg' }).click());

  // Maria joins on her own laptop and sends her key back; the förbundschef accepts it and answers with a board package.
  const { page: maria, host: mariaHost } = await openLaptop(browser);
  await joinWithInvitation(maria, invitation, 'Maria Sandberg', chefCode);
  await welcomeMember(chef, maria, 'Maria Sandberg');

  // Översikt: both ansökningar are left to review; the profile has no ties yet.
  await goTo(maria, /^Översikt/);
  const todo = maria.getByRole('region', { name: /^Kvar att granska/ });
  await expect(todo).toContainText('Kvar att granska: 2 ansökningar');
  await expect(todo.getByTestId('left-to-review')).toContainText('Öppna vägar');
  await expect(todo.getByTestId('left-to-review')).toContainText('inte markerad som läst, inget ställningstagande');
  const profile = maria.getByRole('region', { name: 'Min profil: kopplingar' });
  await expect(profile).toContainText('Du har inte angett några kopplingar.');

  // Min profil: Maria is also employed by Skövde kommun, an applying party of Öppna vägar.
  await profile.getByRole('button', { name: 'Ändra kopplingar' }).click();
  const ties = maria.getByRole('dialog', { name: 'Mina kopplingar' });
  await ties.getByRole('button', { name: 'Lägg till koppling' }).click();
  await ties.getByRole('button', { name: 'Spara kopplingar' }).click();
  await expect(ties.getByText('Välj en förbundsmedlem eller Annan organisation.')).toBeVisible();
  const tie = ties.getByRole('group', { name: 'Koppling 1' });
  await tie.getByLabel('Slag').selectOption({ label: 'Anställd hos' });
  await tie.getByLabel('Organisation').selectOption({ label: 'Skövde kommun' });
  await tie.getByLabel('Roll (valfritt)').fill('handläggare');
  await tie.getByLabel('Enhet, projekt eller styrgrupp (valfritt)').fill('Arbetsmarknadsenheten');
  await tie.getByLabel('Från').fill('2021-08-01');
  await expectAccessible(maria);
  await snap(maria, '4r-01-min-profil-kopplingar');
  await ties.getByRole('button', { name: 'Spara kopplingar' }).click();
  await expect(ties).toBeHidden();
  await expect(profile.getByTestId('my-ties')).toContainText('Anställd hos Skövde kommun, Arbetsmarknadsenheten (handläggare), 2021-08-01 –');
  await expectAccessible(maria);
  await snap(maria, '4r-02-oversikt-kvar-att-granska');

  // The link opens the ansökan; the suggestion is calm and opens the jäv dialog pre-filled.
  await todo.getByRole('button', { name: 'Öppna vägar' }).click();
  await expect(maria.getByRole('heading', { level: 1, name: 'Öppna vägar' })).toBeVisible();
  const suggestion = maria.getByTestId('jav-suggestion');
  // The suggestion fires for the applying unit the ansökan names, not merely for the employer, and says why.
  await expect(suggestion).toContainText('Du har angett att du är anställd vid Skövde kommun, Arbetsmarknadsenheten. Ansökan nämner Arbetsmarknadsenheten (kontaktperson, organisation och styrning), som hör till Skövde kommun, sökande part och insatsägare. Överväg att anmäla jäv.');
  await suggestion.getByRole('button', { name: 'Överväg jäv: öppna anmälan' }).click();
  const jav = maria.getByRole('dialog', { name: 'Anmäl jäv' });
  await expect(jav.getByLabel('Grund för jäv')).toHaveValue('delicacy');
  await expect(jav.getByLabel('Beskriv varför du är jävig')).toHaveValue(
    'Jag är anställd vid Skövde kommun, Arbetsmarknadsenheten. Ansökan nämner Arbetsmarknadsenheten (kontaktperson, organisation och styrning), som hör till Skövde kommun, sökande part och insatsägare.',
  );
  await expectAccessible(maria);
  await snap(maria, '4r-03-javforslag-dialog');
  await jav.getByRole('button', { name: 'Avbryt' }).click();
  await expect(jav).toBeHidden();
  // The other ansökan has no applying party Maria is tied to.
  // Read marker, and a note kept on this laptop across a reload.
  const review = maria.getByRole('region', { name: 'Min granskning' });
  await review.getByRole('button', { name: 'Markera som läst' }).click();
  await expect(review.getByTestId('read-marker')).toContainText(/Läst \d{4}-\d{2}-\d{2}/);
  await review.getByLabel('Mina anteckningar (stannar på den här datorn)').fill('Lotsarnas finansiering efter 2028 – fråga på mötet. Åäö.');
  await expect.poll(() => maria.evaluate<number>(`Object.keys(localStorage).filter((k) => k.includes('notes')).length`)).toBe(0);
  // The note is written to IndexedDB as it is typed; the screen says when it is kept.
  await expect(review.getByTestId('note-saved')).toHaveAttribute('data-state', 'saved');
  await maria.goto(mariaHost.url);
  await goTo(maria, /^Ansökningar/);
  await openDemoProject(maria);
  await expect(review.getByLabel('Mina anteckningar (stannar på den här datorn)')).toHaveValue('Lotsarnas finansiering efter 2028 – fråga på mötet. Åäö.');
  await expect(review.getByTestId('read-marker')).toContainText(/Läst \d{4}-\d{2}-\d{2}/);

  // The PDF: thumbnails beside the page, keyboard between them, search with hits marked.
  await maria.getByRole('button', { name: /^Visa bilagan/ }).click();
  const viewer = maria.getByRole('region', { name: /PDF-visare/ });
  await expect(viewer.getByTestId('pdf-position')).toHaveText(/^Sida 1 av (\d+)$/);
  const pageCount = Number((await viewer.getByTestId('pdf-position').textContent())!.match(/av (\d+)/)![1]);
  const strip = viewer.getByRole('navigation', { name: 'Sidor i handlingen' });
  await expect(strip.getByTestId('pdf-thumbnail')).toHaveCount(pageCount);
  await expect(strip.getByRole('button', { name: 'Sida 1', exact: true })).toHaveAttribute('aria-current', 'page');
  await strip.getByRole('button', { name: 'Sida 3', exact: true }).click();
  await expect(viewer.getByTestId('pdf-position')).toHaveText(`Sida 3 av ${pageCount}`);
  await expect(strip.getByRole('button', { name: 'Sida 3', exact: true })).toHaveAttribute('aria-current', 'page');
  await strip.getByRole('button', { name: 'Sida 3', exact: true }).focus();
  await maria.keyboard.press('ArrowUp');
  await expect(strip.getByRole('button', { name: 'Sida 2', exact: true })).toBeFocused();
  await maria.keyboard.press('Enter');
  await expect(viewer.getByTestId('pdf-position')).toHaveText(`Sida 2 av ${pageCount}`);

  // A search starts at the first hit on or after the page being read: start from page 1.
  await strip.getByRole('button', { name: 'Sida 1', exact: true }).click();
  await expect(viewer.getByTestId('pdf-position')).toHaveText(`Sida 1 av ${pageCount}`);
  const search = viewer.getByLabel('Sök i handlingen');
  await search.fill('SKÖVDE');
  await expect(viewer.getByTestId('pdf-hits')).toHaveText(/^1 av (\d+)$/);
  const hitCount = Number((await viewer.getByTestId('pdf-hits').textContent())!.match(/av (\d+)/)![1]);
  expect(hitCount).toBeGreaterThan(1);
  await expect(viewer.locator('.textLayer mark.pdf-hit-current')).toHaveCount(1);
  await expect(viewer.locator('.textLayer mark.pdf-hit-current')).toHaveText(/^skövde$/i);
  await search.press('Enter');
  await expect(viewer.getByTestId('pdf-hits')).toHaveText(`2 av ${hitCount}`);
  await search.press('Shift+Enter');
  await search.press('Shift+Enter');
  await expect(viewer.getByTestId('pdf-hits')).toHaveText(`${hitCount} av ${hitCount}`);
  // å ä ö are letters of their own: "folkbokforda" is not "folkbokförda".
  await search.fill('folkbokforda');
  await expect(viewer.getByTestId('pdf-hits')).toHaveText('Inga träffar');
  await search.fill('FOLKBOKFÖRDA');
  await expect(viewer.getByTestId('pdf-hits')).toHaveText('1 av 1');
  await expect(viewer.locator('.textLayer mark.pdf-hit-current')).toHaveText(/^folkbokförda$/i);
  const at = (await viewer.getByTestId('pdf-position').textContent())!.match(/^Sida (\d+)/)![1]!;
  // The page with the hit is drawn (its canvas), not only its text layer.
  await expect(viewer.getByTestId('pdf-stage')).toHaveAttribute('data-rendered-page', at, { timeout: 30_000 });
  await expectAccessible(maria);
  await snap(maria, '4r-04-pdf-miniatyrer-och-sok');
  await viewer.screenshot({ path: 'test/artifacts/screenshots/4r-04b-pdf-visare.png' });

  // Sharing the note with the förbundschef: a signed event, confirmed first.
  await review.getByRole('button', { name: 'Dela anteckningen med förbundschefen' }).click();
  const share = maria.getByRole('dialog', { name: 'Dela anteckningen med förbundschefen?' });
  await expect(share.getByTestId('note-to-share')).toHaveText('Lotsarnas finansiering efter 2028 – fråga på mötet. Åäö.');
  await expect(share.getByTestId('short-code')).toBeVisible();
  await snap(maria, '4r-05-dela-anteckning');
  await share.getByRole('button', { name: 'Dela anteckningen' }).click();
  await expect(review.getByTestId('note-shared-at')).toContainText('Delad med förbundschefen', { timeout: 30_000 });

  // Översikt: Öppna vägar is read now, but still waits for a stance.
  await goTo(maria, /^Översikt/);
  const left = maria.getByRole('region', { name: /^Kvar att granska/ }).getByTestId('left-to-review');
  await expect(left).toContainText('Öppna vägar');
  await expect(left.getByRole('listitem').filter({ hasText: 'Öppna vägar' })).not.toContainText('inte markerad som läst');

  // The förbundschef sees the shared note (and not the private one unless shared).
  await carry(maria, chef, 'Förbundschefen');
  await goTo(chef, /^Ansökningar/);
  await openDemoProject(chef);
  await expect(chef.getByRole('heading', { name: 'Delade anteckningar (1)' })).toBeVisible();
  await expect(chef.getByTestId('shared-note')).toContainText('Maria Sandberg');
  await expect(chef.getByTestId('shared-note')).toContainText('Lotsarnas finansiering efter 2028');
  await expectAccessible(chef);
  await snap(chef, '4r-06-forbundschef-delade-anteckningar');
});
