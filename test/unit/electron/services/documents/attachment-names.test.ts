import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../../../electron/services';
import { setUpForbund, laptop } from '../../../../helpers/federation-fixture';
import { makeMultiPagePdf } from '../../../../helpers/pdf-fixtures';

/** File names and titles are checked the same way in the contract and in signed events. */
const BAD_NAMES = ['../../etc/passwd', 'a/b.pdf', 'a\\b.pdf', '..', '.', 'rad\nbrytning.pdf', 'nul\u0000.pdf', 'del\u007f.pdf', 'c1\u0085.pdf', 'faktura\u202Efdp.exe', 'x\u2066y.pdf', 'x\u200Fy.pdf'];

describe('file names and titles', () => {
  it('refuses bad file names when a file is added', async () => {
    const services = await createServices({ dataDir: mkdtempSync(join(tmpdir(), 'sb-names-')), host: 'web', version: 'test' });
    const bytes = await makeMultiPagePdf(1);
    for (const fileName of BAD_NAMES) {
      await expect(services['attachments.add']({ fileName, bytes }), JSON.stringify(fileName)).rejects.toMatchObject({ code: 'bad_request' });
    }
  });

  it('refuses the same names, and bidi controls in titles, in a document.shared event', async () => {
    const director = await laptop('names');
    await setUpForbund(director);
    const payload = { sha256: 'a'.repeat(64), fileName: 'handling.pdf', title: 'Handling', pageCount: 1, size: 100 };
    // The clean payload is accepted: the refusals below are about the name.
    await expect(director['log.append']({ type: 'document.shared', payload, prev: [] })).resolves.toBeTruthy();
    let n = 0;
    const sha = () => (++n).toString(16).padStart(64, 'b');
    for (const fileName of BAD_NAMES) {
      await expect(director['log.append']({ type: 'document.shared', payload: { ...payload, sha256: sha(), fileName }, prev: [] }), JSON.stringify(fileName)).rejects.toMatchObject({ code: 'bad_request' });
    }
    for (const title of ['Beslut\u202Eläs baklänges', 'a\u2067b', 'rad\u0000']) {
      await expect(director['log.append']({ type: 'document.shared', payload: { ...payload, sha256: sha(), title }, prev: [] }), JSON.stringify(title)).rejects.toMatchObject({ code: 'bad_request' });
    }
  });

  it('one junk file among the stored ones does not empty the attachment list', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-junk-'));
    const services = await createServices({ dataDir, host: 'web', version: 'test' });
    const meta = await services['attachments.add']({ fileName: 'a.pdf', bytes: await makeMultiPagePdf(2) });
    const junk = 'ab' + 'c'.repeat(62);
    mkdirSync(join(dataDir, 'attachments', 'ab'), { recursive: true });
    writeFileSync(join(dataDir, 'attachments', 'ab', `${junk}.pdf`), 'inte en pdf');
    writeFileSync(join(dataDir, 'attachments', 'index.json'), '{"version": 1, "attachm');
    const list = await services['attachments.list']({});
    expect(list.map((a) => a.sha256)).toEqual([meta.sha256]);
  });
});
