import { Group, Loader, Stack, Text } from '@mantine/core';
import { PageTitle } from './PageTitle';

/** A section whose content waits for the förbund's events: its title, and what is happening. */
export function LoadingEvents({ title }: { title: string }) {
  return (
    <Stack>
      <PageTitle>{title}</PageTitle>
      <Group role="status" gap="xs">
        <Loader size="sm" aria-hidden />
        <Text>Läser förbundets händelser …</Text>
      </Group>
    </Stack>
  );
}
