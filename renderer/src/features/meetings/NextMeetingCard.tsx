import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { MEETING_STATUS_LABEL, meetingStatus, nextMeeting } from '../../../../shared/domain/meetings';
import { today } from '../../lib/roster';
import { useFederationDerived, useMe } from '../../state/federation';
import { openMeeting } from '../../routes/router';
import { canReportAbsence } from './AbsencePanel';
import { STATUS_COLOR } from './labels';
import { showClock } from './meeting-draft';

const SHOWN = 10;

/** Översikt: "Nästa sammanträde" with date, time, place and the agenda; förhinder one click away. */
export function NextMeetingCard() {
  const me = useMe();
  // The next meeting and what Översikt says of it, watched as such: a stance does not render the card again (issue #16).
  const next = useFederationDerived(
    (s) => {
      const meeting = nextMeeting(s, today());
      return meeting ? { m: meeting, status: meetingStatus(s, meeting.id), mayReport: canReportAbsence(s, meeting, me) } : null;
    },
    [me],
  );
  if (!next) return null;
  const { m, status } = next;
  const absent = me !== null && !!m.absences[me];
  const mayReport = next.mayReport && !absent;
  const rest = m.agenda.length - SHOWN;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="next-meeting-heading" data-testid="next-meeting">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h4" id="next-meeting-heading">Nästa sammanträde</Title>
            <Text fw={600} size="lg">
              {m.date} kl. {showClock(m.startTime)} · {m.place}
            </Text>
            {m.distance !== null && <Text size="sm" c="dimmed">Deltagande på distans erbjuds.</Text>}
          </Stack>
          <Group gap={6}>
            <Badge variant="dot" color={STATUS_COLOR[status]} tt="none">{MEETING_STATUS_LABEL[status]}</Badge>
            {absent && <Badge variant="outline" color="gray" tt="none">Du har anmält förhinder</Badge>}
          </Group>
        </Group>
        {m.agenda.length > 0 && (
          <List type="ordered" size="sm" spacing={2}>
            {m.agenda.slice(0, SHOWN).map((i) => (
              <List.Item key={i.id}>{i.title}</List.Item>
            ))}
          </List>
        )}
        {rest > 0 && <Text size="sm" c="dimmed">och {rest} punkter till.</Text>}
        <Group>
          <Button variant={mayReport ? 'default' : 'filled'} onClick={() => openMeeting(m.id)}>Öppna sammanträdet</Button>
          {mayReport && <Button onClick={() => openMeeting(m.id)}>Anmäl förhinder</Button>}
        </Group>
      </Stack>
    </Paper>
  );
}
