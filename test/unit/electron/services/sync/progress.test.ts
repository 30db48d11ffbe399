import { describe, expect, it } from 'vitest';
import { makeMultiPagePdf } from '../../../../helpers/pdf-fixtures';
import { joinAndAccept, laptop, setUpForbund, type Laptop } from '../../../../helpers/federation-fixture';

/** Samples `packages.progress` while `work` runs, the way the renderer's progress bar does. */
async function sampleWhile(l: Laptop, work: Promise<unknown>) {
  const seen: { phase: string; done: number; total: number }[] = [];
  let finished = false;
  void work.finally(() => (finished = true));
  while (!finished) {
    const { progress } = await l['packages.progress']({});
    if (progress) seen.push(progress);
    await new Promise((r) => setImmediate(r));
  }
  await work;
  return seen;
}

describe('progress of long package work', () => {
  it('reports bytes done of a total while exporting and while reading an import, and nothing when idle', async () => {
    const director = await laptop('dir');
    const { lena } = await setUpForbund(director);
    const member = await laptop('lena');
    await joinAndAccept(director, member, lena);
    const big = await makeMultiPagePdf(2500, 'Årsredovisning');
    const meta = await director['attachments.add']({ fileName: 'Årsredovisning.pdf', bytes: big });
    await director['documents.share']({ sha256: meta.sha256, title: 'Årsredovisning', confidential: false });
    expect((await director['packages.progress']({})).progress).toBeNull();

    let exported: { fileName: string; bytes: Uint8Array } | null = null;
    const exporting = director['packages.export']({ recipients: { mode: 'board' } }).then((r) => (exported = r));
    const seen = await sampleWhile(director, exporting);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => p.phase === 'export' && p.done <= p.total)).toBe(true);
    expect(seen.some((p) => p.total >= big.byteLength)).toBe(true);
    expect((await director['packages.progress']({})).progress).toBeNull();

    const reading = member['packages.preview']({ fileName: exported!.fileName, bytes: exported!.bytes });
    const readSeen = await sampleWhile(member, reading);
    expect(readSeen.length).toBeGreaterThan(0);
    // Reading reports bytes; then the documents' check reports files (one here).
    expect(readSeen.every((p) => (p.phase === 'read' || p.phase === 'check') && p.done <= p.total)).toBe(true);
    expect(readSeen.some((p) => p.phase === 'read' && p.total >= big.byteLength)).toBe(true);
    expect(readSeen.filter((p) => p.phase === 'check').every((p) => p.total <= 1)).toBe(true);
    expect((await member['packages.progress']({})).progress).toBeNull();
  });
});
