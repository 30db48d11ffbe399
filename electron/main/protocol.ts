/**
 * The app:// protocol: serves the built renderer (out/renderer) and nothing
 * else. Loading from a custom origin instead of file:// gives the page a real
 * origin, so CSP 'self' and the IPC sender check mean "the app's own files".
 */
import { protocol } from 'electron';
import { readFile, realpath } from 'node:fs/promises';
import { sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { contentTypeFor, resolveAppUrl } from '../security/static-files';
import { APP_SCHEME } from '../security/urls';

/** Must run before the app is ready (Electron requirement for privileged schemes). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: real origin and relative URLs; secure: treated like https;
      // supportFetchAPI: the renderer (pdf.js) can fetch its own assets.
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** Call after the app is ready. `rootDir` is the built renderer folder. */
export function serveAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
    const file = resolveAppUrl(request.url, rootDir);
    if (!file) return plain(404, 'Not Found');
    let body: Buffer;
    try {
      // The path guard works on names; this catches a link inside the build folder pointing out of it.
      const [real, realRoot] = await Promise.all([realpath(file), realpath(rootDir)]);
      if (!real.startsWith(realRoot + sep)) return plain(404, 'Not Found');
      body = await readFile(real);
    } catch {
      // Missing file or a folder: same answer as a refused path, so probing learns nothing.
      return plain(404, 'Not Found');
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) },
    });
  });
}
