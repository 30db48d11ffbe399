import { describe, expect, it, vi } from 'vitest';
import type * as FoldModule from '../../../../../shared/domain/events/fold';
import type * as SandboxModule from '../../../../../electron/services/pdf/sandbox';
import { laptop, setUpForbund } from '../../../../helpers/federation-fixture';
import { makeMultiPagePdf } from '../../../../helpers/pdf-fixtures';

/**
 * Issue #16, the ten-year invitation's memory: its 716 documents were checked
 * as PDFs during apply, while the PDF worker (pdf.js and a batch's garbage,
 * 80–150 MB) and the freshly folded ten years were in memory at once. Now the
 * preview checks each document once, the worker ends before the history is
 * folded, and apply only moves the accepted files into place.
 *
 * Session 14: their text for the search was then extracted in the background
 * after apply, a second reading of every file by pdf.js that took the import's
 * peak from about 300 MB to 405 MB. The check reads the text from the same
 * opening, and an import leaves no PDF work behind.
 */
const trace = vi.hoisted(() => ({ steps: [] as string[], on: false, costlyText: false }));
const step = (s: string) => trace.on && trace.steps.push(s);
vi.mock('../../../../../electron/services/pdf/sandbox', async (importOriginal) => {
  const real = await importOriginal<typeof SandboxModule>();
  return {
    ...real,
    inspectPdfGuarded: (...args: Parameters<typeof real.inspectPdfGuarded>) => (step('inspect'), real.inspectPdfGuarded(...args)),
    inspectPdfWithTextGuarded: async (...args: Parameters<typeof real.inspectPdfWithTextGuarded>) => {
      step('inspect');
      // A file whose text is too costly: no time at all for the text once the check has passed.
      if (!trace.costlyText) return real.inspectPdfWithTextGuarded(...args);
      const before = real.configurePdfBudget({ extractMs: 0 });
      try {
        return await real.inspectPdfWithTextGuarded(...args);
      } finally {
        real.configurePdfBudget(before);
      }
    },
    extractPdfTextGuarded: (...args: Parameters<typeof real.extractPdfTextGuarded>) => (step('extract'), real.extractPdfTextGuarded(...args)),
    releasePdfWorker: () => (step('release'), real.releasePdfWorker()),
  };
});
vi.mock('../../../../../shared/domain/events/fold', async (importOriginal) => {
  const real = await importOriginal<typeof FoldModule>();
  return { ...real, foldDetailed: (...args: Parameters<typeof real.foldDetailed>) => (step('fold'), real.foldDetailed(...args)) };
});

async function during(work: () => Promise<unknown>): Promise<string[]> {
  trace.steps = [];
  trace.on = true;
  try {
    await work();
  } finally {
    trace.on = false;
  }
  // Consecutive repeats as one step with a count, e.g. "inspect×3".
  const out: string[] = [];
  for (const s of trace.steps) {
    const last = out.at(-1);
    if (last?.split('×')[0] === s) out[out.length - 1] = `${s}×${Number(last.split('×')[1] ?? 1) + 1}`;
    else out.push(s);
  }
  return out;
}

describe('the documents of an imported package', () => {
  it('are checked once, in the preview, and the PDF worker ends before the history is folded; apply checks none again', async () => {
    const director = await laptop('checked-chef');
    const { lena } = await setUpForbund(director);
    for (const n of [1, 2, 3]) {
      const doc = await director['attachments.add']({ fileName: `handling-${n}.pdf`, bytes: await makeMultiPagePdf(2, `Handling ${n}`) });
      await director['documents.share']({ sha256: doc.sha256, title: `Handling ${n}`, confidential: false });
    }
    const invitation = await director['invitations.export']({ personId: lena });
    const member = await laptop('checked-lena');
    let previewId = '';
    const previewSteps = await during(async () => (previewId = (await member['packages.preview'](invitation)).previewId));
    const applySteps = await during(async () => {
      await member['packages.apply']({ previewId, asPerson: lena });
      await member.backgroundSettled();
    });
    expect(previewSteps.slice(0, 3)).toEqual(['inspect×3', 'release', 'fold']);
    // Nothing is read again after apply, neither to check it nor for its text.
    expect(applySteps.filter((s) => s.startsWith('inspect') || s.startsWith('extract'))).toEqual([]);
    // The text is there at once (the check read it): the first search does not wait for pdf.js.
    let texts: string[] = [];
    const searchSteps = await during(async () => {
      const listed = await member['attachments.list']({});
      texts = await Promise.all(listed.map(async (a) => (await member['attachments.text']({ sha256: a.sha256 })).text));
    });
    expect(searchSteps).toEqual([]);
    expect(texts.map((t) => /Handling (\d)/.exec(t)?.[1]).sort()).toEqual(['1', '2', '3']);
    expect((await member['attachments.list']({})).map((a) => a.fileName).sort()).toEqual(['handling-1.pdf', 'handling-2.pdf', 'handling-3.pdf']);
    expect((await member['attachments.list']({})).every((a) => a.pageCount === 2)).toBe(true);
  }, 120_000);

  it('a file whose text runs over its budget is kept as checked, without a second check, and its text read after the import', async () => {
    const director = await laptop('costly-chef');
    const { lena } = await setUpForbund(director);
    const doc = await director['attachments.add']({ fileName: 'tung-text.pdf', bytes: await makeMultiPagePdf(30, 'Tung text') });
    await director['documents.share']({ sha256: doc.sha256, title: 'Tung text', confidential: false });
    const invitation = await director['invitations.export']({ personId: lena });
    const member = await laptop('costly-lena');
    trace.costlyText = true;
    let previewId = '';
    const previewSteps = await during(async () => (previewId = (await member['packages.preview'](invitation)).previewId)).finally(() => (trace.costlyText = false));
    expect(previewSteps.slice(0, 3)).toEqual(['inspect', 'release', 'fold']);
    const applySteps = await during(async () => {
      await member['packages.apply']({ previewId, asPerson: lena });
      await member.backgroundSettled();
    });
    expect((await member['attachments.list']({})).map((a) => [a.fileName, a.pageCount])).toEqual([['tung-text.pdf', 30]]);
    // Its text was left to the background, as every file's was before.
    expect(applySteps.filter((s) => s.startsWith('extract'))).toEqual(['extract']);
    expect((await member['attachments.text']({ sha256: doc.sha256 })).text).toContain('Tung text');
  }, 120_000);
});
