import { Paper, Stack, Text, Title } from '@mantine/core';
import { sharedNotesOf } from '../../../../shared/domain/applications';
import { personName } from '../../../../shared/domain/events';
import { formatDate } from '../../../../shared/domain/format';
import { useFederation } from '../../state/federation';

/** For the förbundschef: notes board members chose to share on this ansökan, newest first (read only). */
export function SharedNotes({ applicationId }: { applicationId: string }) {
  const { state } = useFederation();
  const notes = sharedNotesOf(state, applicationId);
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">Delade anteckningar ({notes.length})</Title>
      {notes.length === 0 ? (
        <Text size="sm" c="dimmed">Ingen ledamot har delat en anteckning om ansökan.</Text>
      ) : (
        notes.map((n) => (
          <Paper key={n.eventId} withBorder p="sm" data-testid="shared-note">
            <Text size="sm" fw={600}>{personName(state, n.author)}, {formatDate(n.at)} (version {n.onVersion})</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{n.text}</Text>
          </Paper>
        ))
      )}
    </Stack>
  );
}
