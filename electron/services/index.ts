import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from '../../shared/contract';
import { formatDate } from '../../shared/domain/format';
import { createAttachmentStore } from './attachments';
import { renderCoverSheet } from './pdf/cover-sheet';
import { writeFileAtomic } from './storage/atomic';
import { openDataFolder } from './storage/data-folder';

export interface ServiceOptions {
  dataDir: string;
  host: 'electron' | 'web';
  version: string;
}

/**
 * Every main-side capability, as plain Node, created from a data folder.
 * Electron's IPC, the browser host and the CLI all sit on top of this.
 */
export async function createServices(opts: ServiceOptions): Promise<Handlers> {
  const folder = await openDataFolder(opts.dataDir);
  const attachments = createAttachmentStore(folder);

  return {
    'app.info': async () => ({ name: 'Styrelsebordet', version: opts.version, host: opts.host, dataDir: folder.root }),
    'attachments.add': async ({ fileName, bytes }) => attachments.add(fileName, bytes),
    'attachments.list': async () => attachments.list(),
    'attachments.read': async ({ sha256 }) => attachments.read(sha256),
    'documents.coverSheet': async () => {
      const now = new Date();
      const bytes = await renderCoverSheet({ attachments: await attachments.list(), generatedAt: now });
      const fileName = `bilageforteckning-${formatDate(now)}.pdf`;
      // Keep a copy: what the app produced is part of the record.
      await fs.mkdir(folder.exportsDir, { recursive: true });
      await writeFileAtomic(join(folder.exportsDir, fileName), bytes);
      return { fileName, bytes };
    },
  };
}
