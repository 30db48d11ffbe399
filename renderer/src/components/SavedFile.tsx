import { Button, Text } from '@mantine/core';
import { IconFolderOpen } from '@tabler/icons-react';
import { useState } from 'react';
import { api, userMessage } from '../api/client';
import { notifyError } from '../lib/notify';

/**
 * Where a package or PDF the app just handed over ended up (issue #15 item
 * 11). In Electron the save dialog put it where the user chose, and "Visa i
 * mappen" asks the main side to show it (by the file name the main side gave
 * it, never a path). The browser host cannot open folders: the file is in the
 * browser's download folder, and no button is offered.
 */
export const canShowInFolder = (): boolean => typeof window !== 'undefined' && window.styrelsebordet !== undefined;

/** "sparades där du valde." / "har laddats ned till webbläsarens mapp för hämtade filer." */
export const savedWhere = (): string => (canShowInFolder() ? 'sparades där du valde.' : 'har laddats ned till webbläsarens mapp för hämtade filer.');

export function ShowInFolderButton({ fileName }: { fileName: string }) {
  const [busy, setBusy] = useState(false);
  if (!canShowInFolder()) return null;
  const show = async () => {
    setBusy(true);
    try {
      await api['files.showInFolder']({ fileName });
    } catch (err) {
      notifyError('Mappen kunde inte visas', userMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="xs" variant="default" leftSection={<IconFolderOpen size={14} aria-hidden />} loading={busy} onClick={() => void show()} aria-label={`Visa ${fileName} i mappen`}>
      Visa i mappen
    </Button>
  );
}

/** "Filen kallelse-2026-12-17.pdf sparades där du valde. [Visa i mappen]" */
export function SavedFileLine({ fileName, lead = 'Filen' }: { fileName: string; lead?: string }) {
  return (
    <Text size="sm" component="div" data-testid="saved-file">
      {lead}{' '}
      <Text span className="nobreak" fw={600}>{fileName}</Text> {savedWhere()} <ShowInFolderButton fileName={fileName} />
    </Text>
  );
}
