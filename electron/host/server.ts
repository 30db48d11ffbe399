import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeWire, dispatch, encodeWire, type Envelope, type ErrorCode, type Handlers } from '../../shared/contract';
import { MAX_ATTACHMENT_BYTES } from '../../shared/contract/schemas';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { readStatic } from './static';

/** Addresses the host may listen on. Anything else is refused: this is a local test and preview host. */
export const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'] as const;

export interface HostOptions {
  handlers: Handlers;
  rootDir: string; // the built renderer
  port?: number; // 0 = any free port
  host?: string;
  token?: string;
}

export interface RunningHost {
  url: string; // address with the token, for a browser
  origin: string;
  token: string;
  close(): Promise<void>;
}

const COOKIE = 'sb_token';
// Base64 of the largest attachment plus JSON overhead.
const MAX_BODY = Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 64 * 1024;

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  forbidden: 403,
  not_found: 404,
  too_large: 413,
  invalid_file: 422,
  bad_response: 500,
  internal: 500,
};

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const host = opts.host ?? '127.0.0.1';
  if (!(LOOPBACK_HOSTS as readonly string[]).includes(host)) {
    throw new Error(`Webbvärden lyssnar bara på loopback (127.0.0.1), inte på ${host}.`);
  }
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[host]', err);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internt fel');
      else res.destroy();
    });
  });

  let origin = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    // DNS rebinding guard: only our own loopback name is an acceptable Host.
    const hostHeader = req.headers.host ?? '';
    if (!isLoopbackHostHeader(hostHeader, server.address() as AddressInfo)) {
      return send(res, 421, 'text/plain; charset=utf-8', 'Fel värdnamn');
    }
    const presented = url.searchParams.get('token') ?? bearer(req) ?? cookie(req, COOKIE);
    if (!presented || !sameToken(Buffer.from(presented), tokenBytes)) {
      return send(res, 401, 'text/plain; charset=utf-8', 'Behörighet saknas: adressen måste innehålla rätt nyckel (token).');
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Endast POST');
      const method = url.pathname.slice('/api/'.length);
      const body = await readBody(req, MAX_BODY);
      if (body === null) return sendEnvelope(res, { ok: false, error: { code: 'too_large', message: 'Filen är för stor för att skickas.' } });
      let input: unknown;
      try {
        input = body.length === 0 ? {} : decodeWire(body.toString('utf8'));
      } catch {
        return sendEnvelope(res, { ok: false, error: { code: 'bad_request', message: 'Begäran hade fel format och avvisades.' } });
      }
      return sendEnvelope(res, await dispatch(opts.handlers, method, input));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Endast GET');
    const file = await readStatic(opts.rootDir, url.pathname);
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Finns inte');
    const headers: Record<string, string> = {};
    // The page address carries the token once; a strict same-site cookie lets
    // the page load its scripts, styles and the PDF worker afterwards.
    if (url.searchParams.has('token')) headers['Set-Cookie'] = `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    send(res, 200, file.type, req.method === 'HEAD' ? '' : file.body, headers);
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolvePromise());
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${hostPart}:${address.port}`;
  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    origin,
    token,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>): void {
  const status = envelope.ok ? 200 : STATUS[envelope.error.code];
  send(res, status, 'application/json; charset=utf-8', encodeWire(envelope));
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

function isLoopbackHostHeader(value: string, address: AddressInfo): boolean {
  const allowed = new Set([`127.0.0.1:${address.port}`, `localhost:${address.port}`, `[::1]:${address.port}`]);
  return allowed.has(value.toLowerCase());
}

function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : null;
}

function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

function sameToken(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads a request body up to `limit` bytes; null when it is larger (the rest is discarded). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
