import { Group, Loader, Progress, Stack, Text } from '@mantine/core';

/** Long work in progress: an indeterminate bar and what is happening, announced politely. */
export function Working({ text }: { text: string }) {
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Group gap="xs">
        <Loader size="xs" aria-hidden />
        <Text size="sm">{text}</Text>
      </Group>
      <Progress value={100} animated striped aria-hidden maw={360} />
    </Stack>
  );
}
