import { Alert, Button, Center, NativeSelect, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { focusNextPageTitle } from '../../lib/focus-request';
import { api, userMessage } from '../../api/client';
import { notifySuccess } from '../../lib/notify';
import { useLockStore } from '../../state/lock-store';

const MIN_LENGTH = 6;
const IDLE_CHOICES = ['5', '10', '15', '30', '60'];

/**
 * The last step of set-up (a new förbund or an accepted invitation): the PIN
 * or passphrase that locks this laptop, and after how long without use.
 */
export function ChoosePinScreen() {
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [idle, setIdle] = useState('10');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const errors = {
    pin: pin.length < MIN_LENGTH ? `PIN-koden ska ha minst ${MIN_LENGTH} tecken.` : null,
    repeat: repeat !== pin ? 'De två PIN-koderna är inte lika.' : null,
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (errors.pin || errors.repeat) return;
    setBusy(true);
    setFailure(null);
    try {
      const status = await api['lock.setup']({ pin, idleMinutes: Number(idle) });
      // The app opens on Översikt next: its title takes the focus, not the page body (issue #15 item 16).
      focusNextPageTitle();
      useLockStore.getState().set(status);
      notifySuccess('PIN-koden är vald', `Styrelsebordet låser sig efter ${idle} minuter utan användning och när programmet startar.`);
    } catch (err) {
      setFailure(userMessage(err));
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="lg">
      <Paper component="main" withBorder p="xl" maw={480} w="100%">
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="md">
            <Title order={1} size="h2" ref={heading} tabIndex={-1}>
              Välj en PIN-kod
            </Title>
            <Text size="sm">
              Datorn bär sekretessmarkerade handlingar och nyckeln du signerar med. PIN-koden (eller en lösenfras) låser programmet: den
              frågas när programmet startar och efter en stund utan användning.
            </Text>
            <PasswordInput label="PIN-kod" description={`Minst ${MIN_LENGTH} tecken.`} autoComplete="new-password" value={pin} onChange={(e) => setPin(e.currentTarget.value)} error={submitted && errors.pin} />
            <PasswordInput label="Upprepa PIN-koden" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} error={submitted && errors.repeat} />
            <NativeSelect label="Lås efter" data={IDLE_CHOICES.map((m) => ({ value: m, label: `${m} minuter utan användning` }))} value={idle} onChange={(e) => setIdle(e.currentTarget.value)} />
            {failure && (
              <Alert color="red" role="alert" title="PIN-koden sparades inte">
                {failure}
              </Alert>
            )}
            <Button type="submit" loading={busy}>
              Spara PIN-koden
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
