import { Alert, Button, Grid, Group, Modal, NavLink, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { headsOf } from '../../../../../shared/domain/events';
import { LOCKED_REASON, hasSecretaryRole, paragraphNumbers, quorumByItem, servingByItem } from '../../../../../shared/domain/meetings';
import { userMessage } from '../../../api/client';
import { ShortCode } from '../../../components/ShortCode';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { appendEvent } from '../../../state/actions';
import { useFederation } from '../../../state/federation';
import { MeetingWarnings } from '../MeetingWarnings';
import { useSession } from '../../../state/session-store';
import { today } from '../../../lib/roster';
import { AttendancePanel } from './AttendancePanel';
import { ItemRecordForm } from './ItemRecordForm';
import { ServingPanel } from './ServingPanel';

/** "För protokoll": närvaro, tjänstgöring per §, each § recorded, and mötets avslutande. Works offline on the secretary's or chair's laptop. */
export function MinutesPanel({ meetingId }: { meetingId: string }) {
  const { state, me } = useFederation();
  const m = state.meetings[meetingId]!;
  const numbers = paragraphNumbers(state, m);
  const [itemId, setItemId] = useState<string | null>(m.agenda[0]?.id ?? null);
  const [closing, setClosing] = useState(false);
  const secretary = me !== null && hasSecretaryRole(state, me, m.date);
  // A locked protokoll is still shown editable to the secretary: a change is tried and refused with the reason.
  const editable = secretary;
  const item = m.agenda.find((i) => i.id === itemId);
  const quorum = quorumByItem(state, m, servingByItem(state, m));
  const heads = headsOf(state, m.id).join(',');

  return (
    <Stack gap="lg">
      {m.locked && <Alert color="green" title={`Justerat ${m.locked.date}`}>{LOCKED_REASON}</Alert>}
      {!secretary && <Alert color="gray">Protokollet förs av förbundschefen, sekreteraren eller ordföranden. Du kan läsa det som är antecknat.</Alert>}
      <MeetingWarnings meetingId={m.id} />
      {/* Full width each: the närvaro table and the per-§ lists need the room. */}
      <AttendancePanel key={heads} m={m} editable={editable} />
      <ServingPanel m={m} numbers={numbers} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Paper withBorder p="xs" component="nav" aria-label="Paragrafer">
            {m.agenda.map((i, n) => (
              <NavLink
                key={i.id}
                component="button"
                // Marked by a border and weight, not Mantine's light "active" colours (too little contrast for small text).
                style={{ borderLeft: `3px solid ${i.id === itemId ? 'var(--mantine-color-blue-8)' : 'transparent'}`, fontWeight: i.id === itemId ? 700 : undefined }}
                onClick={() => setItemId(i.id)}
                label={`§ ${numbers[i.id]} ${i.title}`}
                description={m.records[i.id] ? 'Protokollförd' : quorum[n]?.quorate === false ? 'Inte beslutför' : undefined}
                aria-current={i.id === itemId ? 'true' : undefined}
              />
            ))}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          {item ? <ItemRecordForm key={`${item.id}:${heads}`} m={m} item={item} number={numbers[item.id] as number} editable={editable} /> : <Text c="dimmed">Föredragningslistan är tom.</Text>}
        </Grid.Col>
      </Grid>
      {secretary && !m.locked && (
        <Paper withBorder p="lg" component="section" aria-labelledby="close-heading">
          <Stack gap="sm">
            <Title order={2} size="h3" id="close-heading">Mötets avslutande</Title>
            {m.endTime ? (
              <Text size="sm">Sammanträdet avslutades kl. {m.endTime.replace(':', '.')}. Reservationer kan inte längre anmälas.</Text>
            ) : (
              <>
                <Text size="sm">När sammanträdet avslutas antecknas sluttiden. Därefter kan inga nya reservationer anmälas, och protokollsutkastet kan skapas.</Text>
                {m.date <= today() ? (
                  <Group><Button color="dark" onClick={() => setClosing(true)}>Avsluta sammanträdet</Button></Group>
                ) : (
                  <Text size="sm" data-testid="close-not-yet">Sammanträdet kan avslutas från sammanträdesdagen, {m.date}.</Text>
                )}
              </>
            )}
          </Stack>
        </Paper>
      )}
      <CloseDialog meetingId={m.id} opened={closing} onClose={() => setClosing(false)} />
    </Stack>
  );
}

function nowTime(): string {
  const d = new Date();
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function CloseDialog({ meetingId, opened, onClose }: { meetingId: string; opened: boolean; onClose(): void }) {
  const { state } = useFederation();
  const session = useSession();
  const [time, setTime] = useState(nowTime);
  const [busy, setBusy] = useState(false);
  const valid = /^([01]\d|2[0-3])[:.][0-5]\d$/.test(time.trim());

  async function close() {
    if (!valid) return;
    setBusy(true);
    try {
      await appendEvent('minutes.closed', { meetingId, endTime: time.trim().replace('.', ':') }, headsOf(state, meetingId));
      notifySuccess('Sammanträdet är avslutat', 'Skapa protokollsutkastet under Protokoll och justering.');
      onClose();
    } catch (err) {
      notifyError('Sammanträdet avslutades inte', userMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Avsluta sammanträdet?" closeButtonProps={{ 'aria-label': 'Stäng' }}>
      <Stack gap="md">
        <Text size="sm">Ordföranden förklarar sammanträdet avslutat. Efter detta kan inga nya reservationer anmälas.</Text>
        <TextInput label="Sluttid" description="TT.MM" value={time} onChange={(e) => setTime(e.currentTarget.value)} error={!valid ? 'Skriv tiden som TT.MM, t.ex. 11.30.' : undefined} maw={160} />
        {session?.device && (
          <Text size="sm">Signeras med den här datorns nyckel <ShortCode code={session.device.shortCode} />.</Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Avbryt</Button>
          <Button onClick={() => void close()} loading={busy}>Avsluta sammanträdet</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
