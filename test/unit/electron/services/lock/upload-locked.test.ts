import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServicesWithFiles } from '../../../../../electron/services';

const uploadFolder = (dataDir: string): string[] => {
  try {
    return readdirSync(join(dataDir, 'packages', 'upload'));
  } catch {
    return [];
  }
};

describe('a package upload while the app is locked', () => {
  it('is refused at the door and writes nothing; after unlocking it is received', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-upload-locked-'));
    const { handlers, packageFiles } = await createServicesWithFiles({ dataDir, host: 'web', version: 'test' });
    await handlers['lock.setup']({ pin: '246810', idleMinutes: 10 });
    await handlers['lock.lock']({});
    const bytes = [new Uint8Array(1000).fill(7)];
    await expect(packageFiles.receive(bytes, 'paket.sbpaket', 1000)).rejects.toMatchObject({ code: 'locked' });
    expect(uploadFolder(dataDir)).toEqual([]);
    await handlers['lock.unlock']({ pin: '246810' });
    await expect(packageFiles.receive(bytes, 'paket.sbpaket', 1000)).resolves.toMatchObject({ fileName: 'paket.sbpaket' });
  });
});
