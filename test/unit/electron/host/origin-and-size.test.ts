import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeWire, type Handlers } from '../../../../shared/contract';
import { startHost, type RunningHost } from '../../../../electron/host/server';

/**
 * The browser host is bound to its own origin: a page on another 127.0.0.1
 * port shares the host name (and, before, the cookie) but must not be able to
 * call the contract. Bodies are capped while they stream.
 */
interface Answer {
  status: number;
  body: string;
  headers: Record<string, unknown>;
}

function post(host: RunningHost, path: string, headers: Record<string, string>, body: string | Buffer = '{}'): Promise<Answer> {
  const { port } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Streams `total` bytes without a Content-Length (chunked) or with one; resolves with the status the host answered. */
function streamPost(host: RunningHost, path: string, total: number, withLength: boolean): Promise<number> {
  const { port } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' };
    if (withLength) headers['Content-Length'] = String(total);
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    // The host may close the connection while we still write: that is the point.
    req.on('error', (err) => reject(err));
    const chunk = Buffer.alloc(1024 * 1024, 0x31); // '1111…'
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    req.write('[');
    pump();
  });
}

describe('browser host: bound to its origin', () => {
  let host: RunningHost;
  const info = vi.fn(async () => ({ name: 'Styrelsebordet', version: '1.0.0', host: 'web', dataDir: '/x' }));
  const root = mkdtempSync(join(tmpdir(), 'sb-host-origin-'));

  beforeAll(async () => {
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Styrelsebordet</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    host = await startHost({ handlers: { 'app.info': info } as unknown as Handlers, rootDir: root });
  });
  afterAll(() => host.close());

  const json = () => ({ 'Content-Type': 'application/json' });

  it('refuses a call from another port’s page that rides on the cookie (text/plain, simple request)', async () => {
    const { port } = new URL(host.origin);
    const evil = `http://127.0.0.1:${Number(port) + 1}`;
    // Whatever cookie the page got, the attacker's page sends it along (cookies ignore ports).
    const cookie = (await fetch(host.url)).headers.get('set-cookie')?.split(';')[0] ?? '';
    info.mockClear();
    const res = await post(host, '/api/app.info', {
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: evil,
      'Sec-Fetch-Site': 'same-site',
      Cookie: `${cookie}; sb_token=${host.token}`,
    });
    expect(res.status).toBe(403);
    expect(info).not.toHaveBeenCalled();
  });

  it('refuses a call with the right token but a foreign Origin or a cross-site fetch', async () => {
    const { port } = new URL(host.origin);
    info.mockClear();
    const bearer = { Authorization: `Bearer ${host.token}`, ...json() };
    expect((await post(host, '/api/app.info', { ...bearer, Origin: `http://127.0.0.1:${Number(port) + 1}` })).status).toBe(403);
    expect((await post(host, '/api/app.info', { ...bearer, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await post(host, '/api/app.info', { ...bearer, 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect((await post(host, '/api/app.info', { ...bearer, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect(info).not.toHaveBeenCalled();
    // The app's own page: same origin.
    expect((await post(host, '/api/app.info', { ...bearer, Origin: host.origin, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    expect(info).toHaveBeenCalledTimes(1);
  });

  it('accepts calls only as application/json', async () => {
    const auth = { Authorization: `Bearer ${host.token}` };
    expect((await post(host, '/api/app.info', { ...auth, 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await post(host, '/api/app.info', auth)).status).toBe(415);
    expect((await post(host, '/api/app.info', { ...auth, 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(200);
  });

  it('never accepts the token from a cookie or the address for a call', async () => {
    expect((await post(host, `/api/app.info?token=${host.token}`, json())).status).toBe(401);
    expect((await post(host, '/api/app.info', { ...json(), Cookie: `sb_token=${host.token}` })).status).toBe(401);
  });

  it('gives the page a per-port cookie that is not the token', async () => {
    const res = await fetch(host.url);
    const cookie = res.headers.get('set-cookie') ?? '';
    const { port } = new URL(host.origin);
    expect(cookie).toMatch(new RegExp(`^sb_asset_${port}=`));
    expect(cookie).not.toContain(host.token);
    expect(cookie).toMatch(/HttpOnly/);
    const value = cookie.split(';')[0]!;
    const asset = await fetch(`${host.origin}/assets/app.js`, { headers: { Cookie: value } });
    expect(asset.status).toBe(200);
  });

  it('answers 413 at once to an announced 130 MB body, and keeps answering', async () => {
    expect(await streamPost(host, '/api/app.info', 130 * 1024 * 1024, true)).toBe(413);
    const res = await post(host, '/api/app.info', { Authorization: `Bearer ${host.token}`, ...json() });
    expect(res.status).toBe(200);
  });

  it('stops reading a streamed (chunked) body at the cap and answers 413', async () => {
    const before = process.memoryUsage().rss;
    expect(await streamPost(host, '/api/app.info', 130 * 1024 * 1024, false)).toBe(413);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    expect((await post(host, '/api/app.info', { Authorization: `Bearer ${host.token}`, ...json() })).status).toBe(200);
  });

  it('answers 413 to a 130 MB body even on the call that carries a file', async () => {
    expect(await streamPost(host, '/api/attachments.add', 130 * 1024 * 1024, false)).toBe(413);
  });

  it('caps calls that carry no file at 1 MB', async () => {
    const big = encodeWire({ x: 'a'.repeat(2 * 1024 * 1024) });
    expect((await post(host, '/api/app.info', { Authorization: `Bearer ${host.token}`, ...json() }, big)).status).toBe(413);
  });
});
