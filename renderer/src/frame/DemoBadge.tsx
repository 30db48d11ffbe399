import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { api, userMessage } from '../api/client';
import { notifyError, notifySuccess } from '../lib/notify';
import { adoptSession } from '../state/actions';
import { go } from '../routes/router';

/**
 * The demo is always marked as such, with a way out: "Lämna demoförbundet"
 * moves the demo's files to an archive folder and returns to the start screen.
 */
export function DemoBadge() {
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);

  async function leave() {
    setBusy(true);
    try {
      const session = await api['demo.leave']({});
      go('overview');
      await adoptSession(session);
      notifySuccess('Du har lämnat demoförbundet', 'Välj nu att sätta upp ditt förbund eller importera en inbjudan.');
    } catch (err) {
      notifyError('Demoförbundet kunde inte lämnas', userMessage(err));
      setBusy(false);
    }
  }

  return (
    <Group gap="xs" wrap="nowrap">
      <Badge color="grape" variant="filled" size="lg" data-testid="demo-badge">Demo</Badge>
      <Button size="compact-sm" variant="default" onClick={() => setOpened(true)}>Lämna demoförbundet</Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Lämna demoförbundet?" closeButtonProps={{ 'aria-label': 'Stäng' }}>
        <Stack gap="md">
          <Text size="sm">
            Demoförbundets ändringar, nycklar och filer flyttas till en arkivmapp i datamappen, och du kommer tillbaka till startsidan. Där kan du sätta upp
            ditt eget förbund eller gå med via en inbjudan.
          </Text>
          <Text size="sm" c="dimmed">Demoförbundet har ingen PIN-kod och sparas okrypterat. Ditt eget förbund krypteras på datorn när du väljer PIN-kod.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)} disabled={busy}>Avbryt</Button>
            <Button onClick={() => void leave()} loading={busy} data-autofocus>Lämna demoförbundet</Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
