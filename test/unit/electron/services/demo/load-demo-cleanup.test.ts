import { describe, expect, it, vi } from 'vitest';
import type * as FsPromises from 'node:fs/promises';
import { laptop } from '../../../../helpers/federation-fixture';
import { loadDemoInto } from '../../../../../electron/services/demo/load-demo';

/**
 * "Utforska ett demoförbund" failed about once in twenty-five loads through the
 * web host (e2e: verify-protokoll.spec.ts, and likely at-rest.spec.ts): the
 * members' laptops still wrote the text of their PDFs in the background while
 * their scratch folder was removed, and rmdir answered ENOTEMPTY — an
 * "internal" error for a demo that had loaded. Here the removal fails that
 * way, deterministically.
 */
const removal = vi.hoisted(() => ({ failures: 0 }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const rm: typeof real.rm = async (path, options) => {
    if (String(path).includes('styrelsebordet-demo-') && removal.failures > 0) {
      removal.failures--;
      throw Object.assign(new Error(`ENOTEMPTY: directory not empty, rmdir '${String(path)}/ledamot-2/attachments/a8'`), { code: 'ENOTEMPTY' });
    }
    return real.rm(path, options);
  };
  return { ...real, rm, default: { ...real, rm } };
});

describe('loading the demo', () => {
  it('succeeds when the members’ scratch folder cannot be removed at once', async () => {
    const self = await laptop('demo-cleanup');
    removal.failures = 100; // it never goes: the demo still loads, the folder is left in the temp folder
    await expect(loadDemoInto(self, (dataDir) => laptop(`demo-cleanup-${dataDir.split('-').at(-1)}`))).resolves.toBeUndefined();
    expect((await self['session.get']({})).forbund?.name).toBe('Samordningsförbundet Östra Skaraborg');
  }, 120_000);
});
