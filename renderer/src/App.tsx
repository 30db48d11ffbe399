import { Alert, Button, Center, DirectionProvider, Loader, MantineProvider, Stack, Text } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { AppFrame } from './layout/AppFrame';
import { FirstRunScreen } from './screens/start/FirstRunScreen';
import { refreshAll } from './state/actions';
import { FederationProvider } from './state/federation';
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

/** First run (no förbund yet) or the app; the session decides. */
function Root() {
  const session = useSessionStore((s) => s.session);
  const status = useSessionStore((s) => s.status);
  const error = useSessionStore((s) => s.error);

  useEffect(() => {
    void refreshAll();
  }, []);

  if (status === 'loading' && !session) {
    return (
      <Center mih="100vh">
        <Stack align="center" gap="xs" role="status">
          <Loader aria-hidden />
          <Text>Styrelsebordet startar …</Text>
        </Stack>
      </Center>
    );
  }
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
  return (
    <FederationProvider>
      <AppFrame session={session} />
    </FederationProvider>
  );
}
