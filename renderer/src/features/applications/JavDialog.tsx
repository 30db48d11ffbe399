import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { JAV_GROUND_DESCRIPTION, JAV_GROUND_LABEL, JAV_GROUND_REFERENCE, JavGround } from '../../../../shared/domain/applications';
import { headsOf } from '../../../../shared/domain/events';
import { userMessage } from '../../api/client';
import { ShortCode } from '../../components/ShortCode';
import { notifyError, notifySuccess } from '../../lib/notify';
import { appendEvent } from '../../state/actions';
import { federationNow } from '../../state/federation';
import { useSession } from '../../state/session-store';

/** Anmäl jäv: the ground (KL 6 kap. 28 §) and why, signed with this laptop's key. */
export function JavDialog({
  applicationId,
  opened,
  onClose,
  initial,
}: {
  applicationId: string;
  opened: boolean;
  onClose(): void;
  /** Pre-filled from a jäv suggestion (the member's declared ties); both stay editable. */
  initial?: { ground: JavGround; text: string } | null;
}) {
  const session = useSession();
  const [ground, setGround] = useState<JavGround | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);

  useEffect(() => {
    if (opened && initial) {
      setGround(initial.ground);
      setText(initial.text);
    }
  }, [opened, initial]);

  async function declare() {
    setTried(true);
    if (!ground || text.trim() === '') return;
    setBusy(true);
    try {
      await appendEvent('jav.declared', { applicationId, ground, text: text.trim() }, headsOf(federationNow(), applicationId));
      notifySuccess('Jäv anmält', 'Anmälan skickas till förbundschefen med ditt nästa paket.');
      setGround(null);
      setText('');
      setTried(false);
      onClose();
    } catch (err) {
      notifyError('Jäv kunde inte anmälas', userMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Anmäl jäv" size="lg" closeButtonProps={{ 'aria-label': 'Stäng' }}>
      <Stack gap="md">
        <Text size="sm">
          Du bedömer själv om du är jävig. När du har anmält jäv tar du inte ställning till ansökan och deltar inte i beslutet. Anmälan kan inte tas tillbaka.
        </Text>
        <NativeSelect
          label="Grund för jäv"
          required
          data={[{ value: '', label: 'Välj grund' }, ...JavGround.options.map((g) => ({ value: g, label: JAV_GROUND_LABEL[g] }))]}
          value={ground ?? ''}
          onChange={(e) => {
            const v = JavGround.safeParse(e.currentTarget.value);
            setGround(v.success ? v.data : null);
          }}
          error={tried && !ground ? 'Välj en grund för jäv.' : undefined}
          description={ground ? `${JAV_GROUND_REFERENCE[ground]}: ${JAV_GROUND_DESCRIPTION[ground]}` : 'Kommunallagen 6 kap. 28 §'}
        />
        <Textarea
          label="Beskriv varför du är jävig"
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={tried && text.trim() === '' ? 'Skriv kort varför du är jävig.' : undefined}
        />
        {session?.device && (
          <Text size="sm">
            Anmälan signeras med den här datorns nyckel <ShortCode code={session.device.shortCode} />.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Avbryt</Button>
          <Button onClick={() => void declare()} loading={busy}>Anmäl jäv</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
