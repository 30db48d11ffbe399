import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useState } from 'react';
import { formatPageCount } from '../../../../shared/domain/format';
import { ApiError, api, userMessage } from '../../api/client';
import { PdfViewer } from './PdfViewer';

/** How the panel names what it shows: "Bilaga" / "bilagan", "Handling" / "handlingen". */
export interface PanelNoun {
  /** Capitalised, before the title: "Bilaga: Budget 2027". */
  label: string;
  /** The definite form in sentences: "Stäng bilagan", "Hämtar bilagan …". */
  definite: string;
}

type Loaded =
  | { sha: string; bytes: Uint8Array; pageCount: number }
  | { sha: string; missing: true }
  | { sha: string; error: string };

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * A stored PDF (an ansökan's bilaga, a meeting's handling) in the in-app
 * reader, beside the screen's own data: fetched by hash from the main side,
 * with a clear word when the file has not reached this laptop yet.
 */
export function StoredPdfPanel({ sha256, fileName, title, noun, onClose }: { sha256: string; fileName: string; title?: string; noun: PanelNoun; onClose(): void }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const headingId = useId();
  const shown = title || fileName;
  const Definite = capitalise(noun.definite);

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
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h4" id={headingId}>{noun.label}: {shown}</Title>
          <Button variant="default" size="xs" onClick={onClose} style={{ flexShrink: 0 }}>Stäng {noun.definite}</Button>
        </Group>
        {!loaded || loaded.sha !== sha256 ? (
          <Group gap="xs" role="status">
            <Loader size="sm" aria-hidden />
            <Text size="sm">Hämtar {noun.definite} …</Text>
          </Group>
        ) : 'missing' in loaded ? (
          <Alert color="yellow" title={`${Definite} finns inte på den här datorn`}>
            Filen {fileName} har inte kommit hit ännu. Den följer med förbundschefens paket; importera paketet under Paket.
          </Alert>
        ) : 'error' in loaded ? (
          <Alert color="red" title={`${Definite} kunde inte öppnas`}>{loaded.error}</Alert>
        ) : (
          <>
            <Text size="sm" c="dimmed">{fileName} · {formatPageCount(loaded.pageCount)}</Text>
            <PdfViewer key={sha256} bytes={loaded.bytes} title={shown} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
