import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { MEETING_STATUS_LABEL, meetingStatus, type MeetingState } from '../../../../shared/domain/meetings';
import { PageTitle } from '../../components/PageTitle';
import { useFederation } from '../../state/federation';
import { openMeeting } from '../../routes/router';
import { STATUS_COLOR } from './labels';
import { showClock } from './meeting-draft';
import { VideoLinkLine } from './VideoLinkLine';

/** "Styrelsens sammanträde 2026-12-15" */
export const meetingTitle = (m: Pick<MeetingState, 'organ' | 'date'>): string => `${m.organ}s sammanträde ${m.date}`;

/**
 * The head of every page about one meeting: the title, date, time, place,
 * distance participation and status, with a way back. Shared with the
 * minutes and protokoll screens (pass `back` to go somewhere else than the
 * Sammanträden list, `actions` for the page's buttons).
 */
export function MeetingHeader({ meeting, back, actions }: { meeting: MeetingState; back?: { label: string; onClick(): void }; actions?: ReactNode }) {
  const { state } = useFederation();
  const status = meetingStatus(state, meeting.id);
  const b = back ?? { label: 'Tillbaka till sammanträdena', onClick: () => openMeeting(null) };
  return (
    <Stack gap="sm">
      <Group>
        <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={b.onClick}>
          {b.label}
        </Button>
      </Group>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <PageTitle>{meetingTitle(meeting)}</PageTitle>
          <Group gap="sm" mt={-12} data-testid="meeting-header">
            <Badge variant="dot" color={STATUS_COLOR[status]} tt="none" size="lg">{MEETING_STATUS_LABEL[status]}</Badge>
            <Text>
              {meeting.date} kl. {showClock(meeting.startTime)} · {meeting.place}
            </Text>
          </Group>
          {meeting.distance !== null && meeting.distance !== '' && (
            <Text size="sm">
              <Text span fw={600}>Deltagande på distans: </Text>
              <Text span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{meeting.distance}</Text>
            </Text>
          )}
          <VideoLinkLine meeting={meeting} />
          {meeting.calledOn && <Text size="sm" c="dimmed">Kallelsen skickades {meeting.calledOn.sentOn}.</Text>}
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  );
}
