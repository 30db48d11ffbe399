import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/security/csp';

/** The renderer's <meta> CSP is a fallback copy of the header: it must not drift from the one source of truth. */
describe('CSP in renderer/index.html', () => {
  it('equals the shipped policy, minus the directives a <meta> tag cannot carry', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const headerOnly = new Set(['frame-ancestors']); // ignored in <meta> by the CSP spec
    const expected = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !headerOnly.has(d.split(' ')[0]!));
    expect(meta!.split('; ')).toEqual(expected);
  });
});
