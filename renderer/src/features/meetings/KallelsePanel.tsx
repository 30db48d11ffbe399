import { Alert, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { headsOf } from '../../../../shared/domain/events';
import { calledIds, type MeetingState } from '../../../../shared/domain/meetings';
import { api, userMessage } from '../../api/client';
import { ShortCode } from '../../components/ShortCode';
import { savedWhere, ShowInFolderButton } from '../../components/SavedFile';
import { downloadBytes } from '../../lib/download';
import { notifyError, notifySuccess } from '../../lib/notify';
import { today } from '../../lib/roster';
import { appendEvent } from '../../state/actions';
import { useFederation } from '../../state/federation';
import { useSession } from '../../state/session-store';
import { go } from '../../routes/router';

/** SHA-256 hex of the PDF, so meeting.called records which kallelse was sent (null where Web Crypto is missing). */
async function sha256Hex(bytes: Uint8Array): Promise<string | null> {
  try {
    const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  } catch {
    return null;
  }
}

/** Förbundschef / sekreterare: make the kallelse PDF, mark it sent, and send the package to the board. */
export function KallelsePanel({ meeting }: { meeting: MeetingState }) {
  const { state } = useFederation();
  const session = useSession();
  const [pdf, setPdf] = useState<{ fileName: string; sha256: string | null } | null>(null);
  const [making, setMaking] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const count = calledIds(state, meeting).length;
  const unsent = (session?.sync.unsent ?? 0) > 0;

  async function makePdf() {
    setMaking(true);
    try {
      const { fileName, bytes } = await api['meetings.kallelsePdf']({ meetingId: meeting.id });
      downloadBytes(bytes, fileName);
      setPdf({ fileName, sha256: await sha256Hex(bytes) });
      notifySuccess('Kallelsen är skapad', `${fileName} ${savedWhere()} En kopia finns i mappen för exporter.`);
    } catch (err) {
      notifyError('Kallelsen kunde inte skapas', userMessage(err));
    } finally {
      setMaking(false);
    }
  }

  async function send() {
    setSending(true);
    try {
      await appendEvent('meeting.called', { meetingId: meeting.id, sentOn: today(), sha256: pdf?.sha256 ?? null }, headsOf(state, meeting.id));
      notifySuccess('Kallelsen är markerad som skickad', 'Skicka nu paketet till hela styrelsen under Paket, så får alla kallelsen och handlingarna.');
      setConfirming(false);
    } catch (err) {
      notifyError('Kallelsen kunde inte markeras som skickad', userMessage(err));
    } finally {
      setSending(false);
    }
  }

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="kallelse-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="kallelse-heading">Kallelse</Title>
        <Text size="sm" c="dimmed">
          Kallelsen med föredragningslistan går till {count === 1 ? '1 kallad' : `${count} kallade`}. Skicka den i god tid, vanligen 5–7 dagar före sammanträdet.
        </Text>
        {meeting.calledOn ? (
          <Alert color="green" title={`Kallelsen skickades ${meeting.calledOn.sentOn}`}>
            {unsent
              ? 'Ändringarna väntar på att skickas. Skicka paketet till hela styrelsen, så att alla får kallelsen och kan anmäla förhinder.'
              : 'Ändrar du sammanträdet, skapa en ny kallelse och skicka den igen.'}
          </Alert>
        ) : (
          pdf && (
            <Group gap="xs">
              <Text size="sm">Skapad: {pdf.fileName}. Kontrollera den och skicka sedan kallelsen.</Text>
              <ShowInFolderButton fileName={pdf.fileName} />
            </Group>
          )
        )}
        {pdf && meeting.calledOn && (
          <Group gap="xs">
            <Text size="sm">
              <Text span className="nobreak" fw={600}>{pdf.fileName}</Text> {savedWhere()}
            </Text>
            <ShowInFolderButton fileName={pdf.fileName} />
          </Group>
        )}
        <Group>
          <Button variant={meeting.calledOn || !pdf ? 'filled' : 'default'} leftSection={<IconFileTypePdf size={16} aria-hidden />} onClick={() => void makePdf()} loading={making}>
            Skapa kallelse (PDF)
          </Button>
          {!meeting.calledOn || pdf ? (
            <Button variant={pdf ? 'filled' : 'default'} onClick={() => setConfirming(true)}>Skicka kallelsen</Button>
          ) : null}
          {meeting.calledOn && unsent && (
            <Button variant="default" onClick={() => go('packages')}>Gå till Paket</Button>
          )}
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Skicka kallelsen?" closeButtonProps={{ 'aria-label': 'Stäng' }}>
        <Stack gap="md">
          <Text size="sm">
            Du signerar att kallelsen till sammanträdet {meeting.date} skickas i dag{pdf ? ` (${pdf.fileName})` : ''}. Sedan skickar du paketet till hela styrelsen under Paket.
          </Text>
          {session?.device && (
            <Text size="sm">
              Signeras med den här datorns nyckel <ShortCode code={session.device.shortCode} />.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>Avbryt</Button>
            <Button onClick={() => void send()} loading={sending}>Skicka kallelsen</Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
