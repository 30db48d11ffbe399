import { mkdirSync, mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../../../electron/services';
import { openDataFolder } from '../../../../../electron/services/storage/data-folder';

const dirsUnder = (root: string): string[] => [
  root,
  ...readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => dirsUnder(join(root, d.name))),
];

/** The data folder is the user's alone (before: 0755, readable by every account on the laptop). */
describe('the data folder', () => {
  it('is 0700, and an existing folder with open sub-folders is closed on start', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'sb-private-'));
    const root = join(parent, 'data');
    mkdirSync(join(root, 'attachments', 'ab'), { recursive: true, mode: 0o755 });
    mkdirSync(join(root, 'packages', 'out'), { recursive: true, mode: 0o755 });
    chmodSync(root, 0o755);
    await openDataFolder(root);
    for (const dir of dirsUnder(root)) expect(statSync(dir).mode & 0o777, dir).toBe(0o700);
    const fresh = join(parent, 'new');
    await openDataFolder(fresh);
    expect(statSync(fresh).mode & 0o777).toBe(0o700);
  });

  it('prunes outgoing packages older than the retention time (30 days by default, or the setting)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-prune-'));
    const out = join(dataDir, 'packages', 'out');
    mkdirSync(join(out, 'inbjudningar'), { recursive: true });
    const days = (n: number) => (Date.now() - n * 86_400_000) / 1000;
    const files = { old: join(out, 'gammal.sbpaket'), recent: join(out, 'ny.sbpaket'), oldInvitation: join(out, 'inbjudningar', 'inbjudan-x.sbpaket'), middle: join(out, 'mitten.sbpaket') };
    for (const f of Object.values(files)) writeFileSync(f, 'paket');
    utimesSync(files.old, days(31), days(31));
    utimesSync(files.oldInvitation, days(40), days(40));
    utimesSync(files.middle, days(10), days(10));
    await createServices({ dataDir, host: 'web', version: 'test' });
    const left = () => [...readdirSync(out), ...readdirSync(join(out, 'inbjudningar'))].sort();
    expect(left()).toEqual(['inbjudningar', 'mitten.sbpaket', 'ny.sbpaket']);

    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ outgoingPackagesDays: 7 }));
    await createServices({ dataDir, host: 'web', version: 'test' });
    expect(left()).toEqual(['inbjudningar', 'ny.sbpaket']);
  });
});
