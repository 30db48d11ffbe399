import { Alert, Button, Group, NativeSelect, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Recipients } from '../../../../shared/contract';
import { isDirector, rosterOf } from '../../../../shared/domain/events';
import { api, userMessage } from '../../api/client';
import { downloadBytes } from '../../lib/download';
import { notifyError, notifySuccess } from '../../lib/notify';
import { packageContents } from '../../lib/words';
import { Working } from './Working';
import { savedWhere, ShowInFolderButton } from '../../components/SavedFile';
import { refreshAll } from '../../state/actions';
import { useFederation } from '../../state/federation';
import { useSession } from '../../state/session-store';
import { useRoute } from '../../routes/router';

type Mode = Recipients['mode'];

/** One file with the changes the chosen recipients have not acknowledged yet. */
export function ExportPanel({ primary }: { primary: boolean }) {
  const { state, me } = useFederation();
  const session = useSession();
  // A screen may send the user here with recipients chosen (Protokoll → Skicka för justering: the chair and the justerare).
  const route = useRoute();
  const preset = route.section === 'packages' ? route.recipients : null;
  const [mode, setMode] = useState<Mode>(preset?.mode ?? (me !== null && isDirector(state, me) ? 'board' : 'director'));
  const presetIds = preset?.mode === 'persons' ? preset.personIds : [];
  const [personId, setPersonId] = useState('');
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const [made, setMade] = useState<{ fileName: string; to: string; contents: string; unreadableBy: string[] } | null>(null);
  const name = (id: string) => state.persons[id]?.name ?? 'okänd';
  const recipientWords = (r: Recipients): string =>
    r.mode === 'director' ? 'förbundschefen' : r.mode === 'board' ? 'hela styrelsen' : r.mode === 'person' ? name(r.personId) : r.personIds.map(name).join(', ');
  const others = rosterOf(state).persons.filter((p) => p.id !== me);
  const unsent = session?.sync.unsent ?? 0;
  const last = session?.sync.lastExport;

  const run = async () => {
    setTried(true);
    if (mode === 'person' && !personId) return;
    const recipients: Recipients = mode === 'person' ? { mode, personId } : mode === 'persons' ? { mode, personIds: presetIds } : { mode };
    setBusy(true);
    try {
      const pkg = await api['packages.export']({ recipients });
      downloadBytes(pkg.bytes, pkg.fileName, 'application/octet-stream');
      const to = recipientWords(recipients);
      setMade({ fileName: pkg.fileName, to, contents: packageContents(pkg.events, pkg.attachments), unreadableBy: pkg.unreadableBy ?? [] });
      notifySuccess('Paketet skapades', `${packageContents(pkg.events, pkg.attachments)}. Skicka filen ${pkg.fileName} till ${to}.`);
      await refreshAll();
    } catch (err) {
      notifyError('Paketet kunde inte skapas', userMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="export-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="export-heading">Skicka ändringar</Title>
        <Text>
          {unsent === 0 ? 'Alla dina ändringar har gått ut i ett paket.' : unsent === 1 ? '1 egen ändring har inte skickats ännu.' : `${unsent} egna ändringar har inte skickats ännu.`}{' '}
          Paketet innehåller det mottagarna inte redan har. Skicka filen med e-post eller på ett USB-minne.
        </Text>
        <Radio.Group label="Mottagare" value={mode} onChange={(v) => setMode(v as Mode)}>
          <Stack gap="xs" mt="xs">
            <Radio value="director" label="Förbundschefen" />
            <Radio value="board" label="Hela styrelsen" />
            <Radio value="person" label="En person" />
            {presetIds.length > 0 && <Radio value="persons" label={`För justering: ${presetIds.map((id) => state.persons[id]?.name ?? 'okänd').join(', ')}`} />}
          </Stack>
        </Radio.Group>
        {mode === 'person' && (
          <NativeSelect
            label="Person"
            data={[{ value: '', label: 'Välj person …' }, ...others.map((p) => ({ value: p.id, label: p.name }))]}
            value={personId}
            onChange={(e) => setPersonId(e.currentTarget.value)}
            error={tried && !personId ? 'Välj vem paketet är till.' : undefined}
            maw={360}
          />
        )}
        <Group>
          <Button variant={primary ? 'filled' : 'default'} onClick={() => void run()} loading={busy}>Skapa paket</Button>
        </Group>
        {busy && <Working text="Paketet skapas …" />}
        {made && !busy && (
          <Alert color="blue" title={`Paketet är skapat – skicka filen till ${made.to}`} role="status" data-testid="package-made">
            <Text size="sm">
              {made.contents}. Filen <Text span className="nobreak" fw={600}>{made.fileName}</Text>{' '}
              {savedWhere()} Skicka den med e-post eller på
              ett USB-minne. Ändringarna räknas som framme när mottagarens nästa paket har importerats här.
            </Text>
            <ShowInFolderButton fileName={made.fileName} />
          </Alert>
        )}
        {made && !busy && made.unreadableBy.length > 0 && (
          <Alert color="yellow" title="Alla mottagare kan inte öppna paketet" role="region" data-testid="package-unreadable">
            <Text size="sm">
              Paketet är krypterat till mottagarnas datorer. {made.unreadableBy.join(', ')} kan inte öppna det: datorns nyckel är inte godkänd här ännu (eller
              har inte kommit i något paket). Godkänn nyckeln under Översikt, eller be förbundschefen göra det, och skicka sedan ett nytt paket.
            </Text>
          </Alert>
        )}
        {last && !busy && !made && (
          <Text size="sm" c="dimmed">
            Senast skapat: {last.fileName}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
