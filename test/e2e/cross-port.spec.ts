import { expect, test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { call, closeLaptops, eventCount, openLaptop } from './host';

/**
 * The cross-port attack on the browser host: a page served from another
 * 127.0.0.1 port, open in the same browser as the app, shares the host name
 * (cookies ignore ports, and SameSite counts it as the same site). It must
 * not be able to create a förbund or sign an event, and its server must
 * never receive the app's token in a cookie.
 */
test.describe.configure({ mode: 'serial' });
test.afterAll(closeLaptops);

/** The attacker's page: every way a page can send a call without reading the answer. */
function attackPage(victim: string, method: string, input: unknown): string {
  const body = JSON.stringify(input).replace(/</g, '\\u003c');
  return `<!doctype html><meta charset="utf-8"><title>Kattbilder</title>
<form id="f" method="POST" action="${victim}/api/${method}" enctype="text/plain" target="sink"><input name='${body.replace(/'/g, '&#39;')}' value=""></form>
<iframe name="sink"></iframe>
<img src="/pixel.gif">
<script>
(async () => {
  const url = ${JSON.stringify(victim)} + '/api/${method}';
  const body = ${JSON.stringify(body)};
  const tries = [
    fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body }),
    fetch(url, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body }),
    fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include', body: new Blob([body]) }),
  ];
  await Promise.allSettled(tries);
  const sink = document.querySelector('iframe');
  await new Promise((resolve) => { sink.addEventListener('load', resolve, { once: true }); document.getElementById('f').submit(); });
  document.title = 'klar';
})();
</script>`;
}

test('a page on another 127.0.0.1 port can neither create a förbund nor sign an event, and never gets the token', async ({ browser }) => {
  const app = await openLaptop(browser);
  await expect(app.page.getByRole('heading', { level: 1 })).toBeVisible();
  const { host, context } = app;

  let attack = { method: '', input: {} as unknown };
  const cookiesSeen: string[] = [];
  const evil: Server = createServer((req, res) => {
    cookiesSeen.push(req.headers.cookie ?? '');
    if (req.url === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(attackPage(host.origin, attack.method, attack.input));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => evil.listen(0, '127.0.0.1', () => r()));
  const evilOrigin = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
  const runAttack = async (method: string, input: unknown) => {
    attack = { method, input };
    const page = await context.newPage();
    await page.goto(`${evilOrigin}/`);
    await expect(page).toHaveTitle('klar');
    await page.close();
  };

  try {
    // 1. Creating a förbund on a laptop that has none.
    await runAttack('forbund.create', { name: 'Kapat förbund', orgNr: '222000-0018', director: { name: 'Mallory', email: 'm@example.se' } });
    expect((await call<{ forbund: unknown }>(host, 'session.get')).forbund).toBeNull();

    // 2. Signing an event as the user, once the förbund exists.
    await call(host, 'forbund.create', { name: 'Samordningsförbundet Test', orgNr: '222000-0018', director: { name: 'Dana Direktör', email: 'dana@example.se' } });
    const before = await eventCount(host);
    await runAttack('log.append', { type: 'organisation.added', payload: { id: '4f1c7c57-9a38-4b8e-9f0b-5d1f0f1c2a3b', name: 'Mallorys AB', kind: 'municipality' }, prev: [] });
    expect(await eventCount(host)).toBe(before);

    // 3. The attacker's server saw the browser's cookies for 127.0.0.1, but never the token.
    expect(cookiesSeen.length).toBeGreaterThan(0);
    for (const cookie of cookiesSeen) expect(cookie).not.toContain(host.token);
  } finally {
    await new Promise<void>((r) => evil.close(() => r()));
  }
});
