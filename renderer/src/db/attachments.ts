import type { Api, AttachmentMeta } from '../../../shared/contract';
import { nameKey, type StyrelsebordetDb } from './database';

/** Brings the local list in line with the main side's: what the main side has is the truth. */
export async function refreshAttachments(db: StyrelsebordetDb, api: Pick<Api, 'attachments.list'>): Promise<void> {
  const list = await api['attachments.list']({});
  await db.transaction('rw', db.attachments, async () => {
    await db.attachments.clear();
    await db.attachments.bulkPut(list.map(withKey));
  });
}

export async function rememberAttachment(db: StyrelsebordetDb, meta: AttachmentMeta): Promise<void> {
  await db.attachments.put(withKey(meta));
}

const withKey = (meta: AttachmentMeta) => ({ ...meta, nameKey: nameKey(meta.fileName) });
