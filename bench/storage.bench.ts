import { promises as fs, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices } from '../electron/services';
import { makeMultiPagePdf } from '../test/helpers/pdf-fixtures';
import { measure, report } from './harness';

/**
 * Storing an attachment (validate, hash, atomic write, index update) against
 * the baseline of a plain writeFile of the same bytes; reading back (with the
 * hash check) against a plain readFile.
 */
export async function storageBench(): Promise<void> {
  const pdf = await makeMultiPagePdf(40, 'Benchmark');
  const mb = pdf.byteLength / 1e6;
  const services = await createServices({ dataDir: mkdtempSync(join(tmpdir(), 'sb-bench-')), host: 'web', version: 'bench' });
  const plainDir = mkdtempSync(join(tmpdir(), 'sb-bench-plain-'));

  let n = 0;
  // Each run stores a new file (a different trailing comment changes the hash).
  const variant = () => {
    n++;
    return Buffer.concat([pdf, Buffer.from(`\n%${n}\n`)]);
  };
  // Baseline: the same bytes written and fsynced, without validation, hashing or the index.
  let plainCount = 0;
  const plainWrite = await measure(30, async () => {
    const handle = await fs.open(join(plainDir, `f${++plainCount}.pdf`), 'w');
    await handle.writeFile(variant());
    await handle.sync();
    await handle.close();
  });
  const add = await measure(30, () => services['attachments.add']({ fileName: `h${n}.pdf`, bytes: variant() }));
  report('attachments.add (40-page PDF)', add, plainWrite, `${(mb / (add.median / 1000)).toFixed(1)} MB/s`);

  const [first] = await services['attachments.list']({});
  const plainRead = await measure(30, () => fs.readFile(join(plainDir, 'f1.pdf')));
  const read = await measure(30, () => services['attachments.read']({ sha256: first!.sha256 }));
  report('attachments.read (hash-checked)', read, plainRead);

  const list = await measure(30, () => services['attachments.list']({}));
  report(`attachments.list (${(await services['attachments.list']({})).length} items)`, list, plainRead);
}
