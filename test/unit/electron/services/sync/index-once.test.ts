import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAttachmentStore } from '../../../../../electron/services/documents/attachments';
import { openDataFolder } from '../../../../../electron/services/storage/data-folder';
import { plainFiles, type SealedFiles } from '../../../../../electron/services/storage/sealed-file';
import { registerSharedDocuments } from '../../../../../electron/services/sync/packages-service';
import type { FederationState } from '../../../../../shared/domain/events';
import { makeMultiPagePdf, notAPdf } from '../../../../helpers/pdf-fixtures';

/**
 * Issue #16: after an import every PDF of the package was checked and the
 * attachment index rewritten once per file (716 rewrites of a growing index
 * for a ten-year invitation). Now: one check per new file, one index write.
 */
describe('listing the files an import brought', () => {
  it('writes the attachment index once for all of them, and leaves out a file that is no PDF', async () => {
    const folder = await openDataFolder(mkdtempSync(join(tmpdir(), 'sb-index-once-')));
    const writes: string[] = [];
    const counting: SealedFiles = { ...plainFiles, write: async (path, data) => (writes.push(path), plainFiles.write(path, data)) };
    const store = createAttachmentStore(folder, { files: counting });
    const pdfs = await Promise.all([1, 2, 3, 4, 5].map((n) => makeMultiPagePdf(1, `Handling ${n}`)));
    const bad = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(notAPdf())]);
    const documents: Record<string, { sha256: string; fileName: string }> = {};
    for (const [i, bytes] of [...pdfs, bad].entries()) {
      const sha = createHash('sha256').update(bytes).digest('hex');
      const extracted = join(folder.root, `x-${i}.pdf`);
      writeFileSync(extracted, bytes);
      await store.adoptChecked(sha, extracted); // as an import moves a file in; listed below without a check given
      documents[sha] = { sha256: sha, fileName: `handling-${i}.pdf` };
    }
    writes.length = 0;
    const state = { documents, applications: {} } as unknown as FederationState;
    await registerSharedDocuments(state, store);
    const indexWrites = writes.filter((p) => p.endsWith('index.json'));
    expect(indexWrites).toHaveLength(1);
    expect((await store.list()).map((a) => a.fileName).sort()).toEqual(['handling-0.pdf', 'handling-1.pdf', 'handling-2.pdf', 'handling-3.pdf', 'handling-4.pdf']);
    // Idempotent: nothing new, nothing written.
    writes.length = 0;
    await registerSharedDocuments(state, store);
    expect(writes.filter((p) => p.endsWith('index.json'))).toHaveLength(0);
  }, 60_000);
});
