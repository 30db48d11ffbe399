import { Anchor, Text } from '@mantine/core';
import { videoLinkProblem, type MeetingState } from '../../../../shared/domain/meetings';

/**
 * "Länk till videomötet: https://…" under the meeting's time and place, as in
 * the kallelse. A link only when it is a usable https address (the domain
 * refuses anything else, this is the second lock); it opens outside the app
 * (Electron hands https links to the user's browser, never to the window).
 */
export function VideoLinkLine({ meeting }: { meeting: Pick<MeetingState, 'distance' | 'videoLink'> }) {
  const link = meeting.distance !== null ? meeting.videoLink : null;
  if (!link || videoLinkProblem(link) !== null) return null;
  return (
    <Text size="sm" data-testid="video-link">
      <Text span fw={600}>Länk till videomötet: </Text>
      <Anchor href={link} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
        {link}
      </Anchor>
    </Text>
  );
}
