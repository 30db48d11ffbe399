import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeWire, dispatch, encodeWire, type Envelope, type ErrorCode, type Handlers } from '../../shared/contract';
import type { PackageFiles } from '../services/packages/package-files';
import { servePackageDownload, servePackageUpload, UPLOAD_PATH, DOWNLOAD_PREFIX } from './package-routes';
import { MAX_ATTACHMENT_BYTES } from '../../shared/contract/schemas';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { readStatic } from './static';

/** Addresses the host may listen on. Anything else is refused: this is a local test and preview host. */
export const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'] as const;

export interface HostOptions {
  handlers: Handlers;
  /** Package uploads and downloads (issue #16); without them those routes answer 404. */
  packageFiles?: PackageFiles;
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

/**
 * Body caps, enforced while the body streams in. Only the calls that carry a
 * file get the large cap (base64 of the largest attachment plus JSON); every
 * other call is a few kilobytes of JSON. Parsing cost grows with the body
 * (130 MB of `[1,1,…]` took 3 GB and 25 s), so nothing bigger is ever read.
 */
export const MAX_FILE_BODY = Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 64 * 1024;
export const MAX_CALL_BODY = 1024 * 1024;
const FILE_METHODS: ReadonlySet<string> = new Set(['attachments.add']);

export const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  forbidden: 403,
  not_found: 404,
  too_large: 413,
  locked: 423,
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
  // The page's scripts, styles and PDF worker load with a cookie. Cookies are
  // shared by every port of a host name, so it is never the token: a separate
  // key that opens the static files only, under a name of its own per port.
  const assetKey = randomBytes(24).toString('base64url');
  const assetKeyBytes = Buffer.from(assetKey);
  let cookieName = '';
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
    if (url.pathname.startsWith('/api/')) return handleCall(req, res, url);
    if (url.pathname === UPLOAD_PATH) {
      const refused = callRefusal(req);
      if (refused) return refuseAndClose(req, res, refused.status, refused.message);
      if (!opts.packageFiles) return refuseAndClose(req, res, 404, 'Finns inte');
      return servePackageUpload(req, res, url, opts.packageFiles, sendEnvelope);
    }
    if (url.pathname.startsWith(DOWNLOAD_PREFIX)) {
      // A download is a navigation (an <a download> click), so the token may come in the address as for the page.
      const presented = url.searchParams.get('token') ?? bearer(req);
      if (!presented || !sameToken(Buffer.from(presented), tokenBytes)) return unauthorized(res);
      const site = req.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none') return send(res, 403, 'text/plain; charset=utf-8', 'Hämtningen kom från en annan sida och avvisades.');
      if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'Endast GET');
      if (!opts.packageFiles) return send(res, 404, 'text/plain; charset=utf-8', 'Finns inte');
      return servePackageDownload(res, url, opts.packageFiles, send);
    }

    const presentedToken = url.searchParams.get('token') ?? bearer(req);
    const presentedAsset = cookie(req, cookieName);
    const allowed =
      (presentedToken !== null && sameToken(Buffer.from(presentedToken), tokenBytes)) ||
      (presentedAsset !== null && sameToken(Buffer.from(presentedAsset), assetKeyBytes));
    if (!allowed) return unauthorized(res);

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Endast GET');
    const file = await readStatic(opts.rootDir, url.pathname);
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Finns inte');
    const headers: Record<string, string> = {};
    // The page address carries the token once; a strict same-site cookie lets
    // the page load its scripts, styles and the PDF worker afterwards.
    if (url.searchParams.has('token')) headers['Set-Cookie'] = `${cookieName}=${assetKey}; HttpOnly; SameSite=Strict; Path=/`;
    send(res, 200, file.type, req.method === 'HEAD' ? '' : file.body, headers);
  }

  /**
   * A contract call. Bound to this host's own origin: the token only as a
   * bearer header (never a cookie, which other ports' pages would send along,
   * nor the address), only application/json (a cross-origin page cannot send
   * it without a preflight, which is never granted), no foreign Origin and no
   * cross-origin fetch metadata. The body is read up to its cap, no further.
   */
  /** The checks every call and upload passes first: our own origin, the bearer token, POST. */
  function callRefusal(req: IncomingMessage): { status: number; message: string } | null {
    const fetchSite = req.headers['sec-fetch-site'];
    const requestOrigin = req.headers.origin;
    if ((fetchSite !== undefined && fetchSite !== 'same-origin') || (requestOrigin !== undefined && requestOrigin !== `http://${req.headers.host ?? ''}`)) {
      return { status: 403, message: 'Anropet kom från en annan sida och avvisades.' };
    }
    const presented = bearer(req);
    if (!presented || !sameToken(Buffer.from(presented), tokenBytes)) return { status: 401, message: 'Behörighet saknas: adressen måste innehålla rätt nyckel (token).' };
    if (req.method !== 'POST') return { status: 405, message: 'Endast POST' };
    return null;
  }

  async function handleCall(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const refused = callRefusal(req);
    if (refused) return refuseAndClose(req, res, refused.status, refused.message);
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') return refuseAndClose(req, res, 415, 'Anrop ska skickas som application/json.');
    const method = url.pathname.slice('/api/'.length);
    const limit = FILE_METHODS.has(method) ? MAX_FILE_BODY : MAX_CALL_BODY;
    const body = await readBody(req, limit);
    if (body === null) {
      const envelope: Envelope<unknown> = { ok: false, error: { code: 'too_large', message: 'Filen är för stor för att skickas.' } };
      res.setHeader('Connection', 'close');
      return sendEnvelope(res, envelope);
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : decodeWire(body.toString('utf8'));
    } catch {
      return sendEnvelope(res, { ok: false, error: { code: 'bad_request', message: 'Begäran hade fel format och avvisades.' } });
    }
    return sendEnvelope(res, await dispatch(opts.handlers, method, input));
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolvePromise());
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${hostPart}:${address.port}`;
  cookieName = `sb_asset_${address.port}`;
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

export function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>): void {
  const status = envelope.ok ? 200 : STATUS[envelope.error.code];
  send(res, status, 'application/json; charset=utf-8', encodeWire(envelope));
}

export function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
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

function unauthorized(res: ServerResponse, req?: IncomingMessage): void {
  const message = 'Behörighet saknas: adressen måste innehålla rätt nyckel (token).';
  if (req) return refuseAndClose(req, res, 401, message);
  send(res, 401, 'text/plain; charset=utf-8', message);
}

/** Answers without reading the body; the connection closes so an unread body is not drained. */
function refuseAndClose(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  const complete = req.complete;
  send(res, status, 'text/plain; charset=utf-8', message, complete ? {} : { Connection: 'close' });
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

/**
 * Reads a request body up to `limit` bytes; null when it is larger. An
 * announced Content-Length over the limit is refused before any byte is read;
 * a streamed body is dropped as soon as it passes the limit (the caller
 * answers 413 and closes the connection, so the rest is never buffered).
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const announced = Number(req.headers['content-length']);
  if (Number.isFinite(announced) && announced > limit) {
    req.pause();
    return Promise.resolve(null);
  }
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      chunks.length = 0;
      resolvePromise(null);
    };
    req.on('data', onData);
    req.on('end', () => resolvePromise(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
