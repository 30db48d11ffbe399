/**
 * Maps a request for the app's own files to a path on disk, refusing anything
 * that could leave the root folder. Used by the app:// protocol handler; the
 * browser host can use `resolveStaticPath` for its static files too.
 *
 * Deliberately stricter than a web server: the built renderer only has plain
 * file names, so anything odd (dot segments, backslashes, control characters,
 * double encoding, drive letters, empty segments) is refused instead of being
 * normalised into something that happens to be inside the root.
 */
import { extname, resolve, sep } from 'node:path';
import { APP_ORIGIN } from './urls';

/**
 * `urlPath` is the path part of a URL as received, still percent-encoded,
 * starting with '/'. Returns an absolute path inside `rootDir`, or null.
 */
export function resolveStaticPath(urlPath: string, rootDir: string): string | null {
  if (typeof urlPath !== 'string' || !urlPath.startsWith('/')) return null;
  // Backslashes are separators on Windows; refuse them before and after decoding.
  if (urlPath.includes('\\')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null; // malformed escapes such as '%zz' or a lone '%'
  }
  // A '%' left after one decode means double encoding (e.g. %252e%252e): no built file needs it.
  if (decoded.includes('%')) return null;
  if (decoded.includes('\\') || hasControlCharacter(decoded)) return null;

  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  const segments = relative.split('/');
  // '' catches '//etc/passwd' and trailing slashes; ':' catches drive letters and NTFS streams.
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes(':'))) return null;

  const root = resolve(rootDir);
  const full = resolve(root, ...segments);
  // Final guard, independent of the checks above: the result must be strictly inside root.
  if (!full.startsWith(root + sep)) return null;
  return full;
}

/**
 * Resolves a full app:// URL (as the protocol handler receives it) to a file
 * inside `rootDir`, or null. The raw string is inspected rather than a parsed
 * URL, because URL parsing silently removes '..' and would hide an attack
 * instead of refusing it.
 */
export function resolveAppUrl(url: string, rootDir: string): string | null {
  if (typeof url !== 'string' || !url.startsWith(`${APP_ORIGIN}/`)) return null;
  const rest = url.slice(APP_ORIGIN.length);
  const end = rest.search(/[?#]/);
  return resolveStaticPath(end === -1 ? rest : rest.slice(0, end), rootDir);
}

/** NUL and other control characters have no place in a file name (NUL truncates paths in C code). */
function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

/** Content type by extension; unknown files are served as opaque bytes (never sniffed, see nosniff). */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
