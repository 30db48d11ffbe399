/**
 * Applies the app's security rules to Electron objects. The rules themselves
 * (which URLs are allowed, the CSP) live in ../security so they can be tested
 * without Electron and shared with the browser host.
 */
import { app, shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { isAllowedNavigation, isSafeExternalUrl } from '../security/urls';

/**
 * Deny every permission (camera, notifications, geolocation, clipboard-read,
 * fullscreen requests from the page…) and put the CSP on every response.
 * Call once the app is ready, for each session the app uses.
 */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    // DevTools pages bring their own policy; ours would break them in development.
    if (details.url.startsWith('devtools:')) return callback({});
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      // Drop any policy already present so exactly one (ours) applies.
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
}

/** Navigation, new windows and webviews are refused for one webContents. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links meant for a new window (target=_blank) open in the user's browser,
    // but only plain https; never a new Electron window.
    if (isSafeExternalUrl(url)) {
      shell.openExternal(new URL(url).href).catch((err: unknown) => {
        console.warn('[security] could not open external link', err);
      });
    }
    return { action: 'deny' };
  });
}

/**
 * Call before `app.whenReady()`: forces the sandbox for every renderer and
 * hardens every webContents the moment it is created, including any the app
 * did not create itself.
 */
export function installSecurityGuards(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
