import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { AppFrame } from './layout/AppFrame';
import { cssVariablesResolver, theme } from './theme';

export function App() {
  return (
    <DirectionProvider>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
        <Notifications position="bottom-right" limit={4} />
        <AppFrame />
      </MantineProvider>
    </DirectionProvider>
  );
}
