import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { decodeWire, encodeWire } from '../../shared/contract';

/**
 * The one e2e toolkit: browser hosts on their own data folders ("laptops"),
 * browser contexts on them, and direct contract calls for what a test must
 * count or check behind the screen. Specs never define their own.
 */

export interface StartedHost {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** The host's process (npm's with `viaNpm`): the bench reads its CPU time. */
  pid?: number;
  stop(): Promise<void>;
}

export interface HostOptions {
  dataDir?: string;
  /**
   * Start through `npm run web` exactly as a person would (the contract the
   * README names). By default the built host bundle runs with plain node:
   * the same program, without npm's start-up and the freshness check.
   */
  viaNpm?: boolean;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HOST_BUNDLE = join(ROOT, 'out', 'host', 'main.mjs');

/** Starts a browser host and reads the address from its first stdout line (a contract others rely on). */
export async function startWebHost(options: HostOptions = {}): Promise<StartedHost> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sb-e2e-'));
  if (!options.viaNpm && !existsSync(HOST_BUNDLE)) throw new Error(`${HOST_BUNDLE} is missing: run npm run build first (the e2e global set-up does).`);
  const [command, args] = options.viaNpm
    ? ['npm', ['run', 'web', '--', '--data', dataDir]]
    : [process.execPath, [HOST_BUNDLE, '--data', dataDir]];
  const child: ChildProcess = spawn(command, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so stop() ends npm and the host together
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
    // A contract call that failed inside the host (an "internal" answer, logged as `[method] error`) shows its stack in the test's output.
    if (/^\[(host|[a-z]+\.[a-zA-Z]+)\]/m.test(d.toString())) process.stderr.write(`[web host ${dataDir}] ${d.toString()}`);
  });
  const firstLine = await new Promise<string>((resolveLine, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in time:\n${stderr}`)), 60_000);
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolveLine(line);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${stderr}`));
    });
  });
  const url = new URL(firstLine);
  return {
    url: firstLine,
    origin: url.origin,
    token: url.searchParams.get('token') ?? '',
    dataDir,
    pid: child.pid,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          done(); // already gone
        }
      }),
  };
}

/** One person's laptop: a host on its own data folder and a browser context on it. */
export interface Laptop {
  page: Page;
  host: StartedHost;
  context: BrowserContext;
}

const running: StartedHost[] = [];

/**
 * Opens a laptop: starts a host, opens a context with reduced motion (so
 * screens are measured settled, see screens.ts) and downloads allowed, and
 * loads the app. Close them all with `closeLaptops` in `afterAll`.
 */
export async function openLaptop(browser: Browser, options: BrowserContextOptions & HostOptions = {}): Promise<Laptop> {
  const { dataDir, viaNpm, ...contextOptions } = options;
  const host = await startWebHost({ dataDir, viaNpm });
  running.push(host);
  const context = await browser.newContext({ acceptDownloads: true, reducedMotion: 'reduce', ...contextOptions });
  const page = await context.newPage();
  await page.goto(host.url);
  return { page, host, context };
}

/** Stops every host opened by `openLaptop` in this worker. */
export async function closeLaptops(): Promise<void> {
  const hosts = running.splice(0);
  await Promise.all(hosts.map((h) => h.stop()));
}

/** Calls a contract method on a host directly, as the renderer's HTTP client does; throws on an error envelope. */
export async function call<T = unknown>(host: StartedHost, method: string, input: unknown = {}): Promise<T> {
  const res = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: encodeWire(input),
  });
  const env = decodeWire(await res.text()) as { ok: boolean; value?: T; error?: { message?: string } };
  if (!env.ok) throw new Error(`${method}: ${env.error?.message ?? res.status}`);
  return env.value as T;
}

/**
 * A package into a host as the renderer sends it (issue #16): the raw bytes to the upload route; the
 * answer is the id `packages.preview` takes. The package's download: the route the export's name gives.
 */
export async function uploadPackage(host: StartedHost, fileName: string, bytes: Uint8Array): Promise<string> {
  const res = await fetch(`${host.origin}/upload/package?name=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${host.token}` },
    body: bytes,
  });
  const env = decodeWire(await res.text()) as { ok: boolean; value?: { fileId: string }; error?: { message?: string } };
  if (!env.ok) throw new Error(`upload: ${env.error?.message ?? res.status}`);
  return env.value!.fileId;
}

export async function downloadPackage(host: StartedHost, fileName: string): Promise<Buffer> {
  const res = await fetch(`${host.origin}/download/package/${encodeURIComponent(fileName)}`, { headers: { Authorization: `Bearer ${host.token}` } });
  if (!res.ok) throw new Error(`download ${fileName}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/** How many events this laptop's log holds: a refusal must leave it as it was. */
export async function eventCount(host: StartedHost): Promise<number> {
  const value = await call<{ events: unknown[] }>(host, 'log.list', { afterSeq: 0 });
  return value.events.length;
}
