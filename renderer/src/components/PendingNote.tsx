import { Group, Text } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { PENDING_TEXT } from '../state/federation';

/**
 * The mark on one of my own changes that the fold holds because my key waits
 * for the förbundschef: it is saved and shown, and goes with the next package.
 */
export function PendingNote({ what }: { what?: string }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="pending-mine">
      <IconClockHour4 size={16} aria-hidden color="var(--mantine-color-orange-8)" style={{ flexShrink: 0, marginTop: 2 }} />
      <Text size="sm" fs="italic">
        {what ? `${what}: ` : ''}
        {PENDING_TEXT}
      </Text>
    </Group>
  );
}
