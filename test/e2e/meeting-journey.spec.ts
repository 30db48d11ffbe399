import { expect as baseExpect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, closeLaptops, eventCount, openLaptop } from './host';
import { acceptKey, applyPreview, download, goTo, joinWithInvitation, ownCode, previewPackage, sendPackage } from './journeys';
import { attestProtokoll, closeMeeting, createMeeting, draftAndSendForJustering, openMinutes, openParagraph, recordAttendance, recordDecision, reportAbsence, returnProtokoll } from './journeys-meetings';
import { recordDelegationDecision } from './journeys-applications';
import { SCREENSHOT_DIR, expectAccessible, snap } from './screens';

/**
 * Issue #5 from start to end on four laptops (the demo förbund): the
 * förbundschef records a delegationsbeslut (one above its limit is refused),
 * prepares the meeting in Sammanträden and sends the kallelse; Maria Sandberg
 * reports förhinder from her laptop and the förbundschef sees Per Holm serve;
 * at the meeting Lena Åberg is away too (Mats Öberg serves, Karin Lindqvist
 * chairs), two ansökningar are decided with a vote, a jäv with its ersättare
 * and a reservation (one by someone who did not take part is refused); the
 * delegationsbeslut is listed under Anmälan av delegationsbeslut. Karin sends
 * the draft back once with a comment; it is corrected and version 2 is
 * attested by Karin and Anders Nyström on their own laptops; the protokoll
 * locks, a change is refused, the chair's export verifies, and the
 * ansökningar show their outcome and the budget left.
 */
test.describe.configure({ mode: 'serial' });
const expect = baseExpect.configure({ timeout: 60_000 });

test.afterAll(closeLaptops);



const POINT_9 = '9. Bevilja medel till kartläggningar och mindre utvecklingsinsatser';
const ROADS = 'Ansökan om medel: Öppna vägar';
const HEALTHIER = 'Ansökan om medel: Friskare tillsammans – förstudie';
const COMMENT = 'Skriv i beslutet om Friskare tillsammans att sökanden kan återkomma.';
const AGAIN = 'Sökanden kan återkomma med en ny ansökan.';

