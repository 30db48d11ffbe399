import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { headsOf, type KeyRecord } from '../../../../shared/domain/events';
import { shortCode } from '../../../../shared/domain/log/signed-event';
import { userMessage } from '../../api/client';
import { ShortCode } from '../../components/ShortCode';
import { notifySuccess } from '../../lib/notify';
import { keyAcceptedNotice, whoseDevice } from '../../lib/words';
import { appendEvent } from '../../state/actions';
import { useFederation } from '../../state/federation';
import { useSession } from '../../state/session-store';

export type Decision = { key: KeyRecord; verdict: 'accept' | 'reject' };

/**
 * Accepting (or rejecting) a device key is signed and cannot be undone, so it
 * is confirmed here, naming exactly which key, whose, and with which key the
 * decision is signed. Focus starts on "Avbryt": the safe choice.
 */
export function KeyDecisionDialog({ decision, onClose }: { decision: Decision | null; onClose(): void }) {
  const { state } = useFederation();
  const session = useSession();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const key = decision?.key;
  const accept = decision?.verdict === 'accept';
  const person = key ? state.persons[key.personId]?.name ?? 'okänd person' : '';

  const close = () => {
    setReason('');
    setFailure(null);
    onClose();
  };

  const confirm = async () => {
    if (!key) return;
    setBusy(true);
    setFailure(null);
    try {
      if (accept) {
        await appendEvent('key.accepted', { fingerprint: key.fingerprint }, headsOf(state, key.fingerprint));
        notifySuccess('Nyckeln är godkänd', keyAcceptedNotice(person, key.deviceName));
      } else {
        await appendEvent('key.rejected', { fingerprint: key.fingerprint, ...(reason.trim() ? { reason: reason.trim() } : {}) }, headsOf(state, key.fingerprint));
        notifySuccess('Nyckeln är avvisad', `Ändringar signerade med nyckeln ${shortCode(key.fingerprint)} kommer att avvisas.`);
      }
      close();
    } catch (err) {
      setFailure(userMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={decision !== null} onClose={close} title={accept ? 'Godkänn nyckeln?' : 'Avvisa nyckeln?'} size="lg" closeButtonProps={{ 'aria-label': 'Stäng' }}>
      {key && (
        <Stack gap="md">
          <Text>
            Du {accept ? 'godkänner' : 'avvisar'} nyckeln på <strong>{whoseDevice(person, key.deviceName)}</strong>.
          </Text>
          <Paper withBorder p="md">
            <Text size="sm">Nyckelns kod</Text>
            <ShortCode code={shortCode(key.fingerprint)} size="xl" />
          </Paper>
          <Text>
            Ring {person} och jämför koden innan du {accept ? 'godkänner' : 'avvisar'} den.{' '}
            {accept ? `Efter godkännandet gäller ändringar som signerats med nyckeln. ` : 'Ändringar som signerats med nyckeln kommer att avvisas. '}
            Beslutet kan inte ändras i efterhand.
          </Text>
          {!accept && <TextInput label="Skäl (valfritt)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} />}
          {session?.device && (
            <Text size="sm" c="dimmed">
              Beslutet signeras med din nyckel <ShortCode code={session.device.shortCode} />.
            </Text>
          )}
          {failure && (
            <Alert color="red" title="Beslutet kunde inte sparas" role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Avbryt
            </Button>
            <Button color={accept ? undefined : 'red'} onClick={() => void confirm()} loading={busy}>
              {accept ? 'Godkänn nyckeln' : 'Avvisa nyckeln'}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
