/**
 * The pure security rules behind the Electron shell (and the browser host):
 * navigation allow-list, external links, the app:// path guard and the CSP.
 */
import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/security/csp';
import { contentTypeFor, resolveAppUrl, resolveStaticPath } from '../../../../electron/security/static-files';
import { APP_ENTRY_URL, isAllowedNavigation, isAppUrl, isSafeExternalUrl } from '../../../../electron/security/urls';

describe('isAllowedNavigation', () => {
  it.each([APP_ENTRY_URL, 'app://styrelsebordet/', 'app://styrelsebordet/index.html#/moten/3'])('allows %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'app://styrelsebordet.evil/index.html',
    'app://styrelsebordet@evil/index.html',
    'app://user:pw@styrelsebordet/index.html',
    'app://other/index.html',
    'APP://STYRELSEBORDET/index.html', // Chromium canonicalises to lower case; anything else is not ours
    'app://styrelsebordet',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isAppUrl(undefined as unknown as string)).toBe(false);
    expect(isAppUrl(null as unknown as string)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each(['https://www.finsam.se/', 'https://example.com/a?b=c#d', 'https://regeringen.se'])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://example.com/',
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'javascript:alert(1)',
    'mailto:styrelse@example.se',
    'app://styrelsebordet/index.html',
    'https://user:pw@example.com/',
    'https://',
    '//example.com',
    'example.com',
    '',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('resolveAppUrl (app:// traversal guard)', () => {
  // The guard is pure path logic: the folder need not exist.
  const root = resolve('/srv/styrelsebordet/out/renderer');
  const inside = (p: string | null) => p !== null && p.startsWith(root + sep);

  it('maps the app files into the root folder', () => {
    expect(resolveAppUrl('app://styrelsebordet/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppUrl('app://styrelsebordet/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppUrl('app://styrelsebordet/assets/index-Ab12.js?v=1#x', root)).toBe(join(root, 'assets', 'index-Ab12.js'));
    expect(resolveAppUrl('app://styrelsebordet/fonts/Inter%20Var.woff2', root)).toBe(join(root, 'fonts', 'Inter Var.woff2'));
    expect(resolveAppUrl('app://styrelsebordet/bilder/%C3%A5%C3%A4%C3%B6.png', root)).toBe(join(root, 'bilder', 'åäö.png'));
  });

  it.each([
    'app://styrelsebordet/../../etc/passwd',
    'app://styrelsebordet/assets/../../../etc/passwd',
    'app://styrelsebordet/./index.html',
    'app://styrelsebordet/%2e%2e/%2e%2e/etc/passwd',
    'app://styrelsebordet/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://styrelsebordet/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'app://styrelsebordet/..%2f..%2fetc%2fpasswd',
    'app://styrelsebordet/%252e%252e%252f%252e%252e%252fetc%252fpasswd', // double-encoded
    'app://styrelsebordet/%25252e%25252e%25252fetc', // triple-encoded
    'app://styrelsebordet/..\\..\\windows\\win.ini',
    'app://styrelsebordet/assets\\..\\..\\secret',
    'app://styrelsebordet/%5c..%5c..%5cwindows%5cwin.ini',
    'app://styrelsebordet//etc/passwd',
    'app://styrelsebordet/%2fetc%2fpasswd',
    'app://styrelsebordet/C:/Windows/win.ini',
    'app://styrelsebordet/C%3A%5CWindows%5Cwin.ini',
    'app://styrelsebordet/index.html%00.png',
    'app://styrelsebordet/index.html:stream',
    'app://styrelsebordet/%zz',
    'app://styrelsebordet/assets/',
    'app://styrelsebordet.evil/index.html',
    'app://other/index.html',
    'https://styrelsebordet/index.html',
    'file:///etc/passwd',
    '/etc/passwd',
    '',
  ])('refuses %s', (url) => {
    expect(resolveAppUrl(url, root)).toBeNull();
  });

  it('never returns a path outside the root, whatever the input', () => {
    const tricky = ['..', '%2e', '%252e', '/', '%2f', '\\', '%5c', 'a', '.', ':', '%00', '%'];
    for (const a of tricky) for (const b of tricky) for (const c of tricky) {
      const r = resolveAppUrl(`app://styrelsebordet/${a}${b}${c}/x`, root);
      expect(r === null || inside(r), `${a}${b}${c}`).toBe(true);
    }
  });
});

describe('resolveStaticPath', () => {
  const root = resolve('/srv/styrelsebordet/out/renderer');
  it('needs a leading slash and refuses the root folder itself', () => {
    expect(resolveStaticPath('index.html', root)).toBeNull();
    expect(resolveStaticPath('/', root)).toBe(join(root, 'index.html'));
  });
});

describe('contentTypeFor', () => {
  it('knows the built file types and falls back to opaque bytes', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/pdf.worker.mjs')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/f.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/cmap.bcmap')).toBe('application/octet-stream');
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );

  it('is strict where it matters', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });

  it('never allows eval, remote hosts or inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('is a single header line', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/[\r\n]/);
  });
});
