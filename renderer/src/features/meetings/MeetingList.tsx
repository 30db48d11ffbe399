import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo } from 'react';
import { MEETING_STATUS_LABEL, hasSecretaryRole, meetingStatus, meetingsInOrder, type MeetingState } from '../../../../shared/domain/meetings';
import { PageTitle } from '../../components/PageTitle';
import { KEYBOARD_SCROLL } from '../../lib/a11y';
import { today } from '../../lib/roster';
import { useFederation } from '../../state/federation';
import { openMeeting } from '../../routes/router';
import { STATUS_COLOR } from './labels';
import { showClock } from './meeting-draft';

/** Sammanträden in date order: kommande first (soonest at the top), then genomförda (latest first). */
export function MeetingList() {
  const { state, me } = useFederation();
  const date = today();
  const secretary = me !== null && hasSecretaryRole(state, me, date);
  const all = useMemo(() => meetingsInOrder(state), [state]);
  const done = (m: MeetingState) => m.date < date || m.endTime !== null;
  const coming = all.filter((m) => !done(m));
  const held = all.filter(done).reverse();

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <PageTitle>Sammanträden</PageTitle>
        {secretary && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => openMeeting(null, 'new')}>
            Nytt sammanträde
          </Button>
        )}
      </Group>
      {all.length === 0 ? (
        <Paper withBorder p="lg">
          <Text fw={600}>Inga sammanträden ännu</Text>
          <Text size="sm" c="dimmed">
            {secretary
              ? 'Planera styrelsens nästa sammanträde med knappen Nytt sammanträde: datum, plats, vilka som kallas och föredragningslistan. Sedan skapar du kallelsen och skickar den i ett paket till styrelsen.'
              : 'Kallelser kommer i paket från förbundschefen. Importera paketet under Paket, så syns sammanträdet här och du kan anmäla förhinder.'}
          </Text>
        </Paper>
      ) : (
        <>
          <MeetingTable id="coming-heading" title="Kommande" meetings={coming} empty="Inga kommande sammanträden är planerade." onOpen={openMeeting} />
          <MeetingTable id="held-heading" title="Genomförda" meetings={held} empty="Inga genomförda sammanträden." onOpen={openMeeting} />
        </>
      )}
    </Stack>
  );
}

function MeetingTable({ id, title, meetings, empty, onOpen }: { id: string; title: string; meetings: MeetingState[]; empty: string; onOpen(id: string): void }) {
  const { state, me } = useFederation();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>{title}</Title>
        {meetings.length === 0 ? (
          <Text size="sm" c="dimmed">{empty}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640} scrollAreaProps={KEYBOARD_SCROLL}>
            <Table striped highlightOnHover aria-labelledby={id}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Datum</Table.Th>
                  <Table.Th scope="col">Tid</Table.Th>
                  <Table.Th scope="col">Plats</Table.Th>
                  <Table.Th scope="col">Punkter</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {meetings.map((m) => {
                  const status = meetingStatus(state, m.id);
                  return (
                    <Table.Tr key={m.id} data-testid="meeting-row">
                      <Table.Td>
                        <Anchor component="button" type="button" fw={600} onClick={() => onOpen(m.id)} aria-label={`Öppna sammanträdet ${m.date}`}>
                          {m.date}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{showClock(m.startTime)}</Table.Td>
                      <Table.Td>
                        {m.place}
                        {m.distance !== null && <Text span size="sm" c="dimmed"> · även på distans</Text>}
                      </Table.Td>
                      <Table.Td>{m.agenda.length}</Table.Td>
                      <Table.Td>
                        <Group gap={6}>
                          <Badge variant="dot" color={STATUS_COLOR[status]} tt="none">{MEETING_STATUS_LABEL[status]}</Badge>
                          {me && m.absences[me] && <Badge variant="outline" color="gray" tt="none">Förhinder anmält</Badge>}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
