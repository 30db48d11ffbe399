import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import { makeCorruptPdf, makeEncryptedPdf, makeMultiPagePdf } from '../helpers/pdf-fixtures';
import { closeLaptops, openLaptop } from './host';
import { acceptKey, addBoardMember, addOrganisation, applyPreview, chooseFile, download, goTo, joinWithInvitation, ownCode, previewPackage, sendPackage, setUpForbund } from './journeys';
import { fillApplicationForm, openRegistrationForm, signApplication, toApplicationList, type ApplicationEntry } from './journeys-applications';
import { expectAccessible, snap } from './screens';

/**
 * Issue #4 end to end, on two laptops: the förbundschef registers two
 * ansökningar through the form and sends them to the board; a ledamot reviews
 * one (note, question, stance), declares jäv on the other and sends back; the
 * förbundschef sees the question (and answers it), the stance count and the
 * jäv. Before that, the form refuses bad input with Swedish messages and
 * stores nothing.
 */
// Signing, checking PDFs and folding packages are slow on a shared, busy machine.
const expect = baseExpect.configure({ timeout: 30_000 });

test.afterAll(closeLaptops);


const LOTS: ApplicationEntry = {
  registrationNumber: 'Dnr 2027/3',
  name: 'Ungdomslots Skövde',
  receivedOn: '2026-11-02',
  parties: ['Arbetsförmedlingen', 'Skövde kommun'],
  owner: 'Skövde kommun',
  contact: 'Karin Åström',
  period: { from: '2027-01-01', to: '2028-12-31' },
  background: 'Många unga i Skövde står långt från arbetsmarknaden och får stöd från flera håll utan samordning.',
  goal: { text: 'Fler unga i arbete eller studier', target: '50 % efter 12 månader' },
  budget: [
    { year: '2027', category: 'Personal', description: 'Processledare', fte: '1', sought: 700_000, coFinancing: { financier: 'Arbetsförmedlingen', amount: 50_000, inKind: true } },
    { year: '2027', category: 'Resor', sought: 10_000 },
    { year: '2028', category: 'Personal', description: 'Processledare', fte: '1', sought: 720_000 },
  ],
  followUpReference: 'UF-2027-0031',
  implementation: 'Delad implementering',
};

const RESA: ApplicationEntry = {
  registrationNumber: 'Dnr 2027/4',
  name: 'Hälsoresan',
  receivedOn: '2026-11-05',
  parties: ['Västra Götalandsregionen', 'Försäkringskassan'],
  owner: 'Västra Götalandsregionen',
  period: { from: '2027-03-01', to: '2027-12-31' },
  budget: [{ year: '2027', category: 'Aktiviteter', description: 'Gruppträffar', sought: 240_000 }],
};

/** The förbundschef's laptop with the förbund, its five member organisations and one ledamot. */
async function chefWithForbund(browser: Browser): Promise<Page> {
  const chef = (await openLaptop(browser, { viewport: { width: 1440, height: 900 } })).page;
  await setUpForbund(chef);
  await goTo(chef, /^Förbundet/);
  await addOrganisation(chef, 'Försäkringskassan', 'Försäkringskassan', 2_000_000);
  await addOrganisation(chef, 'Arbetsförmedlingen', 'Arbetsförmedlingen', 0);
  await addOrganisation(chef, 'Västra Götalandsregionen', 'Region', 1_000_000);
  await addOrganisation(chef, 'Skövde kommun', 'Kommun', 600_000);
  await addOrganisation(chef, 'Skara kommun', 'Kommun', 400_000);
  await addBoardMember(chef, 'Lena Åberg', 'lena@skovde.example', 'Skövde kommun', 'Ordförande');
  return chef;
}

