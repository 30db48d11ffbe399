import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../../../electron/services';
import { makeMultiPagePdf } from '../../../../helpers/pdf-fixtures';
import { joinAndAccept, laptop, setUpForbund } from '../../../../helpers/federation-fixture';
import { bundleForNode } from '../../../../helpers/node-bundle';

let childScript: string;
beforeAll(async () => {
  childScript = await bundleForNode('test/helpers/import-child.ts');
});

/** Runs the import in a child process and SIGKILLs it after `killAfterMs` (or lets it finish). */
function importInChild(dataDir: string, packagePath: string, killAfterMs: number | null): Promise<'killed' | 'done'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dataDir, packagePath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // Start the clock once the services are open: the kill lands inside the import.
      if (killAfterMs !== null && out.startsWith('ready')) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(out.includes('done') ? 'done' : 'killed');
      else if (code === 0) resolve('done');
      else reject(new Error(`import child failed (${code}): ${err}`));
    });
  });
}

async function observe(dataDir: string) {
  const s = await createServices({ dataDir, host: 'web', version: 'test' });
  const events = (await s['log.list']({ afterSeq: 0 })).events.length;
  const attachments = await s['attachments.list']({});
  // Everything listed must be readable: no half-written file behind an entry.
  for (const a of attachments) await s['attachments.read']({ sha256: a.sha256 });
  return { events, attachments: attachments.length };
}

describe('an import killed midway', () => {
  it('leaves the data as before or as after, never in between', async () => {
    const director = await laptop('dir');
    const { lena, kommun } = await setUpForbund(director);
    const member = await laptop('lena');
    await joinAndAccept(director, member, lena);
    const base = await observe(member.dataDir);

    // What Lena has not seen yet: three shared documents and a long roster.
    for (let i = 0; i < 3; i++) {
      const meta = await director['attachments.add']({ fileName: `Handling ${i}.pdf`, bytes: await makeMultiPagePdf(150 + i, `Handling ${i}`) });
      await director['documents.share']({ sha256: meta.sha256, title: `Handling ${i}`, confidential: false });
    }
    for (let i = 0; i < 400; i++) {
      await director['log.append']({ type: 'person.added', payload: { id: randomUUID(), name: `Ersättare ${i}`, email: `e${i}@example.se`, organisationId: kommun }, prev: [] });
    }
    const pkg = await director['packages.export']({ recipients: { mode: 'board' } });
    const packagePath = join(mkdtempSync(join(tmpdir(), 'sb-pkg-')), 'paket.sbpaket');
    writeFileSync(packagePath, pkg.bytes);

    // Reference: the same import, uninterrupted, on a copy of the folder.
    const reference = mkdtempSync(join(tmpdir(), 'sb-ref-'));
    cpSync(member.dataDir, reference, { recursive: true });
    const t0 = Date.now();
    expect(await importInChild(reference, packagePath, null)).toBe('done');
    const duration = Date.now() - t0;
    const after = await observe(reference);
    expect(after.events).toBe(base.events + 405); // 3 documents, 400 people, and the acceptance of Lena's key with her certificate
    expect(after.attachments).toBe(base.attachments + 3);

    for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      const folder = mkdtempSync(join(tmpdir(), 'sb-kill-'));
      cpSync(member.dataDir, folder, { recursive: true });
      await importInChild(folder, packagePath, Math.round(duration * fraction));
      const seen = await observe(folder);
      expect([base, after], `killed at ${fraction}`).toContainEqual(seen);
      // And the import can simply be done again afterwards.
      await importInChild(folder, packagePath, null);
      expect(await observe(folder)).toEqual(after);
    }
  }, 300_000); // eleven child imports and 400 appends; a ceiling for a busy machine, not a timing goal
});
