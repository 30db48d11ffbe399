import { Alert, Button, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { api, userMessage } from '../../api/client';
import { notifyError, notifySuccess } from '../../lib/notify';
import { refreshAttachments } from '../../db/attachments';
import { db } from '../../db/database';
import { PageTitle } from '../../components/PageTitle';
import { downloadBytes } from '../../lib/download';
import { openAttachment as open, useRoute } from '../../routes/router';
import { AddPdf } from './AddPdf';
import { AttachmentReader } from './AttachmentReader';
import { AttachmentTable } from './AttachmentTable';

/** Handlingar: the PDFs on this computer, with the reader beside the list. */
export function DocumentsScreen() {
  const rows = useLiveQuery(() => db.attachments.orderBy('addedAt').reverse().toArray(), [], undefined);
  const route = useRoute();
  const openSha = route.section === 'documents' ? route.attachment : null;
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    refreshAttachments(db, api).then(
      () => setLoadError(null),
      (err: unknown) => setLoadError(userMessage(err)),
    );
  }, []);

  return (
    <Stack gap="md">
      <PageTitle>Handlingar</PageTitle>
      {loadError && <Alert color="red" title="Listan kunde inte hämtas">{loadError}</Alert>}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: openSha ? 5 : 12 }}>
          <Stack gap="md">
            <AddPdf onAdded={(meta) => open(meta.sha256)} />
            {rows === undefined ? null : rows.length === 0 ? (
              <Paper withBorder p="lg">
                <Text fw={500}>Inga handlingar ännu</Text>
                <Text size="sm" c="dimmed">Lägg till en PDF med knappen ovan eller dra filen hit. Den sparas på den här datorn och kan läsas utan nätverk.</Text>
              </Paper>
            ) : (
              <>
                <AttachmentTable rows={rows} openSha={openSha} onOpen={open} />
                <Group>
                  <CoverSheetButton />
                </Group>
              </>
            )}
          </Stack>
        </Grid.Col>
        {openSha && (
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <AttachmentReader sha256={openSha} />
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}

function CoverSheetButton() {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="default"
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const { fileName, bytes } = await api['documents.coverSheet']({});
          downloadBytes(bytes, fileName);
          notifySuccess('Bilageförteckningen skapades', fileName);
        } catch (err) {
          notifyError('Förteckningen kunde inte skapas', userMessage(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      Skapa bilageförteckning (PDF)
    </Button>
  );
}