test('the registration form refuses bad input with a Swedish message and stores nothing', async ({ browser }) => {
  test.setTimeout(400_000);
  const chef = await chefWithForbund(browser);

  // --- Bad input: a Swedish message, and nothing stored. ---
  await openRegistrationForm(chef);
  await expectAccessible(chef);
  const good: ApplicationEntry = { ...LOTS, budget: LOTS.budget.slice(0, 1), goal: undefined, followUpReference: undefined, implementation: undefined };
  await fillApplicationForm(chef, { ...good, parties: ['Skövde kommun', 'Skara kommun'] });
  const summary = chef.getByTestId('form-error-summary');
  const trySave = async (message: string | RegExp) => {
    await chef.getByRole('button', { name: 'Registrera ansökan', exact: true }).click();
    await expect(summary).toContainText(message);
    await expect(summary).toContainText('Inget har sparats');
    await expect(chef.getByRole('dialog')).toBeHidden();
  };
  // Two kommuner count as one party; the owner is set but there is only one party.
  await trySave('Ansökan måste ha minst två sökande parter. Flera kommuner räknas som en part.');
  // The message also stands beside the field.
  await expect(chef.getByText('Ansökan måste ha minst två sökande parter. Flera kommuner räknas som en part.')).toHaveCount(2);
  await expectAccessible(chef);
  await snap(chef, '4x-registrering-fel');
  await chef.getByRole('checkbox', { name: /^Skara kommun/ }).uncheck();
  await chef.getByRole('checkbox', { name: /^Arbetsförmedlingen/ }).check();
  // Fixed: the messages go as the user types (the draft is valid again, so the summary goes too).
  await expect(chef.getByText('Ansökan måste ha minst två sökande parter', { exact: false })).toHaveCount(0);

  // No owner.
  await chef.getByRole('combobox', { name: 'Insatsägare' }).selectOption({ label: 'Välj insatsägare' });
  await trySave('Ansökan saknar insatsägare.');
  await chef.getByRole('combobox', { name: 'Insatsägare' }).selectOption({ label: 'Skövde kommun' });

  // A negative amount.
  const line1 = chef.getByRole('group', { name: 'Kostnadsrad 1 år 2027' });
  await line1.getByLabel('Sökt belopp (kr)').fill('-5000');
  await trySave('Sökt belopp får inte vara negativt.');
  await line1.getByLabel('Sökt belopp (kr)').fill('700000');

  // An end date before the start.
  await chef.getByRole('textbox', { name: 'Slutdatum' }).fill('2026-06-30');
  await trySave('Slutdatum ligger före startdatum.');
  await chef.getByRole('textbox', { name: 'Slutdatum' }).fill('2028-12-31');

  // A budget year outside the period: flagged beside the table while typing, refused on save.
  await chef.getByLabel('Nytt budgetår').fill('2030');
  await chef.getByRole('button', { name: 'Lägg till år', exact: true }).click();
  await chef.getByRole('button', { name: 'Lägg till kostnadsrad 2030' }).click();
  await chef.getByRole('group', { name: 'Kostnadsrad 1 år 2030' }).getByLabel('Sökt belopp (kr)').fill('30000');
  await expect(chef.getByTestId('budget-editor-flags')).toContainText('gäller ett år utanför insatsens period');
  await expect(chef.getByTestId('budget-editor-sum-total')).toContainText('730 000 kr');
  await trySave('Budgetåret 2030 ligger utanför insatsens period (2027-01-01–2028-12-31).');
  await chef.getByRole('button', { name: 'Ta bort år 2030' }).click();
  await expect(chef.getByTestId('budget-editor-sum-total')).toContainText('750 000 kr');

  // An encrypted and a corrupt PDF: the main side's message, no attachment in the draft.
  await chooseFile(chef, 'Lägg till PDF-bilaga', { name: 'krypterad.pdf', bytes: Buffer.from(makeEncryptedPdf()) });
  await expect(chef.getByRole('alert').filter({ hasText: 'krypterad.pdf lades inte till' })).toContainText('skyddad med lösenord eller kryptering');
  await chooseFile(chef, 'Lägg till PDF-bilaga', { name: 'avbruten.pdf', bytes: Buffer.from(await makeCorruptPdf()) });
  await expect(chef.getByRole('alert').filter({ hasText: 'avbruten.pdf lades inte till' })).toContainText('verkar vara skadad');
  await expect(chef.getByTestId('attachment-draft')).toHaveCount(0);

  // A confidential attachment needs its OSL provision.
  await chooseFile(chef, 'Lägg till PDF-bilaga', { name: 'underlag.pdf', bytes: Buffer.from(await makeMultiPagePdf(1, 'Underlag')) });
  await chef.getByLabel('Omfattas av sekretess').check();
  await trySave('En sekretessmarkerad bilaga kräver hänvisning till bestämmelse i OSL.');

  // Leaving the form: nothing was stored.
  await chef.getByRole('button', { name: 'Avbryt och gå till listan' }).click();
  await expect(chef.getByText('Inga ansökningar ännu')).toBeVisible();
});

