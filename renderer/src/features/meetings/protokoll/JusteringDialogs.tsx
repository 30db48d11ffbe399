import { Alert, Button, Code, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { headsOf } from '../../../../../shared/domain/events';
import type { DraftRecord } from '../../../../../shared/domain/meetings';
import { userMessage } from '../../../api/client';
import { ShortCode } from '../../../components/ShortCode';
import { notifySuccess } from '../../../lib/notify';
import { appendEvent } from '../../../state/actions';
import { useFederation } from '../../../state/federation';
import { useSession } from '../../../state/session-store';
import { groupedHash } from './protokoll-view';

const partWords = (d: DraftRecord): string => (d.part === 'whole' ? 'protokollet' : `§ ${d.part} (justeras omedelbart)`);

/** "Justera protokollet": says exactly what is signed (version and SHA-256) and with which key. */
export function AttestDialog({ meetingId, draft, role, opened, onClose }: { meetingId: string; draft: DraftRecord; role: 'chair' | 'adjuster'; opened: boolean; onClose(): void }) {
  const { state } = useFederation();
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  async function attest() {
    setBusy(true);
    setRefusal(null);
    try {
      await appendEvent('protokoll.attested', { meetingId, version: draft.version, sha256: draft.sha256, role, part: draft.part }, headsOf(state, meetingId));
      notifySuccess('Justerat', `Du har justerat ${partWords(draft)}, version ${draft.version}. Skicka ett paket till förbundschefen.`);
      onClose();
    } catch (err) {
      setRefusal(userMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={draft.part === 'whole' ? 'Justera protokollet?' : `Justera § ${draft.part} omedelbart?`} size="lg" closeButtonProps={{ 'aria-label': 'Stäng' }}>
      <Stack gap="md">
        <Text size="sm">
          Du justerar {partWords(draft)} från sammanträdet {draft.document.meeting.date}, <strong>version {draft.version}</strong>, som {role === 'chair' ? 'ordförande' : 'justerare'}. Justeringen intygar att
          protokollet återger det som beslutades. Den gäller exakt den här texten: ändras protokollet efteråt blir justeringen ogiltig.
        </Text>
        <Stack gap={4}>
          <Text size="sm" fw={600}>Kontrollsumma (SHA-256) för version {draft.version}</Text>
          <Code block data-testid="attest-hash">{groupedHash(draft.sha256)}</Code>
        </Stack>
        {session?.device && (
          <Text size="sm">Signeras med den här datorns nyckel <ShortCode code={session.device.shortCode} /> ({session.device.deviceName}).</Text>
        )}
        {refusal && <Alert color="red" title="Protokollet justerades inte" role="alert">{refusal}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Avbryt</Button>
          <Button onClick={() => void attest()} loading={busy}>{draft.part === 'whole' ? 'Justera protokollet' : `Justera § ${draft.part}`}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Kommentera or Skicka tillbaka (with a required reason). */
export function FeedbackDialog({ meetingId, draft, kind, opened, onClose }: { meetingId: string; draft: DraftRecord; kind: 'commented' | 'returned'; opened: boolean; onClose(): void }) {
  const { state } = useFederation();
  const session = useSession();
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const returning = kind === 'returned';

  async function send() {
    setTried(true);
    if (text.trim() === '') return;
    setBusy(true);
    setRefusal(null);
    try {
      await appendEvent(returning ? 'protokoll.returned' : 'protokoll.commented', { meetingId, version: draft.version, comment: text.trim() }, headsOf(state, meetingId));
      notifySuccess(returning ? 'Protokollet är återsänt' : 'Synpunkten är sparad', 'Skicka ett paket till förbundschefen.');
      setText('');
      setTried(false);
      onClose();
    } catch (err) {
      setRefusal(userMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={returning ? 'Skicka tillbaka protokollet' : 'Kommentera protokollet'} size="lg" closeButtonProps={{ 'aria-label': 'Stäng' }}>
      <Stack gap="md">
        <Text size="sm">
          {returning
            ? `Version ${draft.version} sänds tillbaka till sekreteraren, som rättar protokollet och skickar en ny version för justering.`
            : `Synpunkten gäller version ${draft.version} och följer med ditt nästa paket.`}
        </Text>
        <Textarea
          label={returning ? 'Varför skickas protokollet tillbaka?' : 'Synpunkt'}
          required
          autosize
          minRows={3}
          maxLength={5000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={tried && text.trim() === '' ? (returning ? 'Skriv vad som behöver rättas.' : 'Skriv din synpunkt.') : undefined}
        />
        {session?.device && <Text size="sm">Signeras med den här datorns nyckel <ShortCode code={session.device.shortCode} />.</Text>}
        {refusal && <Alert color="red" role="alert">{refusal}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Avbryt</Button>
          <Button onClick={() => void send()} loading={busy} color={returning ? 'orange' : undefined}>{returning ? 'Skicka tillbaka' : 'Spara synpunkten'}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
