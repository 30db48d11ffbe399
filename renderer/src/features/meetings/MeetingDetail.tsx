import { Button, Grid, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { hasSecretaryRole, type MeetingState } from '../../../../shared/domain/meetings';
import { MeetingWarnings } from './MeetingWarnings';
import { StoredPdfPanel } from '../../components/pdf/StoredPdfPanel';
import { useFederation } from '../../state/federation';
import { openMeeting } from '../../routes/router';
import { AbsencePanel } from './AbsencePanel';
import { AgendaView } from './AgendaView';
import { Forecast } from './Forecast';
import { KallelsePanel } from './KallelsePanel';
import { MeetingHeader } from './MeetingHeader';
import { calledGroups } from './meeting-draft';

/** One sammanträde for everyone: header, föredragningslista with handlingar, the called; förhinder; the förbundschef's kallelse and forecast. */
export function MeetingDetail({ meeting }: { meeting: MeetingState }) {
  const { state, me } = useFederation();
  const [openSha, setOpenSha] = useState<string | null>(null);
  const secretary = me !== null && hasSecretaryRole(state, me, meeting.date);
  const editable = secretary && !meeting.locked && meeting.endTime === null;
  const doc = openSha ? state.documents[openSha] : undefined;

  return (
    <Stack gap="lg">
      <MeetingHeader
        meeting={meeting}
        actions={
          editable && (
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => openMeeting(meeting.id, 'edit')}>
              Ändra sammanträdet
            </Button>
          )
        }
      />
      <MeetingWarnings meetingId={meeting.id} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: doc ? 6 : 7 }}>
          <Stack gap="lg">
            <AgendaView meeting={meeting} openSha={openSha} onOpen={setOpenSha} />
            <Called meeting={meeting} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: doc ? 6 : 5 }}>
          <Stack gap="lg">
            {doc && <StoredPdfPanel sha256={doc.sha256} fileName={doc.fileName} title={doc.title} noun={{ label: 'Handling', definite: 'handlingen' }} onClose={() => setOpenSha(null)} />}
            <AbsencePanel meeting={meeting} />
            {editable && <KallelsePanel meeting={meeting} />}
            {secretary && <Forecast meeting={meeting} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Called({ meeting }: { meeting: MeetingState }) {
  const { state } = useFederation();
  const groups = calledGroups(state, meeting);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="called-view-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="called-view-heading">Kallade</Title>
        {groups.length === 0 && <Text c="dimmed">Ingen är kallad.</Text>}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {groups.map((g) => (
            <Stack key={g.organisationId} gap={2}>
              <Text fw={600}>{g.name}</Text>
              {g.persons.map((p) => (
                <Text key={p.personId} size="sm">
                  {p.name}, {p.roleText.toLowerCase()}
                  {meeting.absences[p.personId] && <Text span c="red.8" fw={600}> · förhinder</Text>}
                </Text>
              ))}
            </Stack>
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
