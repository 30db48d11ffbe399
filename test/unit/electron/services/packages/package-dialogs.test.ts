import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServicesWithFiles } from '../../../../../electron/services';
import { createSavedFiles } from '../../../../../electron/services/files/reveal';
import type { PackageDialogs } from '../../../../../electron/services/packages/outgoing';
import { laptop, setUpForbund } from '../../../../helpers/federation-fixture';

/**
 * Electron (issue #16): the main side's own dialogs give the paths; the
 * renderer gets an opaque id to preview or a yes/no for a save, never a path
 * and never the bytes.
 */
function fakeDialogs(answers: { open?: string | null; save?: string | null }): PackageDialogs & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    open: async () => (asked.push('open'), answers.open ?? null),
    saveAs: async (fileName) => (asked.push(`save ${fileName}`), answers.save ?? null),
  };
}

async function electronLaptop(dialogs: PackageDialogs) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-electron-'));
  const saved = createSavedFiles();
  const { handlers } = await createServicesWithFiles({ dataDir, host: 'electron', version: 'test', dialogs, reveal: { show: async () => undefined, saved } });
  return { handlers, saved };
}

describe('package dialogs on the main side (Electron)', () => {
  it('saves an export where the user chose, atomically, and remembers it for "Visa i mappen"', async () => {
    const userDir = mkdtempSync(join(tmpdir(), 'sb-user-'));
    const target = join(userDir, 'mitt-paket.sbpaket');
    const dialogs = fakeDialogs({ save: target });
    const { handlers, saved } = await electronLaptop(dialogs);
    await setUpForbund(handlers as never);
    const persons = Object.values((await handlers['state.get']({ since: null })).view!.state.persons);
    const exported = await handlers['invitations.export']({ personId: persons.find((p) => p.name === 'Olle Ledamot')!.id });
    expect(await handlers['packages.save']({ fileName: exported.fileName })).toEqual({ saved: true });
    expect(dialogs.asked).toEqual([`save ${exported.fileName}`]);
    expect(readFileSync(target).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(saved.get(exported.fileName)).toBe(target);
    // Only the outgoing folder's own packages, by name.
    await expect(handlers['packages.save']({ fileName: 'local.json' })).rejects.toThrow(/finns inte längre/);
    await expect(handlers['packages.save']({ fileName: 'saknas.sbpaket' })).rejects.toThrow(/finns inte längre/);

    // The new member's laptop opens the user's file where it is, by id; the file stays.
    const member = await electronLaptop(fakeDialogs({ open: target }));
    const chosen = await member.handlers['packages.choose']({});
    expect(chosen.file).toEqual({ fileId: expect.stringMatching(/^[0-9a-f]{24}$/), fileName: 'mitt-paket.sbpaket' });
    const preview = await member.handlers['packages.preview']({ fileId: chosen.file!.fileId });
    expect(preview.kind).toBe('invitation');
    expect(preview.fileName).toBe('mitt-paket.sbpaket');
    expect(existsSync(target)).toBe(true);
  });

  it('a cancelled dialog changes nothing', async () => {
    const { handlers } = await electronLaptop(fakeDialogs({}));
    expect(await handlers['packages.choose']({})).toEqual({ file: null });
  });

  it('the browser host has no dialogs: it uploads and downloads instead', async () => {
    const web = await laptop('web-dialogs');
    await expect(web['packages.choose']({})).rejects.toThrow(/webbläsaren/);
    await expect(web['packages.save']({ fileName: 'x.sbpaket' })).rejects.toThrow(/webbläsarens hämtning/);
  });

  it('an id is good for one preview and cannot be guessed', async () => {
    const userDir = mkdtempSync(join(tmpdir(), 'sb-user-'));
    const file = join(userDir, 'skräp.sbpaket');
    writeFileSync(file, 'inte en zip');
    const { handlers } = await electronLaptop(fakeDialogs({ open: file }));
    const { file: chosen } = await handlers['packages.choose']({});
    await expect(handlers['packages.preview']({ fileId: chosen!.fileId })).rejects.toThrow(/inte ett Styrelsebordet-paket/);
    await expect(handlers['packages.preview']({ fileId: chosen!.fileId })).rejects.toThrow(/finns inte längre/);
    await expect(handlers['packages.preview']({ fileId: '0'.repeat(24) })).rejects.toThrow(/finns inte längre/);
    expect(existsSync(file)).toBe(true);
  });
});
