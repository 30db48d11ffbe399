import { Button, Group } from '@mantine/core';
import { IconFileDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { api, userMessage } from '../../api/client';
import { downloadBytes } from '../../lib/download';
import { notifyError, notifySuccess } from '../../lib/notify';
import { savedWhere, ShowInFolderButton } from '../../components/SavedFile';

/** The ansökan as a PDF summary, for those who prefer paper; the main side keeps a copy in the exports folder. */
export function SummaryPdfButton({ applicationId }: { applicationId: string }) {
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<string | null>(null);
  async function exportPdf() {
    setBusy(true);
    try {
      const { fileName, bytes } = await api['applications.summaryPdf']({ applicationId });
      downloadBytes(bytes, fileName);
      setMade(fileName);
      notifySuccess('Sammanställningen är klar', `${fileName} ${savedWhere()} En kopia finns kvar bland programmets exporter.`);
    } catch (err) {
      notifyError('Sammanställningen kunde inte skapas', userMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Group gap="xs">
      <Button variant="default" leftSection={<IconFileDownload size={16} aria-hidden />} loading={busy} onClick={() => void exportPdf()}>
        Exportera sammanställning (PDF)
      </Button>
      {made && <ShowInFolderButton fileName={made} />}
    </Group>
  );
}
