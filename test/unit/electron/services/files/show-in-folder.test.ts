// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../../shared/contract/dispatch';
import { createServices } from '../../../../../electron/services/index';
import { createSavedFiles } from '../../../../../electron/services/files/reveal';

/**
 * Issue #15 item 11: "Visa i mappen" after a package or PDF is saved. The
 * renderer names a file by the name the main side gave it, never by a path;
 * the main side shows only a file it wrote itself (the exports folder, the
 * outgoing packages) or the path the save dialog returned, and nothing else.
 */
async function desktop(name: string) {
  const dataDir = mkdtempSync(join(tmpdir(), `sb-reveal-${name}-`));
  const shown: string[] = [];
  const saved = createSavedFiles();
  const handlers = await createServices({ dataDir, host: 'electron', version: 'test', reveal: { show: async (p) => void shown.push(p), saved } });
  return { dataDir, shown, saved, handlers, call: (input: unknown) => dispatch(handlers, 'files.showInFolder', input) };
}

describe('Visa i mappen (main side)', () => {
  it('shows a PDF the app wrote to its exports folder', async () => {
    const d = await desktop('export');
    const { fileName } = await d.handlers['documents.coverSheet']({});
    expect(await d.call({ fileName })).toEqual({ ok: true, value: {} });
    expect(d.shown).toEqual([join(d.dataDir, 'exports', fileName)]);
  });

  it('prefers the place the user chose in the save dialog, and falls back to the app’s copy when that file is gone', async () => {
    const d = await desktop('saved');
    const { fileName } = await d.handlers['documents.coverSheet']({});
    const chosen = join(mkdtempSync(join(tmpdir(), 'sb-reveal-user-')), 'bilagor till styrelsen.pdf');
    writeFileSync(chosen, '%PDF-1.7');
    d.saved.record(fileName, chosen);
    await d.call({ fileName });
    rmSync(chosen);
    await d.call({ fileName });
    expect(d.shown).toEqual([chosen, join(d.dataDir, 'exports', fileName)]);
  });

  it('shows an outgoing package the app wrote', async () => {
    const d = await desktop('package');
    mkdirSync(join(d.dataDir, 'packages', 'out'), { recursive: true });
    writeFileSync(join(d.dataDir, 'packages', 'out', 'andringar-2026-12-06.sbpaket'), 'PK');
    expect((await d.call({ fileName: 'andringar-2026-12-06.sbpaket' })).ok).toBe(true);
    expect(d.shown).toEqual([join(d.dataDir, 'packages', 'out', 'andringar-2026-12-06.sbpaket')]);
  });

  it.each([
    ['a path instead of a name', { path: '/etc/passwd' }],
    ['a path in the name', { fileName: '/etc/passwd' }],
    ['a way out of the folder', { fileName: '../../../../etc/passwd' }],
    ['a Windows path', { fileName: 'C:\\Windows\\system32\\calc.exe' }],
    ['a name with a bidi control', { fileName: 'faktura\u202Efdp.exe' }],
    ['a name and a path', { fileName: 'a.pdf', path: '/etc' }],
  ])('refuses %s before anything is looked up', async (_what, input) => {
    const d = await desktop('attack');
    const answer = await d.call(input);
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(d.shown).toEqual([]);
  });

  it('refuses a name the app did not write, and a link in its folder that points elsewhere', async () => {
    const d = await desktop('unknown');
    const outside = join(mkdtempSync(join(tmpdir(), 'sb-reveal-outside-')), 'hemlig.txt');
    writeFileSync(outside, 'x');
    symlinkSync(outside, join(d.dataDir, 'exports', 'lank.pdf'));
    const saved = join(mkdtempSync(join(tmpdir(), 'sb-reveal-dir-')));
    d.saved.record('mapp.pdf', saved); // a folder is never "the file"
    for (const fileName of ['passwd', 'lank.pdf', 'mapp.pdf', 'hemlig.txt']) {
      const answer = await d.call({ fileName });
      expect(answer).toMatchObject({ ok: false, error: { code: 'not_found' } });
      if (!answer.ok) expect(answer.error.message).toMatch(/^Filen .* finns inte längre/);
    }
    expect(d.shown).toEqual([]);
  });

  it('keeps only the save-dialog paths the main side recorded, and only absolute ones', () => {
    const saved = createSavedFiles(2);
    saved.record('a.pdf', 'relativ/a.pdf');
    expect(saved.get('a.pdf')).toBeNull();
    saved.record('a.pdf', '/tmp/a.pdf');
    saved.record('b.pdf', '/tmp/b.pdf');
    saved.record('c.pdf', '/tmp/c.pdf');
    expect([saved.get('a.pdf'), saved.get('b.pdf'), saved.get('c.pdf')]).toEqual([null, '/tmp/b.pdf', '/tmp/c.pdf']);
  });

  it('says in Swedish that the browser host cannot show folders', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-reveal-web-'));
    const handlers = await createServices({ dataDir, host: 'web', version: 'test' });
    const { fileName } = await handlers['documents.coverSheet']({});
    const answer = await dispatch(handlers, 'files.showInFolder', { fileName });
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    if (!answer.ok) expect(answer.error.message).toContain('webbläsarens mapp för hämtade filer');
  });
});

describe('the Electron main records where the save dialog put a file', () => {
  it('records a finished download by its suggested name, and not a cancelled one', async () => {
    const { recordDownloads } = await import('../../../../../electron/main/downloads');
    type Done = (e: unknown, state: string) => void;
    let willDownload: ((e: unknown, item: unknown) => void) | null = null;
    const ses = { on: (_name: string, fn: (e: unknown, item: unknown) => void) => void (willDownload = fn) };
    const saved = createSavedFiles();
    recordDownloads(ses as never, saved);
    const item = (name: string, path: string) => {
      let done: Done = () => undefined;
      return { getFilename: () => name, getSavePath: () => path, once: (_n: string, fn: Done) => void (done = fn), finish: (state: string) => done({}, state) };
    };
    const ok = item('kallelse-2026-12-17.pdf', '/home/anna/Dokument/kallelse.pdf');
    const cancelled = item('paket.sbpaket', '/home/anna/paket.sbpaket');
    willDownload!({}, ok);
    willDownload!({}, cancelled);
    ok.finish('completed');
    cancelled.finish('cancelled');
    expect(saved.get('kallelse-2026-12-17.pdf')).toBe('/home/anna/Dokument/kallelse.pdf');
    expect(saved.get('paket.sbpaket')).toBeNull();
  });
});
