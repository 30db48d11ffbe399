import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, userMessage } from '../../api/client';
import { useLockStore } from '../../state/lock-store';

/**
 * Shown at start and after the idle time. Says nothing of the förbund: no
 * name, no person, no document — only that the app is locked.
 */
export function LockScreen({ onUnlocked }: { onUnlocked(): void }) {
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!pin) return setFailure('Skriv din PIN-kod.');
    setBusy(true);
    setFailure(null);
    try {
      const status = await api['lock.unlock']({ pin });
      useLockStore.getState().set(status);
      onUnlocked();
    } catch (err) {
      setFailure(userMessage(err));
      setPin('');
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="lg">
      <Paper component="main" withBorder p="xl" maw={420} w="100%">
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="md">
            <Title order={1} size="h2">
              Styrelsebordet är låst
            </Title>
            <Text size="sm">Skriv din PIN-kod för att fortsätta.</Text>
            <PasswordInput ref={input} label="PIN-kod" autoComplete="current-password" value={pin} onChange={(e) => setPin(e.currentTarget.value)} />
            {failure && (
              <Alert color="red" role="alert" title="Inte upplåst">
                {failure}
              </Alert>
            )}
            <Button type="submit" loading={busy}>
              Lås upp
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
