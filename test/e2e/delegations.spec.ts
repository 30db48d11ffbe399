import { expect, test } from '@playwright/test';
import { closeLaptops, openLaptop } from './host';
import { addBoardMember, addOrganisation, download, goTo, joinWithInvitation, ownCode, setUpForbund, welcomeMember } from './journeys';
import { expectAccessible, snap } from './screens';

/**
 * The förbundschef records the board's delegationsordning (starting from
 * Söderåsen's rows), a delegationsbeslut within its limit and one above it
 * (refused with the reason, nothing stored); a ledamot sees both read-only
 * after a package round trip.
 */
test.describe.configure({ mode: 'serial' });

test.afterAll(closeLaptops);



test('delegationsordning, delegationsbeslut within and above the limit, and the register on a ledamot’s laptop', async ({ browser }) => {
  test.setTimeout(420_000);
  const chef = (await openLaptop(browser)).page;
  await setUpForbund(chef);
  await goTo(chef, /^Förbundet/);
  await addOrganisation(chef, 'Skövde kommun', 'Kommun', 1_000_000);
  await addBoardMember(chef, 'Lena Åberg', 'lena@skovde.example', 'Skövde kommun', 'Ordförande');

  await goTo(chef, /^Delegationer/);
  await expect(chef.getByRole('heading', { level: 1, name: 'Delegationer' })).toBeVisible();
  await expect(chef.getByTestId('order-empty')).toContainText('Ingen delegationsordning gäller i dag');
  await expect(chef.getByTestId('decisions-empty')).toBeVisible();
  await expectAccessible(chef);
  await snap(chef, '50-delegationer-tom');

  // Record the order: Söderåsen's rows are filled in; a non-delegable matter is refused inline with the law.
  await chef.getByRole('button', { name: 'Registrera delegationsordning' }).click();
  const form = chef.getByRole('dialog', { name: 'Registrera delegationsordning' });
  await expect(form.getByTestId('point-fields')).toHaveCount(7);
  await expect(form.getByRole('option', { name: /^Budget – beslutas av styrelsen/ }).first()).toBeDisabled();
  const point1 = form.getByRole('group', { name: 'Punkt 1' });
  const matter1 = point1.getByRole('textbox', { name: 'Ärende', exact: true });
  const original = await matter1.inputValue();
  await matter1.fill('Fastställa budget för nästa år');
  await expect(point1).toContainText('Ärendet nämner ”budget”: budget får inte delegeras (6 kap. 38 § kommunallagen');
  await expectAccessible(chef);
  await snap(chef, '51-delegationsordning-formular');
  await matter1.fill(original);
  await expect(point1).not.toContainText('får inte delegeras');
  await form.getByLabel('Beslut (§)').fill('§ 12/2026');
  await form.getByLabel(/^Prisbasbelopp \d{4} \(kr\)/).fill('59 200');
  await form.getByLabel(/^Basbelopp \d{4} \(kr\)/).fill('59 200');
  await form.getByRole('button', { name: 'Granska och signera' }).click();
  await expect(form).toContainText('Du signerar delegationsordningen');
  await expect(form.getByTestId('short-code')).toBeVisible();
  await form.getByRole('button', { name: 'Signera och spara' }).click();
  await expect(form).toBeHidden();
  await expect(chef.getByText('Delegationsordningen är registrerad')).toBeVisible();
  await expect(chef.getByTestId('order-point')).toHaveCount(7);
  await expect(chef.getByTestId('order-adoption')).toContainText('§ 12/2026');
  await expect(chef.getByTestId('order-point').nth(1)).toContainText(/3 basbelopp \(177\s600\skr \d{4}\)/);

  // A delegationsbeslut within the limit.
  const record = async (dnr: string, amount: string) => {
    await chef.getByRole('button', { name: 'Registrera delegationsbeslut' }).click();
    const d = chef.getByRole('dialog', { name: 'Registrera delegationsbeslut' });
    await d.getByLabel('Diarienummer').fill(dnr);
    await d.getByLabel('Punkt i delegationsordningen').selectOption({ label: '2. Avrop av varor och tjänster inom de samverkande myndigheternas ramavtal' });
    await d.getByLabel('Beslutsfattare').selectOption({ label: 'Dana Direktör' });
    await d.getByRole('textbox', { name: 'Beslut', exact: true }).fill('Avrop av utbildning i motiverande samtal för insatsens personal.');
    await d.getByLabel('Belopp (kr)').fill(amount);
    await expect(d.getByTestId('decision-amount').locator('..').locator('..')).toContainText(/Beloppsgräns: 3 basbelopp \(177 600 kr \d{4}\)/);
    await d.getByRole('button', { name: 'Signera och registrera' }).click();
    return d;
  };
  const ok = await record('2026:31', '95 000');
  await expect(ok).toBeHidden();
  await expect(chef.getByTestId('decision-row')).toHaveCount(1);
  await expect(chef.getByTestId('decision-row')).toContainText('95 000 kr');
  await expect(chef.getByTestId('decision-row')).toContainText('Ska anmälas');

  // One above the limit: refused with the reason, nothing stored.
  const over = await record('2026:32', '200 000');
  await expect(over.getByTestId('decision-refusal')).toContainText(/Beloppet 200 000 kr är över beloppsgränsen för punkt 2, 3 basbelopp \(177 600 kr \d{4}\)\. Ett beslut över gränsen fattas av styrelsen\./);
  await expect(over.getByTestId('decision-refusal')).toContainText('Inget har sparats.');
  await expectAccessible(chef);
  await snap(chef, '52-delegationsbeslut-over-grans');
  await over.getByRole('button', { name: 'Avbryt' }).click();
  await expect(chef.getByTestId('decision-row')).toHaveCount(1);
  await expectAccessible(chef);
  await snap(chef, '53-delegationer-forbundschef');

  // Round trip: Lena joins, her key is accepted, the board package brings the order and the register to her laptop.
  const chefCode = await ownCode(chef);
  await goTo(chef, /^Paket Skicka/);
  const invitation = await download(chef, () => chef.getByRole('region', { name: 'Inbjudningar' }).getByRole('button', { name: 'Skapa inbjudan för Lena Åberg' }).click());
  const lena = (await openLaptop(browser)).page;
  await joinWithInvitation(lena, invitation, 'Lena Åberg', chefCode);
  await welcomeMember(chef, lena, 'Lena Åberg');

  await goTo(lena, /^Delegationer/);
  await expect(lena.getByText('Du kan läsa men inte ändra')).toBeVisible();
  await expect(lena.getByTestId('order-point')).toHaveCount(7);
  await expect(lena.getByTestId('decision-row')).toHaveCount(1);
  await expect(lena.getByTestId('decision-row')).toContainText('2026:31');
  await expect(lena.getByRole('button', { name: 'Registrera delegationsbeslut' })).toHaveCount(0);
  await expect(lena.getByRole('button', { name: /delegationsordning$/ })).toHaveCount(0);
  await expectAccessible(lena);
  await snap(lena, '54-delegationer-ledamot');
});