test('issue #5: meeting prepared, förhinder, decisions, delegationsbeslut, justering returned once, attested on two laptops, exported and imported', async ({ browser }) => {
  test.setTimeout(1_200_000);
  const { page: chef, host: chefHost } = await openLaptop(browser);
  await chef.getByRole('button', { name: 'Utforska ett demoförbund' }).click();
  await expect(chef.getByTestId('forbund-name')).toHaveText('Samordningsförbundet Östra Skaraborg', { timeout: 90_000 });
  const chefCode = await ownCode(chef);
  await goTo(chef, /^Ansökningar/);
  const budgetBefore = await chef.getByRole('table', { name: 'Budget för insatser per år' }).textContent();

  // Delegationsbeslut: one within point 9's limit; one above it is refused and nothing is stored.
  const ok = await recordDelegationDecision(chef, { dnr: '2026:77', point: POINT_9, decidedBy: 'Birgitta Holmgren', text: 'Kartläggning av unga vuxna utan sysselsättning i Tibro.', amount: '40 000' });
  await expect(ok).toBeHidden();
  const before = await eventCount(chefHost);
  const over = await recordDelegationDecision(chef, { dnr: '2026:78', point: POINT_9, decidedBy: 'Birgitta Holmgren', text: 'Kartläggning i hela Östra Skaraborg.', amount: '60 000' });
  await expect(over.getByTestId('decision-refusal')).toContainText('Beloppet 60 000 kr är över beloppsgränsen för punkt 9, 50 000 kr. Ett beslut över gränsen fattas av styrelsen.');
  await expect(over.getByTestId('decision-refusal')).toContainText('Inget har sparats.');
  expect(await eventCount(chefHost)).toBe(before);
  await expectAccessible(chef);
  await snap(chef, '5j-01-delegationsbeslut-over-grans');
  await over.getByRole('button', { name: 'Avbryt' }).click();

  // The demo's next meeting already has both ansökningar (so the form would not offer them):
  // the förbundschef moves them to an extra meeting today.
  await goTo(chef, /^Sammanträden/);
  await chef.getByTestId('meeting-row').filter({ hasText: 'Kallat' }).getByRole('button', { name: /^Öppna sammanträdet/ }).click();
  await chef.getByRole('button', { name: 'Ändra sammanträdet' }).click();
  for (const title of [ROADS, HEALTHIER]) await chef.getByRole('group', { name: new RegExp(`^Punkt \\d+: ${title}`) }).getByRole('button', { name: /^Ta bort punkt/ }).click();
  await chef.getByRole('button', { name: 'Spara ändringarna' }).click();
  await expect(chef.getByRole('heading', { level: 1, name: /^Styrelsens sammanträde / })).toBeVisible();

  // The meeting, prepared in Sammanträden for today, and the kallelse sent.
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
  const date = await createMeeting(chef, { date: today, place: 'Kansliet, Skövde', justering: { date: today, place: 'Kansliet, Skövde' } });
  await expect(chef.getByTestId('agenda-view-item').filter({ hasText: ROADS })).toHaveCount(1);
  await expect(chef.getByTestId('agenda-view-item').filter({ hasText: 'Anmälan av delegationsbeslut' })).toContainText('delegationsbeslut anmäls');
  await chef.getByRole('region', { name: 'Kallelse' }).getByRole('button', { name: 'Skicka kallelsen' }).click();
  await chef.getByRole('dialog', { name: 'Skicka kallelsen?' }).getByRole('button', { name: 'Skicka kallelsen' }).click();
  await expect(chef.getByRole('region', { name: 'Kallelse' })).toContainText(/Kallelsen skickades \d{4}-\d{2}-\d{2}/);
  await goTo(chef, /^Sammanträden/);
  await expectAccessible(chef);
  await snap(chef, '5j-02-sammantraden');

  // Maria joins (her invitation carries the meeting), reports förhinder and sends it back.
  await goTo(chef, /^Paket Skicka/);
  const toMaria = await download(chef, () => chef.getByRole('region', { name: 'Inbjudningar' }).getByRole('button', { name: 'Skapa inbjudan för Maria Sandberg' }).click());
  const { page: maria } = await openLaptop(browser);
  await joinWithInvitation(maria, toMaria, 'Maria Sandberg', chefCode);
  await reportAbsence(maria, 'Utbildning i Göteborg hela dagen');
  const fromMaria = await sendPackage(maria, 'Förbundschefen');
  await previewPackage(chef, fromMaria);
  await applyPreview(chef);
  await acceptKey(chef, 'Maria Sandberg');
  await goTo(chef, /^Sammanträden/);
  await chef.getByRole('button', { name: `Öppna sammanträdet ${date}` }).click();
  const af = chef.getByRole('region', { name: 'Tjänstgöring: Arbetsförmedlingen' });
  await expect(af.getByTestId('forecast-ersattare').filter({ hasText: 'Per Holm' })).toContainText('tjänstgör för Maria Sandberg');
  await expectAccessible(chef);
  await snap(chef, '5j-03-sammantradet-vilka-tjanstgor');

  // The meeting: Lena Åberg is away as well, so Mats Öberg serves and Karin Lindqvist chairs.
  await openMinutes(chef, date, 'För protokoll');
  await recordAttendance(chef, ['Lena Åberg', 'Maria Sandberg']);
  const serving = chef.getByRole('table', { name: 'Tjänstgöring per paragraf' });
  await expect(serving).toContainText('Mats Öberg (för Lena Åberg)');
  await expect(serving).toContainText('Per Holm (för Maria Sandberg)');
  await expectAccessible(chef);
  await snap(chef, '5j-04-narvaro');
  await recordDecision(chef, 'Val av justerare samt tid och plats för justering', { adjusters: ['Anders Nyström'] });

  // The jäv: Olle Ström leaves for the §; Sara Ekström serves in his place for this § only.
  await recordDecision(chef, HEALTHIER, { outcome: 'Avslag', jav: ['Olle Ström'] });
  const healthier = await openParagraph(chef, HEALTHIER);
  await expect(healthier.getByTestId('jav-preview')).toContainText('Sara Ekström tjänstgör för Olle Ström i den här paragrafen.');
  await expectAccessible(chef);
  await snap(chef, '5j-05-paragraf-jav');

  // The vote, and a reservation by Johan Ek, who did not take part: refused, nothing stored.
  const votes = { 'Karin Lindqvist': 'Ja', 'Mats Öberg': 'Ja', 'Anders Nyström': 'Ja', 'Per Holm': 'Nej', 'Olle Ström': 'Nej' } as const;
  const beforeRefusal = await eventCount(chefHost);
  const roads = await recordDecision(chef, ROADS, { votes, reservations: ['Johan Ek (deltog inte i beslutet)'] }, false);
  await expect(roads.getByTestId('vote-result')).toHaveText('3 ja, 2 nej, 0 avstår. Ja har vunnit.');
  await expect(roads.getByTestId('record-refusal')).toContainText('Johan Ek deltog inte i beslutet och kan inte reservera sig.');
  expect(await eventCount(chefHost)).toBe(beforeRefusal);
  await expectAccessible(chef);
  await snap(chef, '5j-06-omrostning-reservation-vagrad');
  await roads.getByLabel('Reservation 1 av').selectOption({ label: 'Per Holm' });
  await roads.getByRole('button', { name: /^Spara §/ }).click();
  await expect(roads.getByTestId('record-refusal')).toHaveCount(0);
  await expect(chef.getByText(/^§ \d+ är protokollförd$/).first()).toBeVisible();
  await closeMeeting(chef, '11.30');

  // The draft: the decisions, the jäv, the reservation and the delegationsbeslut; sent for justering.
  await draftAndSendForJustering(chef, date); // version 1
  await openMinutes(chef, date, 'Protokoll och justering');
  const preview = chef.getByTestId('protokoll-preview');
  await expect(preview).toContainText(/Styrelsen har med 3 ja-röster mot 2 nej-röster beslutat/);
  await expect(preview).toContainText('Per Holm reserverar sig mot beslutet.');
  await expect(preview).toContainText('Olle Ström anmäler jäv och deltar inte i handläggningen av ärendet. Sara Ekström tjänstgör i Olle Ströms ställe.');
  await expect(preview).toContainText('Styrelsen beslutar att utse Anders Nyström att jämte ordföranden justera protokollet.');
  await expect(preview).toContainText('2026:77');
  await expectAccessible(chef);
  await snap(chef, '5j-07-protokollsutkast');

  // Karin joins and sends version 1 back once, with a comment.
  await goTo(chef, /^Paket Skicka/);
  const toKarin = await download(chef, () => chef.getByRole('region', { name: 'Inbjudningar' }).getByRole('button', { name: 'Skapa inbjudan för Karin Lindqvist' }).click());
  const { page: karin } = await openLaptop(browser);
  await joinWithInvitation(karin, toKarin, 'Karin Lindqvist', chefCode);
  // Version 1 comes with her invitation (made after it): the package for justering was encrypted to the keys accepted then.
  await returnProtokoll(karin, date, COMMENT);
  await previewPackage(chef, await sendPackage(karin, 'Förbundschefen'));
  await applyPreview(chef);
  await acceptKey(chef, 'Karin Lindqvist');
  await openMinutes(chef, date, 'Protokoll och justering');
  await expect(chef.getByTestId('feedback')).toContainText(`Återsänt (version 1) av Karin Lindqvist: ${COMMENT}`);

  // Corrected (the end time) and version 2 sent; Anders joins after it.
  await openMinutes(chef, date, 'För protokoll');
  const corrected = await openParagraph(chef, HEALTHIER);
  await corrected.getByLabel('Beslutstext').fill(`Styrelsen beslutar att avslå ansökan. ${AGAIN}`);
  await corrected.getByRole('button', { name: /^Spara §/ }).click();
  await expect(chef.getByText(/^§ \d+ är protokollförd$/).first()).toBeVisible();
  const v2 = await draftAndSendForJustering(chef, date, true);
  await openMinutes(chef, date, 'Protokoll och justering');
  await expect(chef.getByTestId('protokoll-preview')).toContainText('version 2');
  await expect(chef.getByTestId('protokoll-preview')).toContainText(AGAIN);
  await goTo(chef, /^Paket Skicka/);
  const toAnders = await download(chef, () => chef.getByRole('region', { name: 'Inbjudningar' }).getByRole('button', { name: 'Skapa inbjudan för Anders Nyström' }).click());

  await previewPackage(karin, v2);
  await applyPreview(karin);
  await openMinutes(karin, date, 'Protokoll och justering');
  await karin.getByRole('button', { name: 'Justera protokollet' }).click();
  await expect(karin.getByRole('dialog', { name: 'Justera protokollet?' })).toContainText('version 2');
  await expectAccessible(karin);
  await snap(karin, '5j-08-justera-dialog');
  await karin.getByRole('dialog', { name: 'Justera protokollet?' }).getByRole('button', { name: 'Avbryt' }).click();
  await attestProtokoll(karin, date);
  const fromKarin = await sendPackage(karin, 'Förbundschefen');

  const { page: anders } = await openLaptop(browser);
  await joinWithInvitation(anders, toAnders, 'Anders Nyström', chefCode);
  await attestProtokoll(anders, date);
  const fromAnders = await sendPackage(anders, 'Förbundschefen');

  for (const file of [fromKarin, fromAnders]) {
    await previewPackage(chef, file);
    await applyPreview(chef);
  }
  await acceptKey(chef, 'Anders Nyström');
  await openMinutes(chef, date, 'Protokoll och justering');
  await expect(chef.getByTestId('signer-status')).toHaveText([/Ordförande: Karin Lindqvist – Justerat/, /Justerare: Anders Nyström – Justerat/]);
  await expect(chef.getByText(`Justerat ${date}`).first()).toBeVisible();

  // A change to the locked protokoll: refused with the reason, the log unchanged.
  await chef.getByRole('tab', { name: 'För protokoll' }).click();
  const beforeLocked = await eventCount(chefHost);
  const locked = await recordDecision(chef, ROADS, {}, false);
  await expect(locked.getByTestId('record-refusal')).toContainText('Protokollet är justerat och kan inte ändras.');
  expect(await eventCount(chefHost)).toBe(beforeLocked);

  // The archive, and the signed PDF: verify names both signers; three pages saved as PNG.
  await goTo(chef, /^Protokoll/);
  await expect(chef.getByTestId('archive-row').filter({ hasText: `Styrelsen ${date}` })).toHaveCount(1);
  await expectAccessible(chef);
  await snap(chef, '5j-09-arkiv');
  await openMinutes(chef, date, 'Protokoll och justering');
  const pdf = await download(chef, () => chef.getByRole('button', { name: 'Exportera signerat protokoll' }).click());
  expect(pdf.name).toMatch(/protokoll/);
  const dir = join('test', 'artifacts', 'protokoll');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `5j-${pdf.name}`);
  writeFileSync(path, pdf.bytes);
  // verify trusts the förbund's CA by its fingerprint (issue #12): the one the förbundschef's laptop published.
  const { events } = await call<{ events: { body: string }[] }>(chefHost, 'log.list', { afterSeq: 0 });
  const ca = events.map((e) => JSON.parse(e.body) as { type: string; payload: { fingerprint?: string } }).find((b) => b.type === 'ca.established')?.payload.fingerprint ?? '';
  const out = execFileSync('npm', ['run', '--silent', 'cli', '--', 'verify', '--ca', ca, path], { encoding: 'utf8' });
  expect(out).toContain('OK');
  expect(out).toContain('Karin Lindqvist');
  expect(out).toContain('Anders Nyström');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
  for (const [n, name] of [[1, 'forsta'], [2, 'paragraf'], [pages, 'signaturer']] as const) {
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(n), '-l', String(n), '-singlefile', path, join(SCREENSHOT_DIR, `5j-pdf-${name}`)]);
  }

  // The ansökningar: outcome and the budget left, from the justerade protokoll.
  await goTo(chef, /^Ansökningar/);
  await expect(chef.getByTestId('application-outcome').filter({ hasText: /^Beviljad 1 420 000 kr/ })).toHaveCount(1);
  await expect(chef.getByTestId('application-outcome').filter({ hasText: /^Avslagen/ })).toHaveCount(1);
  await expect(chef.getByRole('table', { name: 'Budget för insatser per år' })).not.toHaveText(budgetBefore ?? '');
  await expectAccessible(chef);
  await snap(chef, '5j-10-ansokningar-utfall');
});
