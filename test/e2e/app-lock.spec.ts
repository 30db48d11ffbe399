import { expect, test } from '@playwright/test';
import { call, closeLaptops, openLaptop } from './host';
import { choosePin, FORBUND, PIN, setUpForbund } from './journeys';
import { expectAccessible, snap } from './screens';

/**
 * The app lock through the screens: the PIN is the last step of set-up; the
 * app locks after the chosen idle time and at every start; the lock screen
 * shows nothing of the förbund; a wrong PIN is refused and counted.
 */
test.describe.configure({ mode: 'serial' });
test.afterAll(closeLaptops);

test('set-up with a PIN, lock after idle time, a wrong PIN, unlock', async ({ browser }) => {
  const { page, host } = await openLaptop(browser);
  // The page's clock is ours, so "ten minutes without use" takes no time.
  await page.clock.install();
  await page.reload();

  await setUpForbund(page); // includes choosing the PIN
  expect(await call(host, 'lock.status')).toMatchObject({ configured: true, locked: false, idleMinutes: 10 });

  await page.clock.fastForward('10:01');
  const lockScreen = page.getByRole('heading', { name: 'Styrelsebordet är låst' });
  await expect(lockScreen).toBeVisible();
  // Nothing of the förbund on the lock screen, and the main side answers nothing but the lock.
  await expect(page.getByText(FORBUND.name)).toHaveCount(0);
  await expect(page.getByTestId('forbund-name')).toHaveCount(0);
  await expect(call(host, 'session.get')).rejects.toThrow(/låst/);
  await expectAccessible(page);
  await snap(page, '60-last');

  await page.getByLabel('PIN-kod', { exact: true }).fill('999999');
  await page.getByRole('button', { name: 'Lås upp' }).click();
  await expect(page.getByRole('alert')).toContainText('Fel PIN-kod. 4 försök kvar');
  await snap(page, '61-fel-pin');
  await expect(lockScreen).toBeVisible();

  await page.getByLabel('PIN-kod', { exact: true }).fill(PIN);
  await page.getByRole('button', { name: 'Lås upp' }).click();
  await expect(page.getByTestId('forbund-name')).toHaveText(FORBUND.name);

  // A new start of the page does not unlock anything the main side has locked.
  await call(host, 'lock.lock');
  await page.reload();
  await expect(lockScreen).toBeVisible();
  await expect(page.getByText(FORBUND.name)).toHaveCount(0);
});

test('an installation that has a förbund but no PIN yet is asked for one before anything else', async ({ browser }) => {
  const { page, host } = await openLaptop(browser);
  await call(host, 'forbund.create', { name: FORBUND.name, orgNr: FORBUND.orgNr, director: { name: 'Dana Direktör', email: 'dana@example.se' } });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Välj en PIN-kod' })).toBeVisible();
  await expect(page.getByTestId('forbund-name')).toHaveCount(0);
  await page.getByLabel('PIN-kod', { exact: true }).fill('123');
  await page.getByRole('button', { name: 'Spara PIN-koden' }).click();
  await expect(page.getByText('PIN-koden ska ha minst 6 tecken.')).toBeVisible();
  await expectAccessible(page);
  await snap(page, '62-valj-pin');
  await choosePin(page);
  await expect(page.getByTestId('forbund-name')).toHaveText(FORBUND.name);
});
