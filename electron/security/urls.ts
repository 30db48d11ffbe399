/**
 * Where the app lives and which URLs may be navigated to or handed to the
 * user's browser. Pure functions (no electron import) so they can be unit
 * tested and reused by the browser host.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'styrelsebordet';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for URLs on the app's own origin. Checked with a prefix on the raw
 * string as well as a parse, so tricks such as `app://styrelsebordet.evil/` or
 * `app://styrelsebordet@evil/` fail both ways.
 */
export function isAppUrl(url: string): boolean {
  if (typeof url !== 'string' || !url.startsWith(`${APP_ORIGIN}/`)) return false;
  const u = parse(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.host === APP_HOST &&
    u.username === '' &&
    u.password === ''
  );
}

/**
 * Whether a top-level navigation may proceed. The app is a single page on its
 * own origin; everything else (web pages, file://, javascript:, data:) is refused.
 */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * Whether a link may be opened in the user's own browser. Only https with a
 * real host and no embedded credentials: never file:, smb:, custom schemes or
 * anything that would launch a local program.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string') return false;
  const u = parse(url);
  return (
    u !== null &&
    u.protocol === 'https:' &&
    u.hostname !== '' &&
    u.username === '' &&
    u.password === ''
  );
}
