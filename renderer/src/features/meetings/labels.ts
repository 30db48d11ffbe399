import type { MeetingStatus } from '../../../../shared/domain/meetings';

/** Badge colours per status: calm colours, each readable with Mantine's light badge at AA. */
export const STATUS_COLOR: Record<MeetingStatus, string> = {
  planned: 'gray',
  called: 'blue',
  inProgress: 'orange',
  closed: 'grape',
  forAttestation: 'yellow',
  returned: 'red',
  attested: 'green',
};
