import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { PackagePreview } from '../../../../shared/contract';
import { api, userMessage } from '../../api/client';
import { PackagePicker, readFileBytes } from './PackagePicker';
import { notifySuccess } from '../../lib/notify';
import { whatChanged } from '../../lib/words';
import { adoptSession } from '../../state/actions';
import { receivePackage, useIncoming } from '../../state/incoming-files';
import { PackagePreviewPanel } from './PackagePreviewPanel';
import { Working } from './Working';

type Step = { kind: 'idle' } | { kind: 'reading'; fileName: string } | { kind: 'preview'; preview: PackagePreview } | { kind: 'applying'; preview: PackagePreview };

/** Import: choose or drop a package, see what it would do, then apply it or not. */
export function ImportPanel({ primary, director }: { primary: boolean; director: boolean }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [failure, setFailure] = useState<{ fileName: string; message: string } | null>(null);
  // Stays on the panel after the notice has faded: what the last import did, for whoever looks away.
  const [imported, setImported] = useState<{ fileName: string; summary: string } | null>(null);

  const incoming = useIncoming((s) => s.incomingPackage);

  const read = async (file: File | { fileName: string; bytes: Uint8Array }) => {
    const fileName = file instanceof File ? file.name : file.fileName;
    setFailure(null);
    setImported(null);
    setStep({ kind: 'reading', fileName });
    try {
      const preview = await api['packages.preview'](file instanceof File ? await readFileBytes(file) : file);
      setStep({ kind: 'preview', preview });
    } catch (err) {
      setFailure({ fileName, message: userMessage(err) });
      setStep({ kind: 'idle' });
    }
  };

  // A package opened from outside the window (double-click, the menu) goes straight to its preview.
  useEffect(() => {
    if (!incoming) return;
    receivePackage(null);
    void read(incoming);
  }, [incoming]);

  const apply = async (preview: PackagePreview) => {
    setStep({ kind: 'applying', preview });
    try {
      const result = await api['packages.apply']({ previewId: preview.previewId });
      await adoptSession(result.session);
      const summary = `${whatChanged(preview.newEvents, result.newAttachments)}.`;
      notifySuccess('Paketet importerades', summary);
      setImported({ fileName: preview.fileName, summary });
      setStep({ kind: 'idle' });
    } catch (err) {
      setFailure({ fileName: preview.fileName, message: userMessage(err) });
      setStep({ kind: 'idle' });
    }
  };

  const cancel = (preview: PackagePreview) => {
    setStep({ kind: 'idle' });
    // The main side removes what it extracted for the preview; a failure here changes nothing the user sees.
    void api['packages.cancel']({ previewId: preview.previewId }).catch(() => undefined);
  };

  const previewing = step.kind === 'preview' || step.kind === 'applying';
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="import-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="import-heading">Ta emot ett paket</Title>
        {failure && (
          <Alert color="red" title={`${failure.fileName} importerades inte`} withCloseButton closeButtonLabel="Stäng meddelandet" onClose={() => setFailure(null)}>
            {failure.message}
          </Alert>
        )}
        {previewing ? (
          <PackagePreviewPanel preview={step.preview} director={director} applying={step.kind === 'applying'} onApply={() => void apply(step.preview)} onCancel={() => cancel(step.preview)} />
        ) : (
          <>
            {imported && (
              <Text size="sm" c="dimmed" data-testid="package-imported">
                Senast importerat: <Text span className="nobreak">{imported.fileName}</Text>. {imported.summary}
              </Text>
            )}
            <Text>Välj ett paket (.sbpaket) som någon i förbundet har skickat. Du ser vad det innehåller innan något ändras.</Text>
            <PackagePicker buttonLabel="Importera paket" dropText="…eller dra paketfilen hit" busy={step.kind === 'reading'} onFile={(f) => void read(f)} primary={primary} />
            {step.kind === 'reading' && <Working text={`${step.fileName} läses och kontrolleras …`} />}
          </>
        )}
      </Stack>
    </Paper>
  );
}
