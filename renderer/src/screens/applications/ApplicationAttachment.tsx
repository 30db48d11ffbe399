import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Attachment } from '../../../../shared/domain/applications';
import { formatPageCount } from '../../../../shared/domain/format';
import { ApiError, api, userMessage } from '../../api/client';
import { PdfViewer } from '../../components/pdf/PdfViewer';

type Loaded =
  | { sha: string; bytes: Uint8Array; pageCount: number }
  | { sha: string; missing: true }
  | { sha: string; error: string };

/** One attachment of an application in the in-app reader, beside the structured data. */
export function ApplicationAttachment({ attachment, onClose }: { attachment: Attachment; onClose(): void }) {
  const { sha256 } = attachment;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const title = attachment.title || attachment.fileName;

  useEffect(() => {
    let live = true;
    api['attachments.read']({ sha256 }).then(
      ({ meta, bytes }) => live && setLoaded({ sha: sha256, bytes, pageCount: meta.pageCount }),
      (err: unknown) =>
        live && setLoaded(err instanceof ApiError && err.code === 'not_found' ? { sha: sha256, missing: true } : { sha: sha256, error: userMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [sha256]);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="attachment-heading">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" id="attachment-heading">Bilaga: {title}</Title>
          <Button variant="default" size="xs" onClick={onClose}>Stäng bilagan</Button>
        </Group>
        {!loaded || loaded.sha !== sha256 ? (
          <Group gap="xs" role="status">
            <Loader size="sm" aria-hidden />
            <Text size="sm">Hämtar bilagan …</Text>
          </Group>
        ) : 'missing' in loaded ? (
          <Alert color="yellow" title="Bilagan finns inte på den här datorn">
            Filen {attachment.fileName} har inte kommit hit ännu. Den följer med förbundschefens paket; importera paketet under Paket.
          </Alert>
        ) : 'error' in loaded ? (
          <Alert color="red" title="Bilagan kunde inte öppnas">{loaded.error}</Alert>
        ) : (
          <>
            <Text size="sm" c="dimmed">{attachment.fileName} · {formatPageCount(loaded.pageCount)}</Text>
            <PdfViewer key={sha256} bytes={loaded.bytes} title={title} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
