import { defineConfig } from '@playwright/test';

/**
 * End to end in Debian's Chromium against the browser host (never
 * `npx playwright install`: no browser downloads here). Each spec starts its
 * hosts ("laptops") from the built host bundle, see
 * test/e2e/host.ts; the global set-up builds it when a source is newer.
 * Contexts run with reduced motion so screens are checked once settled.
 */
export default defineConfig({
  testDir: 'test',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  // Two specs at once: a spec spends much of its time waiting on its hosts and
  // Chromium, so two share the two cores well. Every spec has its own hosts,
  // data folders and ports. E2E_WORKERS=1 runs them one by one.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  // Ceilings against a hang, not timers: two specs at once on a shared machine
  // can be several times slower than alone. Waits are always on state.
  timeout: 300_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  globalSetup: './test/e2e/global-setup.ts',
  outputDir: 'test-results',
  use: {
    viewport: { width: 1280, height: 800 },
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    reducedMotion: 'reduce',
    // A click on something that never comes fails within a minute with its locator, instead of hanging until the test's time-out.
    actionTimeout: 60_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'retain-on-failure',
  },
});
