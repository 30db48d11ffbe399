import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { createAttachmentStore, sha256Hex } from '../../../../../electron/services/documents/attachments';
import { configurePdfBudget } from '../../../../../electron/services/pdf/sandbox';
import { openDataFolder } from '../../../../../electron/services/storage/data-folder';
import { assemblePdf, makePageTreeBomb, makeXObjectBomb } from '../../../../helpers/hostile-pdfs';
import { makeMultiPagePdf } from '../../../../helpers/pdf-fixtures';

/**
 * Tiny PDFs that cost a parser minutes: they are refused by limits, or run
 * out their time budget in a worker thread, while the main side keeps
 * answering. (Before: the page-tree bomb passed after 66 s of CPU; the
 * XObject bomb blocked the event loop for a minute and more.)
 */
const store = async (opts?: { textBudgetMs?: number }) => {
  const folder = await openDataFolder(mkdtempSync(join(tmpdir(), 'sb-hostile-')));
  return { folder, store: createAttachmentStore(folder, opts) };
};

describe('hostile PDFs', () => {
  it('refuses a 1.2 KB PDF claiming 1 000 000 pages', async () => {
    const bomb = makePageTreeBomb();
    expect(bomb.byteLength).toBeLessThan(2000);
    const { store: s } = await store();
    await expect(s.add('miljon.pdf', bomb)).rejects.toMatchObject({ code: 'invalid_file', message: expect.stringMatching(/sidor/) });
    expect(await s.list()).toEqual([]);
  }, 120_000);

  it('refuses a page "tree" that visits the same node twice, even with an honest count', async () => {
    const { store: s } = await store();
    await expect(s.add('dag.pdf', makePageTreeBomb(2, 3))).rejects.toMatchObject({ code: 'invalid_file' });
  }, 60_000);

  it('refuses a PDF with more objects than the limit', async () => {
    const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Count 1 /Kids [3 0 R] >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>'];
    for (let i = 0; i < 300_000; i++) objects.push('0');
    const { store: s } = await store();
    await expect(s.add('objekt.pdf', assemblePdf(objects))).rejects.toMatchObject({ code: 'invalid_file', message: expect.stringMatching(/objekt|komplex/) });
  }, 120_000);

  it('an incoming form-XObject bomb passes its check and stops at the text budget: kept without text', async () => {
    // The check and the text of an incoming file are one job with a budget each (sandbox.ts).
    const before = configurePdfBudget({ extractMs: 1000 });
    try {
      const { folder, store: s } = await store();
      const bomb = makeXObjectBomb(10, 6);
      const path = join(folder.root, 'inkommande-bomb.pdf');
      writeFileSync(path, bomb);
      const sha = sha256Hex(bomb);
      const checks = await s.checkIncoming([{ sha256: sha, path }]);
      expect(checks.get(sha)).toEqual({ ok: true, size: bomb.byteLength, pageCount: 1 });
    } finally {
      configurePdfBudget(before);
    }
  }, 120_000);

  it('keeps answering while a form-XObject bomb is text-extracted, and keeps no text for it', async () => {
    const { folder, store: s } = await store({ textBudgetMs: 3000 });
    const bomb = await s.add('bomb.pdf', makeXObjectBomb(10, 6));
    const good = await s.add('bra.pdf', await makeMultiPagePdf(1, 'Vanlig handling'));
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    let done = false;
    const text = s.text(bomb.sha256).finally(() => (done = true));
    // The main side answers calls while the bomb is being worked on.
    let answered = 0;
    while (!done) {
      expect(await s.list()).toHaveLength(2);
      answered++;
      await new Promise((r) => setTimeout(r, 20));
    }
    lag.disable();
    expect(await text).toBe('');
    expect(answered).toBeGreaterThan(10);
    // Generous: the bomb alone blocked the loop for over a minute.
    expect(lag.max / 1e6).toBeLessThan(1000);
    const txts = readdirSync(join(folder.attachmentsDir, bomb.sha256.slice(0, 2))).filter((f) => f.endsWith('.txt'));
    for (const f of txts) expect(readFileSync(join(folder.attachmentsDir, bomb.sha256.slice(0, 2), f), 'utf8')).not.toContain('BOMB');
    // The next PDF is read as usual after the one that ran out of time.
    expect(await s.text(good.sha256)).toContain('Vanlig handling');
  }, 180_000);
});
