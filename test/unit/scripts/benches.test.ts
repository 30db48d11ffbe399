// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { benchProtokoll } from '../../../bench/protokoll.bench';
import { renderSignedProtokoll } from '../../../electron/services/meetings/protokoll/protokoll-pdf';
import { verifyProtokollPdf } from '../../../electron/services/meetings/protokoll/verify-protokoll';
import { sealed } from '../electron/services/meetings/protokoll/pki-fixtures';

/**
 * CI does not run `npm run bench`, and a bench whose input the app no longer
 * accepts stops the whole run: the protokoll bench's export lacked the signed
 * anslag record from issue #13 on, and nobody saw it for several sessions.
 * What a bench feeds the app is checked here, where CI sees it.
 */
describe('the benches’ inputs', () => {
  it('the protokoll bench exports a protokoll that verify accepts', async () => {
    const { input, pki } = await benchProtokoll(3);
    const result = await verifyProtokollPdf(await sealed(pki, await renderSignedProtokoll(input)), { caFingerprint: pki.ca.fingerprint });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  }, 60_000);
});
