import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEALED_MARKER, sealFolder, sealFolderOnce } from '../../../../../electron/services/storage/seal-folder';
import { createSealedFiles, isSealedFile, type SealedFiles } from '../../../../../electron/services/storage/sealed-file';

const KEY = randomBytes(32);

function plainFolder() {
  const root = mkdtempSync(join(tmpdir(), 'sb-sealfolder-'));
  const files: Record<string, string> = {
    'attachments/ab/ab.pdf': '%PDF-1.7 hemlig bilaga',
    'attachments/ab/ab.txt': 'hemlig text',
    'attachments/index.json': '{"version":1,"attachments":[]}',
    'log/00000001.jsonl': '{"body":{}}\n',
    'packages/out/a.sbpaket': 'PK zip',
    'exports/protokoll.pdf': '%PDF protokoll',
    'notes/x.json': '{"format":1,"text":"anteckning"}',
    'identity/ca.json': '{"sealed":"ca"}',
    'identity/device.json': '{"public":"key"}',
    'local.json': '{"format":1}',
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  const old = new Date('2026-10-01T10:00:00Z');
  utimesSync(join(root, 'packages/out/a.sbpaket'), old, old);
  return { root, files };
}

describe('sealing a plain data folder', () => {
  it('seals the content, leaves ids and public keys plain, keeps mtimes, and loses nothing', async () => {
    const { root, files } = plainFolder();
    const sealed = createSealedFiles(() => KEY);
    expect(await sealFolder(root, sealed)).toBe(8);
    for (const [rel, text] of Object.entries(files)) {
      const plainByDesign = rel === 'identity/device.json' || rel === 'local.json';
      expect(await isSealedFile(join(root, rel)), rel).toBe(!plainByDesign);
      expect((await sealed.readText(join(root, rel))), rel).toBe(text);
    }
    expect(statSync(join(root, 'packages/out/a.sbpaket')).mtime.toISOString()).toBe('2026-10-01T10:00:00.000Z');
    expect(await sealFolder(root, sealed)).toBe(0);
  });

  it('waits for a plain write that began before the PIN was chosen, and seals it too', async () => {
    // The text of a PDF from an invitation is extracted in the background while the new member chooses a PIN:
    // its write began plain, and the pass that had already listed its folder left it plain on disk.
    const { root } = plainFolder();
    let key: Buffer | null = null;
    const files = createSealedFiles(() => key);
    const late = join(root, 'attachments/ab/late.txt');
    const writing = files.write(late, randomBytes(32 * 1024 * 1024)); // begun without a PIN
    key = KEY; // the PIN is chosen
    await Promise.all([writing, sealFolder(root, files)]);
    expect(await isSealedFile(late)).toBe(true);
  });

  it('resumes after a run killed midway: every file whole, plain or sealed, then all sealed', async () => {
    const { root, files } = plainFolder();
    const real = createSealedFiles(() => KEY);
    let writes = 0;
    const dying: SealedFiles = {
      ...real,
      write: async (path, data) => {
        if (++writes > 3) throw new Error('power cut');
        return real.write(path, data);
      },
    };
    await expect(sealFolder(root, dying)).rejects.toThrow('power cut');
    for (const [rel, text] of Object.entries(files)) expect(await real.readText(join(root, rel)), rel).toBe(text);
    expect(await sealFolder(root, real)).toBe(5);
    for (const [rel, text] of Object.entries(files)) expect(await real.readText(join(root, rel)), rel).toBe(text);
    expect(readFileSync(join(root, 'attachments/ab/ab.txt')).includes('hemlig')).toBe(false);
  });

  it('does nothing without a PIN', async () => {
    const { root } = plainFolder();
    expect(await sealFolder(root, createSealedFiles(() => null))).toBe(0);
    expect(readFileSync(join(root, 'log/00000001.jsonl'), 'utf8')).toContain('body');
  });

  it('walks the folder at unlock only until one pass has finished (a pass killed midway leaves no marker)', async () => {
    const { root, files } = plainFolder();
    const real = createSealedFiles(() => KEY);
    let writes = 0;
    const dying: SealedFiles = { ...real, write: async (path, data) => (++writes > 3 ? Promise.reject(new Error('power cut')) : real.write(path, data)) };
    await expect(sealFolderOnce(root, dying)).rejects.toThrow('power cut');
    expect(existsSync(join(root, SEALED_MARKER))).toBe(false);
    expect(await sealFolderOnce(root, real)).toBe(5);
    expect(existsSync(join(root, SEALED_MARKER))).toBe(true);
    for (const [rel, text] of Object.entries(files)) expect(await real.readText(join(root, rel)), rel).toBe(text);
    // Sealed once: later unlocks skip the walk; choosing a PIN again walks anyway.
    writeFileSync(join(root, 'notes/y.json'), '{"format":1,"text":"ny"}');
    expect(await sealFolderOnce(root, real)).toBe(0);
    expect(await sealFolderOnce(root, real, true)).toBe(1);
  });
});
