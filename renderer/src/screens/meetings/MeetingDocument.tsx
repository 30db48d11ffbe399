import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { DocumentState } from '../../../../shared/domain/events';
import { formatPageCount } from '../../../../shared/domain/format';
import { ApiError, api, userMessage } from '../../api/client';
import { PdfViewer } from '../../components/pdf/PdfViewer';

type Loaded = { sha: string; bytes: Uint8Array } | { sha: string; missing: true } | { sha: string; error: string };

/** A handling of the meeting in the reader, beside the föredragningslista. */
export function MeetingDocument({ doc, onClose }: { doc: DocumentState; onClose(): void }) {
  const sha256 = doc.sha256;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const title = doc.title || doc.fileName;

  useEffect(() => {
    let live = true;
    api['attachments.read']({ sha256 }).then(
      ({ bytes }) => live && setLoaded({ sha: sha256, bytes }),
      (err: unknown) => live && setLoaded(err instanceof ApiError && err.code === 'not_found' ? { sha: sha256, missing: true } : { sha: sha256, error: userMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [sha256]);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="meeting-document-heading">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" id="meeting-document-heading">Handling: {title}</Title>
          <Button variant="default" size="xs" onClick={onClose}>Stäng handlingen</Button>
        </Group>
        {!loaded || loaded.sha !== sha256 ? (
          <Group gap="xs" role="status">
            <Loader size="sm" aria-hidden />
            <Text size="sm">Hämtar handlingen …</Text>
          </Group>
        ) : 'missing' in loaded ? (
          <Alert color="yellow" title="Handlingen finns inte på den här datorn">
            Filen {doc.fileName} har inte kommit hit ännu. Den följer med förbundschefens paket; importera paketet under Paket.
          </Alert>
        ) : 'error' in loaded ? (
          <Alert color="red" title="Handlingen kunde inte öppnas">{loaded.error}</Alert>
        ) : (
          <>
            <Text size="sm" c="dimmed">{doc.fileName} · {formatPageCount(doc.pageCount)}</Text>
            <PdfViewer key={sha256} bytes={loaded.bytes} title={title} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
