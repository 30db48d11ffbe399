import { Alert, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import type { AttachmentMeta } from '../../../../shared/contract';
import { formatDate, formatPageCount } from '../../../../shared/domain/format';
import { api, userMessage } from '../../api/client';
import { PdfViewer } from '../../components/pdf/PdfViewer';
import { db } from '../../db/database';

type Loaded = { sha: string; meta: AttachmentMeta; bytes: Uint8Array } | { sha: string; error: string };

/** Fetches an attachment's bytes from the main side and shows it, opening where the reader left off. */
export function AttachmentReader({ sha256 }: { sha256: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const view = useLiveQuery(() => db.viewState.get(sha256), [sha256], null);

  useEffect(() => {
    let live = true;
    api['attachments.read']({ sha256 }).then(
      ({ meta, bytes }) => live && setLoaded({ sha: sha256, meta, bytes }),
      (err: unknown) => live && setLoaded({ sha: sha256, error: userMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [sha256]);

  const remember = useCallback(
    ({ page, zoom }: { page: number; zoom: number }) => void db.viewState.put({ sha256, page, zoom, updatedAt: new Date().toISOString() }),
    [sha256],
  );

  if (!loaded || loaded.sha !== sha256 || view === null) {
    return <Group p="md"><Loader size="sm" /><Text size="sm">Hämtar handlingen …</Text></Group>;
  }
  if ('error' in loaded) return <Alert color="red" title="Handlingen kunde inte öppnas">{loaded.error}</Alert>;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">{loaded.meta.fileName}</Title>
      <Text size="sm" c="dimmed">{formatPageCount(loaded.meta.pageCount)} · tillagd {formatDate(loaded.meta.addedAt)}</Text>
      <PdfViewer
        key={sha256}
        bytes={loaded.bytes}
        title={loaded.meta.fileName}
        initialPage={view?.page ?? 1}
        initialZoom={view?.zoom}
        onViewChange={remember}
      />
    </Stack>
  );
}
