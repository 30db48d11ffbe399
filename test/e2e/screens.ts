import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const SCREENSHOT_DIR = join('test', 'artifacts', 'screenshots');

/**
 * Waits until nothing on the screen is moving: every finite CSS transition
 * and animation (a notification fading in, a modal opening) has finished.
 * The contexts run with reduced motion, so this is normally at once; an
 * endless animation (a spinner) is not waited for. Waits on state, not time.
 */
export async function settled(page: Page): Promise<void> {
  // In-page code as a string (the tests compile without DOM types), through
  // page.evaluate: the app's CSP forbids the eval that waitForFunction(string) uses.
  const still = `document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)`;
  await expect.poll(() => page.evaluate<boolean>(still), { intervals: [20, 50, 100] }).toBe(true);
}

/**
 * Saves a screenshot of what the user sees, for a person to look at. With
 * E2E_SNAP_WIDTHS=1 every screen is also taken at 1024, 1280 and 1920 px
 * (`npm run test:e2e:widths`), for the review of every width (issue #15
 * item 7) without making each CI run take three times as many.
 */
export async function snap(page: Page, name: string): Promise<void> {
  if (process.env['E2E_SNAP_WIDTHS'] === '1') return snapWidths(page, name);
  await shoot(page, name);
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await settled(page);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * WCAG 2.1 AA check of the current screen: no serious or critical
 * violations. Measured once the screen has settled, so a toast is judged at
 * its real colours, not half-faded; contrast is never excluded as such.
 */
export async function expectAccessible(page: Page): Promise<void> {
  await settled(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious).toEqual([]);
}

/** The widths the app must work at (issue #15 item 7): 1024 px (a small laptop) to 1920 px. */
export const SCREEN_WIDTHS = [1024, 1280, 1920] as const;
const HEIGHT_AT: Record<(typeof SCREEN_WIDTHS)[number], number> = { 1024: 768, 1280: 800, 1920: 1080 };

/**
 * Screenshots of the current screen at 1024, 1280 and 1920 px
 * (`<name>-1024.png` …), for a person to look at; the viewport is put back
 * afterwards. Use it where `snap` is used for a screen worth seeing at every width.
 */
export async function snapWidths(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const width of SCREEN_WIDTHS) {
    await page.setViewportSize({ width, height: HEIGHT_AT[width] });
    await shoot(page, `${name}-${width}`);
  }
  if (before) await page.setViewportSize(before);
}
