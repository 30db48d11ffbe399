import { Alert, Button, Center, DirectionProvider, Loader, MantineProvider, Stack, Text } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { api, setLockedListener } from './api/client';
import { AppFrame } from './frame/AppFrame';
import { ChoosePinScreen } from './features/lock/ChoosePinScreen';
import { LockScreen } from './features/lock/LockScreen';
import { useIdleLock } from './features/lock/use-idle-lock';
import { FirstRunScreen } from './features/start/FirstRunScreen';
import { refreshAll } from './state/actions';
import { FederationProvider } from './state/federation';
import { useFederationStore } from './state/federation-store';
import { useLockStore } from './state/lock-store';
import { useSessionStore } from './state/session-store';
import { cssVariablesResolver, theme } from './theme';

export function App() {
  return (
    <DirectionProvider>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
        <Notifications position="bottom-right" limit={4} />
        <Root />
      </MantineProvider>
    </DirectionProvider>
  );
}

/** The lock screen, first run (no förbund yet), the PIN choice after set-up, or the app; the lock and the session decide. */
function Root() {
  const session = useSessionStore((s) => s.session);
  const status = useSessionStore((s) => s.status);
  const error = useSessionStore((s) => s.error);
  const lock = useLockStore((s) => s.status);
  const lockError = useLockStore((s) => s.error);
  // The förbund the lock status was last read for: set-up and the demo change what it says.
  const [lockReadFor, setLockReadFor] = useState<string | null>(null);
  const forbundId = session?.forbund?.id ?? null;

  useEffect(() => {
    setLockedListener(() => useLockStore.getState().markLocked());
    // Both at once, so an unlocked start is as quick as before; while locked, session.get is refused and the lock screen shows.
    void useLockStore.getState().load(api);
    void refreshAll();
    return () => setLockedListener(null);
  }, []);
  useEffect(() => {
    if (!forbundId) return;
    void useLockStore.getState().load(api).then(() => setLockReadFor(forbundId));
  }, [forbundId]);
  useIdleLock(lock && lock.configured && !lock.locked ? lock.idleMinutes : null);
  const locked = lock?.locked === true;
  useEffect(() => {
    if (locked) useFederationStore.getState().forget();
  }, [locked]);

  if (!lock && !lockError) return <Starting />;
  if (lock?.locked) return <LockScreen onUnlocked={() => void refreshAll()} />;
  if (status === 'loading' && !session) return <Starting />;
  if (!session) {
    return (
      <Center mih="100vh" p="lg">
        <Alert color="red" title="Styrelsebordet kunde inte starta" maw={520}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{error}</Text>
            <Button onClick={() => void refreshAll()}>Försök igen</Button>
          </Stack>
        </Alert>
      </Center>
    );
  }
  if (!session.forbund) return <FirstRunScreen session={session} />;
  if (lock && !lock.configured && !lock.demo) return lockReadFor === forbundId ? <ChoosePinScreen /> : <Starting />;
  return (
    <FederationProvider>
      <AppFrame hasForbund demo={session.demo} sessionName={session.forbund.name} />
    </FederationProvider>
  );
}

function Starting() {
  return (
    <Center mih="100vh">
      <Stack align="center" gap="xs" role="status">
        <Loader aria-hidden />
        <Text>Styrelsebordet startar …</Text>
      </Stack>
    </Center>
  );
}
