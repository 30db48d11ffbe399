import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../shared/contract';
import type { WithUsb } from './carry';
import { runDemoScenario } from './scenario';

/**
 * "Utforska ett demoförbund": this installation becomes the demonstration
 * förbund's förbundschef. The scenario itself imports the members' return
 * packages and accepts their keys, so a new user sees a living app at once:
 * ansökningar under review, delegations, a justerat protokoll with its
 * outcome and budget, and the next meeting called.
 */
export async function loadDemoInto(self: WithUsb, makeLaptop: (dataDir: string) => Promise<WithUsb>): Promise<void> {
  if ((await self['session.get']({})).forbund) throw new AppError('bad_request', 'Den här installationen hör redan till ett förbund.');
  const scratch = await mkdtemp(join(tmpdir(), 'styrelsebordet-demo-'));
  try {
    let n = 0;
    await runDemoScenario(self, () => makeLaptop(join(scratch, `ledamot-${++n}`)));
  } finally {
    // The members' laptops may still be writing in the background (the text of the PDFs they imported): a
    // folder can fill again while it is removed (ENOTEMPTY, about one demo in twenty-five). Removal is retried,
    // and a scratch folder left in the temp folder never fails the demo that has already loaded.
    await rm(scratch, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch((err: unknown) =>
      console.warn(`[demo] the members' scratch folder ${scratch} was not removed`, err),
    );
  }
}
