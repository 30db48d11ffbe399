import { Title } from '@mantine/core';

/**
 * A section's page title; focusable so focus can move to it on navigation.
 * Its own module (not the frame's): screens import it, and the frame imports
 * the screens, so keeping it in AppFrame made every screen part of a cycle.
 */
export function PageTitle({ children }: { children: string }) {
  return (
    <Title order={1} size="h2" tabIndex={-1} mb="md" style={{ outline: 'none' }}>
      {children}
    </Title>
  );
}
