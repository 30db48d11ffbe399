/**
 * The real Electron shell, end to end: window preferences, the bridge, and
 * that navigation, new windows, eval and path traversal are refused.
 *
 * Needs an Electron binary, which cannot be downloaded everywhere. Without one
 * the tests are skipped (and say so once); they never call `_electron.launch()`
 * without an explicit executablePath, because that would try to download it.
 * Needs `npm run build` first (out/main/index.js). On Linux CI without a
 * display, run under xvfb-run.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { profileDirFor } from '../../electron/main/args';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp';
import { METHODS } from '../../shared/contract/methods';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN_JS = join(ROOT, 'out', 'main', 'index.js');

/** Where the electron package would put its binary, by platform. */
const BINARY_IN_DIST: Record<string, string> = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
};

/** The Electron binary, or why there is none. Never requires the electron package. */
function findElectron(): { path: string } | { reason: string } {
  const inDist = BINARY_IN_DIST[process.platform] ?? 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const p = join(override, inDist);
    return existsSync(p) ? { path: p } : { reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${p} does not exist` };
  }
  const pkg = join(ROOT, 'node_modules', 'electron');
  const pathTxt = join(pkg, 'path.txt');
  if (existsSync(pathTxt)) {
    const p = join(pkg, 'dist', readFileSync(pathTxt, 'utf8').trim());
    if (existsSync(p)) return { path: p };
  }
  return { reason: 'no Electron binary (set ELECTRON_OVERRIDE_DIST_PATH to a folder holding one)' };
}

const found = findElectron();
const skipReason = 'reason' in found ? `Electron shell tests skipped: ${found.reason}` : null;
if (skipReason) console.log(skipReason);

/** Runs in the page; typed loosely because the Node test project has no DOM types. */
type PageGlobals = {
  styrelsebordet?: Record<string, (input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>>;
};

test.describe('Electron shell', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  let app: ElectronApplication;
  let page: Page;
  let tmp: string;

  test.beforeAll(async () => {
    if (!existsSync(MAIN_JS)) throw new Error(`${MAIN_JS} is missing: run \`npm run build\` first.`);
    tmp = mkdtempSync(join(tmpdir(), 'sb-electron-'));
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE; // would turn the binary into plain Node
    app = await electron.launch({
      executablePath: (found as { path: string }).path,
      args: [MAIN_JS, '--data', join(tmp, 'data')],
      env: env as Record<string, string>,
      timeout: 30_000,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (tmp) {
      // The shell keeps Chromium's profile for a --data folder in the OS temp folder; remove both.
      rmSync(profileDirFor(join(tmp, 'data')), { recursive: true, force: true });
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  test('one window, on app://, with isolation, sandbox and no Node', async () => {
    const info = await app.evaluate(({ BrowserWindow }) => {
      const wins = BrowserWindow.getAllWindows();
      const wc = wins[0]!.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null };
      return { count: wins.length, url: wins[0]!.webContents.getURL(), prefs: wc.getLastWebPreferences?.() ?? null, min: wins[0]!.getMinimumSize() };
    });
    expect(info.count).toBe(1);
    expect(info.url).toBe('app://styrelsebordet/index.html');
    expect(info.min).toEqual([1024, 700]);
    // getLastWebPreferences is undocumented; when present it shows what Electron actually applied.
    if (info.prefs) {
      expect(info.prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
    }
    const globals = await page.evaluate(() => {
      const g = globalThis as Record<string, unknown>;
      return { require: typeof g.require, process: typeof g.process, module: typeof g.module, Buffer: typeof g.Buffer, ipc: typeof g.ipcRenderer };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined', ipc: 'undefined' });
  });

  test('window.styrelsebordet has exactly the contract methods and answers through IPC', async () => {
    const shape = await page.evaluate(() => {
      const sb = (globalThis as PageGlobals).styrelsebordet;
      return sb ? { keys: Object.keys(sb).sort(), frozen: Object.isFrozen(sb), fns: Object.values(sb).every((f) => typeof f === 'function') } : null;
    });
    expect(shape).toEqual({ keys: [...METHODS].sort(), frozen: true, fns: true });

    const info = await page.evaluate(() => (globalThis as PageGlobals).styrelsebordet!['app.info']!({}));
    expect(info).toMatchObject({ ok: true, value: { name: 'Styrelsebordet', host: 'electron' } });

    const bad = await page.evaluate(() => (globalThis as PageGlobals).styrelsebordet!['attachments.read']!({ sha256: 'x' }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  test('navigation away is blocked and window.open returns null', async () => {
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(1000);
    expect(page.url()).toBe('app://styrelsebordet/index.html');

    // http (not https) so the test never hands a URL to the system browser.
    const opened = await page.evaluate(() => {
      const open = (globalThis as unknown as { open: (url: string) => unknown }).open;
      return [open('http://example.com/') === null, open('about:blank') === null];
    });
    expect(opened).toEqual([true, true]);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('the app:// protocol sends the CSP and refuses traversal; eval is blocked', async () => {
    const res = await page.evaluate(async () => {
      const own = await fetch('app://styrelsebordet/index.html');
      const status = async (u: string) => (await fetch(u)).status;
      return {
        ownStatus: own.status,
        csp: own.headers.get('content-security-policy'),
        nosniff: own.headers.get('x-content-type-options'),
        traversal: [
          await status('app://styrelsebordet/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd'),
          await status('app://styrelsebordet/..%2f..%2f..%2f..%2fetc%2fpasswd'),
          await status('app://styrelsebordet/%252e%252e%252fetc%252fpasswd'),
          await status('app://styrelsebordet/does-not-exist.js'),
        ],
      };
    });
    expect(res.ownStatus).toBe(200);
    expect(res.csp).toBe(CONTENT_SECURITY_POLICY);
    expect(res.nosniff).toBe('nosniff');
    expect(res.traversal).toEqual([404, 404, 404, 404]);

    const evalResult = await page.evaluate(() => {
      try {
        return String((0, eval)('1 + 1'));
      } catch (e) {
        return (e as Error).name;
      }
    });
    expect(evalResult).toBe('EvalError');
  });
});
