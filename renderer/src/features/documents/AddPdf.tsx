import { Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useState } from 'react';
import type { AttachmentMeta } from '../../../../shared/contract';
import { formatPageCount } from '../../../../shared/domain/format';
import { api, userMessage } from '../../api/client';
import { notifyError, notifySuccess } from '../../lib/notify';
import { rememberAttachment } from '../../db/attachments';
import { db } from '../../db/database';

/** Reads the chosen files and stores them through the main side, one at a time, reporting each. */
async function addFiles(files: File[], onAdded: (meta: AttachmentMeta) => void): Promise<void> {
  for (const file of files) {
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const meta = await api['attachments.add']({ fileName: file.name, bytes });
      await rememberAttachment(db, meta);
      onAdded(meta);
      notifySuccess('Handlingen lades till', `${meta.fileName} (${formatPageCount(meta.pageCount)})`);
    } catch (err) {
      notifyError(`${file.name} lades inte till`, userMessage(err));
    }
  }
}

/** The primary action of the Handlingar screen: a file picker, and a drop area for drag-and-drop. */
export function AddPdf({ onAdded }: { onAdded(meta: AttachmentMeta): void }) {
  const [busy, setBusy] = useState(false);
  const run = async (files: File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    try {
      await addFiles(files, onAdded);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm">
      <Group>
        <FileButton onChange={(files) => void run(files)} accept="application/pdf,.pdf" multiple>
          {(props) => (
            <Button {...props} loading={busy} data-testid="add-pdf">
              Lägg till PDF
            </Button>
          )}
        </FileButton>
      </Group>
      {/* Not in the tab order: the button above does the same for keyboard users. */}
      <Dropzone onDrop={(files) => void run(files)} loading={busy} multiple activateOnClick={false} tabIndex={-1} inputProps={{ 'aria-label': 'PDF-filer att lägga till', tabIndex: -1 }} aria-label="Släpp PDF-filer här" data-testid="drop-pdf">
        <Text ta="center" size="sm" c="dimmed" py="xs">
          …eller dra PDF-filer hit
        </Text>
      </Dropzone>
    </Stack>
  );
}
