import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { configurePdfBudget } from '../../../../../../electron/services/pdf/sandbox';
import { laptop } from '../../../../../helpers/federation-fixture';
import { makeVerifyBomb } from '../../../../../helpers/hostile-pdfs';

/**
 * Issue #14: `verify` read a protokoll PDF with pdf.js on the main side's
 * thread. A form-XObject bomb carrying an `export.json` (so its pages' text is
 * read) blocked every other call while it ran. Now the check runs in the PDF
 * worker thread with a time budget: the main side keeps answering, and the
 * file is not a valid protokoll, with a Swedish reason.
 */
const before = configurePdfBudget({ verifyMs: 4000 });
afterAll(() => void configurePdfBudget(before));

describe('verify of a hostile PDF', () => {
  it('keeps the main side answering and refuses the file within its budget', async () => {
    const s = await laptop('verify-bomb');
    const bomb = makeVerifyBomb();
    expect(bomb.byteLength).toBeLessThan(4000);
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    let done = false;
    const verified = s['protokoll.verify']({ bytes: bomb }).finally(() => (done = true));
    let answered = 0;
    const started = Date.now();
    while (!done && Date.now() - started < 120_000) {
      await s['session.get']({});
      answered++;
      await new Promise((r) => setTimeout(r, 20));
    }
    lag.disable();
    const result = await verified;
    expect(result.ok).toBe(false);
    expect(result.problems.join(' ')).toMatch(/för krävande|skadad/);
    expect(answered).toBeGreaterThan(10);
    expect(lag.max / 1e6).toBeLessThan(1000);
  }, 180_000);
});
