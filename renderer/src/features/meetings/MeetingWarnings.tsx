import { Alert, List } from '@mantine/core';
import { meetingWarnings } from '../../../../shared/domain/meetings';
import { useFederation } from '../../state/federation';

/** The domain's warnings on a sammanträde (holiday, late justering, missing delegationsbeslut or declared jäv); nothing when there are none. */
export function MeetingWarnings({ meetingId }: { meetingId: string }) {
  const { state } = useFederation();
  const warnings = meetingWarnings(state, meetingId);
  if (warnings.length === 0) return null;
  return (
    <Alert color="yellow" title="Att kontrollera" data-testid="meeting-warnings">
      <List size="sm" spacing={2}>
        {warnings.map((w) => (
          <List.Item key={w}>{w}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