test('two laptops: register through the form, review, jäv and answers travel in packages', async ({ browser }) => {
  test.setTimeout(1_000_000);
  const chef = await chefWithForbund(browser);

  // --- Lena joins and registers her key. ---
  const chefCode = await ownCode(chef);
  await goTo(chef, /^Paket Skicka/);
  const invitation = await download(chef, () => chef.getByRole('region', { name: 'Inbjudningar' }).getByRole('button', { name: 'Skapa inbjudan för Lena Åberg' }).click());
  const lena = (await openLaptop(browser, { viewport: { width: 1440, height: 900 } })).page;
  await joinWithInvitation(lena, invitation, 'Lena Åberg', chefCode);
  await previewPackage(chef, await sendPackage(lena, 'Förbundschefen'));
  await applyPreview(chef);
  await acceptKey(chef, 'Lena Åberg');

  // --- The förbundschef registers two ansökningar, one with a multi-page PDF. ---
  await openRegistrationForm(chef);
  await fillApplicationForm(chef, {
    ...LOTS,
    attachments: [
      { name: 'ansokan-ungdomslots.pdf', bytes: Buffer.from(await makeMultiPagePdf(6, 'Ansökan Ungdomslots')) },
      { name: 'deltagarunderlag.pdf', bytes: Buffer.from(await makeMultiPagePdf(1, 'Underlag')), confidential: 'OSL 26 kap. 1 §' },
    ],
  });
  await expect(chef.getByTestId('budget-editor-sum-2027')).toContainText('710 000 kr');
  await expect(chef.getByTestId('budget-editor-sum-2027')).toContainText('760 000 kr');
  await expect(chef.getByTestId('budget-editor-sum-total')).toContainText('1 430 000 kr');
  await snap(chef, '4x-registreringsformular');
  await chef.getByRole('region', { name: 'Budget', exact: true }).screenshot({ path: 'test/artifacts/screenshots/4x-registreringsformular-budget.png' });
  await signApplication(chef, LOTS.name);
  await expect(chef.getByRole('table', { name: 'Budget per år och kostnadsslag' })).toContainText('1 480 000 kr');

  // The summary PDF for paper readers.
  const pdf = await download(chef, () => chef.getByRole('button', { name: 'Exportera sammanställning (PDF)' }).click());
  expect(pdf.name).toBe(`sammanstallning-Dnr-2027-3-v1-${new Date().toISOString().slice(0, 10)}.pdf`);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  await toApplicationList(chef);
  await openRegistrationForm(chef);
  await fillApplicationForm(chef, RESA);
  await signApplication(chef, RESA.name);
  await toApplicationList(chef);
  await expect(chef.getByTestId('application-row')).toHaveCount(2);

  const toBoard = await sendPackage(chef, 'Hela styrelsen');
  const preview = await previewPackage(lena, toBoard);
  await expect(preview).toContainText('Signaturen stämmer');
  await applyPreview(lena);

  // --- Lena reviews one and declares jäv on the other. ---
  await toApplicationList(lena);
  await expect(lena.getByTestId('application-row')).toHaveCount(2);
  await expectAccessible(lena);
  await snap(lena, '4x-ansokningar-lista');
  await lena.getByRole('button', { name: LOTS.name }).click();
  await expect(lena.getByRole('heading', { level: 1, name: LOTS.name })).toBeVisible();
  await lena.getByLabel('Mina anteckningar (stannar på den här datorn)').fill('Fråga om lotsens roll efter 2028.');
  await lena.getByLabel('Ny fråga till förbundschefen').fill('Vem tar över lotsfunktionen när projektet slutar?');
  await lena.getByRole('button', { name: 'Skicka fråga' }).click();
  await expect(lena.getByText('Vem tar över lotsfunktionen när projektet slutar?')).toBeVisible();
  await lena.getByRole('radio', { name: 'Tillstyrker' }).check();
  await lena.getByRole('button', { name: 'Spara ställningstagande' }).click();
  await expect(lena.getByText(/Senast sparat .*: Tillstyrker/)).toBeVisible();
  await lena.getByRole('button', { name: /^Visa bilagan ansokan-ungdomslots/ }).click();
  await expect(lena.getByTestId('pdf-position')).toHaveText('Sida 1 av 6');
  await snap(lena, '4x-granskning-med-pdf');
  await lena.getByRole('heading', { name: 'Sökt belopp och medfinansiering per år' }).scrollIntoViewIfNeeded();
  await lena.locator('figure').screenshot({ path: 'test/artifacts/screenshots/4x-budgetdiagram.png' });

  await toApplicationList(lena);
  await lena.getByRole('button', { name: RESA.name }).click();
  await lena.getByRole('button', { name: 'Anmäl jäv' }).click();
  const jav = lena.getByRole('dialog', { name: 'Anmäl jäv' });
  await jav.getByLabel('Grund för jäv').selectOption({ index: 1 });
  await jav.getByLabel('Beskriv varför du är jävig').fill('Min make är verksamhetschef på vårdcentralen som driver Hälsoresan.');
  await jav.getByRole('button', { name: 'Anmäl jäv' }).click();
  await expect(lena.getByText('Du har anmält jäv', { exact: true })).toBeVisible();
  const back = await sendPackage(lena, 'Förbundschefen');

  // --- The förbundschef sees the question, the stance and the jäv. ---
  await previewPackage(chef, back);
  await applyPreview(chef);
  await toApplicationList(chef);
  await chef.getByRole('button', { name: LOTS.name }).click();
  await expect(chef.getByTestId('stance-count-Tillstyrker')).toHaveText('1');
  const question = chef.getByRole('article', { name: 'Fråga från Lena Åberg' });
  await expect(question).toContainText('Vem tar över lotsfunktionen när projektet slutar?');
  await question.getByLabel('Svar till Lena Åberg').fill('Skövde kommun tar över lotsfunktionen från 2029.');
  await question.getByRole('button', { name: 'Svara' }).click();
  await expect(chef.getByRole('heading', { name: 'Besvarade frågor (1)' })).toBeVisible();
  // The private note stayed on Lena's laptop.
  await expect(chef.getByText('Fråga om lotsens roll efter 2028.')).toHaveCount(0);
  await expectAccessible(chef);
  await snap(chef, '4x-forbundschef-granskning');

  await toApplicationList(chef);
  await chef.getByRole('button', { name: RESA.name }).click();
  await expect(chef.getByTestId('jav-declaration')).toContainText('Lena Åberg');
  await expect(chef.getByTestId('jav-declaration')).toContainText('vårdcentralen');

  // A new version from the review screen: pre-filled, saved as version 2, the change shown.
  await chef.getByRole('button', { name: 'Registrera ny version' }).click();
  await expect(chef.getByRole('heading', { level: 1, name: `Ny version av ${RESA.name}` })).toBeVisible();
  await expect(chef.getByLabel('Diarienummer')).toHaveValue(RESA.registrationNumber);
  await chef.getByRole('group', { name: 'Kostnadsrad 1 år 2027' }).getByLabel('Sökt belopp (kr)').fill('200000');
  await signApplication(chef, RESA.name, 'Registrera version 2');
  await expect(chef.getByRole('region', { name: 'Vad ändrades' })).toContainText('240 000');
  await expect(chef.getByText(/version 2 · inkom/)).toBeVisible();
});
