import { Alert, Button, Group, List, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { CATALOGUE, headsOf, isEventType, type FederationState, type KeyRecord } from '../../../../shared/domain/events';
import { shortCode } from '../../../../shared/domain/log/signed-event';
import { userMessage } from '../../api/client';
import { whoseDevice } from '../../lib/words';
import { ShortCode } from '../../components/ShortCode';
import { KEYBOARD_SCROLL } from '../../lib/a11y';
import { notifySuccess } from '../../lib/notify';
import { appendEvent } from '../../state/actions';
import { useFederationStore } from '../../state/federation-store';
import { useSession } from '../../state/session-store';

/**
 * Förlorad dator: the förbundschef revokes the key of a lost or stolen
 * laptop. The revocation keeps the events from that laptop that have already
 * arrived here and refuses, on every laptop, everything else signed with its
 * key (docs/trust-model.md). The owner joins again with a new invitation.
 */
export function LostLaptopSection({ state }: { state: FederationState }) {
  const session = useSession();
  const [chosen, setChosen] = useState<KeyRecord | null>(null);
  const own = session?.device?.fingerprint;
  const keys = Object.values(state.keys)
    .filter((k) => (k.status === 'accepted' || k.status === 'pending') && k.fingerprint !== own)
    .sort((a, b) => (state.persons[a.personId]?.name ?? '').localeCompare(state.persons[b.personId]?.name ?? '', 'sv'));
  const revoked = Object.values(state.keys).filter((k) => k.status === 'revoked');
  return (
    <section aria-labelledby="lost-laptop-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="lost-laptop-heading">Förlorad dator</Title>
        <Text size="sm">
          Har någon tappat bort sin dator, eller blivit av med den? Spärra datorns nyckel. Det som redan har kommit hit från datorn gäller
          fortfarande; allt annat som är signerat med nyckeln vägras på alla datorer. Personen går med igen med en ny inbjudan och en ny nyckel.
        </Text>
        {keys.length === 0 ? (
          <Text size="sm" c="dimmed">Det finns inga andra godkända nycklar att spärra.</Text>
        ) : (
          <Table.ScrollContainer minWidth={640} scrollAreaProps={KEYBOARD_SCROLL}>
            <Table verticalSpacing="xs" aria-labelledby="lost-laptop-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Person</Table.Th>
                  <Table.Th scope="col">Dator</Table.Th>
                  <Table.Th scope="col">Nyckelns kod</Table.Th>
                  <Table.Th scope="col"><span className="visually-hidden">Åtgärder</span></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {keys.map((k) => (
                  <Table.Tr key={k.fingerprint}>
                    <Table.Td>{state.persons[k.personId]?.name ?? 'okänd person'}</Table.Td>
                    <Table.Td>{k.deviceName}</Table.Td>
                    <Table.Td><ShortCode code={shortCode(k.fingerprint)} /></Table.Td>
                    <Table.Td ta="right">
                      <Button size="xs" variant="default" color="red" onClick={() => setChosen(k)} aria-label={`Spärra nyckeln för ${whoseDevice(state.persons[k.personId]?.name ?? 'okänd person', k.deviceName)}`}>
                        Spärra…
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {revoked.length > 0 && (
          <Text size="sm" c="dimmed">
            Spärrade: {revoked.map((k) => `${whoseDevice(state.persons[k.personId]?.name ?? 'okänd person', k.deviceName)} (kod ${shortCode(k.fingerprint)})`).join('; ')}.
          </Text>
        )}
      </Stack>
      <RevokeDialog state={state} keyRecord={chosen} onClose={() => setChosen(null)} />
    </section>
  );
}

function RevokeDialog({ state, keyRecord, onClose }: { state: FederationState; keyRecord: KeyRecord | null; onClose(): void }) {
  const session = useSession();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const fp = keyRecord?.fingerprint ?? null;
  const kept = useFederationStore((s) => (fp ? (s.eventsByKey[fp] ?? 0) : 0));
  const waiting = fp ? state.held.filter((h) => h.fingerprint === fp) : [];
  const person = keyRecord ? state.persons[keyRecord.personId]?.name ?? 'okänd person' : '';
  const close = () => {
    setReason('');
    setFailure(null);
    onClose();
  };
  const confirm = async () => {
    if (!keyRecord) return;
    if (!reason.trim()) {
      setFailure('Skriv varför nyckeln spärras, till exempel ”Datorn är borttappad”.');
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await appendEvent('key.revoked', { fingerprint: keyRecord.fingerprint, reason: reason.trim() }, headsOf(state, keyRecord.fingerprint));
      notifySuccess('Nyckeln är spärrad', `Skicka ett paket till styrelsen så att alla datorer vägrar det som kommer från ${keyRecord.deviceName}.`);
      close();
    } catch (err) {
      setFailure(userMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const label = (type: string) => (isEventType(type) ? CATALOGUE[type].label : type);
  return (
    <Modal opened={keyRecord !== null} onClose={close} title="Spärra nyckeln?" size="lg" closeButtonProps={{ 'aria-label': 'Stäng' }}>
      {keyRecord && (
        <Stack gap="md">
          <Text>
            Du spärrar nyckeln på <strong>{whoseDevice(person, keyRecord.deviceName)}</strong>.
          </Text>
          <Paper withBorder p="md">
            <Text size="sm">Nyckelns kod</Text>
            <ShortCode code={shortCode(keyRecord.fingerprint)} size="xl" />
          </Paper>
          <Stack gap={4}>
            <Text fw={600}>Det här gäller fortfarande</Text>
            <Text size="sm">{kept} ändringar från datorn som redan har kommit hit.</Text>
            <Text fw={600}>Det här vägras, på alla datorer</Text>
            <List size="sm">
              <List.Item>Allt som görs på datorn efter spärren.</List.Item>
              <List.Item>Ändringar som gjorts på datorn men inte har kommit hit ännu, även om de är daterade före spärren.</List.Item>
              {waiting.length > 0 && (
                <List.Item>
                  {waiting.length} ändringar från datorn som väntar här: {[...new Set(waiting.map((h) => label(h.type)))].join(', ')}.
                </List.Item>
              )}
            </List>
          </Stack>
          <TextInput label="Skäl" description="Visas för styrelsen och när ett paket från datorn vägras." required value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} />
          {session?.device && (
            <Text size="sm" c="dimmed">
              Spärren signeras med din nyckel <ShortCode code={session.device.shortCode} /> och kan inte ångras.
            </Text>
          )}
          {failure && (
            <Alert color="red" title="Nyckeln kunde inte spärras" role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Avbryt
            </Button>
            <Button color="red" onClick={() => void confirm()} loading={busy}>
              Spärra nyckeln
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
