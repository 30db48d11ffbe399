import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeWire, encodeWire, type Handlers } from '../../../../shared/contract';
import { startHost, type RunningHost } from '../../../../electron/host/server';

/** A raw request: the path goes out exactly as written (no URL normalisation). */
function raw(host: RunningHost, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const { port } = new URL(host.origin);
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('browser host', () => {
  let host: RunningHost;
  const list = vi.fn(async () => []);
  const root = mkdtempSync(join(tmpdir(), 'sb-host-'));
  const buildDir = join(root, 'renderer');
  const auth = () => ({ Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' });

  beforeAll(async () => {
    mkdirSync(join(buildDir, 'assets'), { recursive: true });
    writeFileSync(join(buildDir, 'index.html'), '<!doctype html><title>Styrelsebordet</title>');
    writeFileSync(join(buildDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'TOP SECRET');
    const handlers = {
      'app.info': async () => ({ name: 'Styrelsebordet', version: '1.0.0', host: 'web', dataDir: '/x' }),
      'attachments.list': list,
    } as unknown as Handlers;
    host = await startHost({ handlers, rootDir: buildDir });
  });
  afterAll(() => host.close());

  it('listens on 127.0.0.1 and prints an address with a token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{20,}$/);
  });

  it('refuses to bind anything but loopback', async () => {
    await expect(startHost({ handlers: {} as Handlers, rootDir: buildDir, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });

  it('answers 401 without the token, for pages and for calls', async () => {
    expect((await raw(host, '/')).status).toBe(401);
    expect((await raw(host, '/assets/app.js')).status).toBe(401);
    expect((await raw(host, '/api/app.info', { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await raw(host, '/api/app.info', { method: 'POST', body: '{}', headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
  });

  it('serves the page with the token and sets a strict cookie for its assets, with the CSP', async () => {
    const page = await raw(host, `/?token=${host.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Styrelsebordet');
    expect(String(page.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    const asset = await raw(host, '/assets/app.js', { headers: { Cookie: String(page.headers['set-cookie']).split(';')[0]! } });
    expect(asset.status).toBe(200);
  });

  it('runs a valid call and returns the envelope', async () => {
    const res = await raw(host, '/api/app.info', { method: 'POST', headers: auth(), body: '{}' });
    expect(res.status).toBe(200);
    expect(decodeWire(res.body)).toMatchObject({ ok: true, value: { name: 'Styrelsebordet' } });
  });

  it('answers 400 to a call that fails the contract, and never calls the handler', async () => {
    list.mockClear();
    for (const body of [encodeWire({ extra: 1 }), '{not json', encodeWire({ sha256: 'abc' })]) {
      const method = body.includes('sha256') ? 'attachments.read' : 'attachments.list';
      const res = await raw(host, `/api/${method}`, { method: 'POST', headers: auth(), body });
      expect(res.status).toBe(400);
      expect(decodeWire(res.body)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect((await raw(host, '/api/no.such.method', { method: 'POST', headers: auth(), body: '{}' })).status).toBe(400);
    expect(list).not.toHaveBeenCalled();
  });

  it('never serves a file outside its build folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/..%2fsecret.txt',
      '/%252e%252e/secret.txt',
      '/..%5csecret.txt',
      '/assets/..\\..\\secret.txt',
      '//etc/passwd',
      '/%00index.html',
    ];
    for (const path of attempts) {
      const res = await raw(host, path, { headers: auth() });
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('TOP SECRET');
    }
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await raw(host, `/?token=${host.token}`, { headers: { Host: 'evil.example:80' } });
    expect(res.status).toBe(421);
  });
});
