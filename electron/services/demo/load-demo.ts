import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError, type Handlers } from '../../../shared/contract';
import { runDemoScenario } from './scenario';

/**
 * "Utforska ett demoförbund": this installation becomes the demonstration
 * förbund's förbundschef, with the members' return packages imported and
 * their keys accepted, so a new user sees a living app at once.
 */
export async function loadDemoInto(self: Handlers, makeLaptop: (dataDir: string) => Promise<Handlers>): Promise<void> {
  if ((await self['session.get']({})).forbund) throw new AppError('bad_request', 'Den här installationen hör redan till ett förbund.');
  const scratch = await mkdtemp(join(tmpdir(), 'styrelsebordet-demo-'));
  try {
    let n = 0;
    const { memberReturns } = await runDemoScenario(self, () => makeLaptop(join(scratch, `ledamot-${++n}`)));
    for (const file of memberReturns) {
      const preview = await self['packages.preview']({ fileName: file.fileName, bytes: file.bytes });
      await self['packages.apply']({ previewId: preview.previewId });
      await self['log.append']({ type: 'key.accepted', payload: { fingerprint: preview.sender.fingerprint }, prev: [] });
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
