import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { FederationState } from '../../../../shared/domain/events';
import { formatAmount } from '../../../../shared/domain/format';
import { APPLICATION_OUTCOME_LABEL, DECISION_OUTCOME_LABEL, applicationOutcome, earlierDecisions, type ApplicationOutcome } from '../../../../shared/domain/meetings';
import { Unbroken } from '../../components/Unbroken';
import { memo } from 'react';
import { useFederationDerived } from '../../state/federation';

const COLOR: Record<ApplicationOutcome['status'], string> = { granted: 'green', rejected: 'red', referredBack: 'orange', tabled: 'gray', decidedNotAttested: 'blue', none: 'gray' };

/** "Beviljad 1 420 000 kr, 2027-01-01 – 2028-12-31" etc.: the outcome from the latest (justerade) decision. */
export function outcomeText(o: ApplicationOutcome): string {
  const label = APPLICATION_OUTCOME_LABEL[o.status];
  if (o.status !== 'granted') return label;
  return `${label}${o.amountKr !== null ? ` ${formatAmount(o.amountKr)}` : ''}${o.period ? `, ${o.period.from} – ${o.period.to}` : ''}`;
}

/** The outcome is read in full in a narrow column: the badge wraps instead of cutting "Beviljad 1 420 …". */
const WRAP = { root: { height: 'auto', maxWidth: '100%', paddingBlock: 2 }, label: { whiteSpace: 'normal', overflow: 'visible' } } as const;

/** The outcome as a badge for the list; nothing before any decision. */
export function OutcomeBadge({ state, applicationId }: { state: FederationState; applicationId: string }) {
  return <OutcomeBadgeOf o={applicationOutcome(state, applicationId)} />;
}

function OutcomeBadgeOf({ o }: { o: ApplicationOutcome }) {
  if (o.status === 'none') return null;
  return <Badge variant="dot" radius="sm" color={COLOR[o.status]} tt="none" styles={WRAP} data-testid="application-outcome"><Unbroken text={outcomeText(o)} /></Badge>;
}

/** Beslut och "Tidigare beslut om insatsen": justerade decisions on this ansökan or on an insats with the same name. */
export const DecisionHistory = memo(function DecisionHistory({ applicationId }: { applicationId: string }) {
  // Watched as worked out: a stance does not render the decisions again (issue #16).
  const o = useFederationDerived((s) => applicationOutcome(s, applicationId), [applicationId]);
  const earlier = useFederationDerived((s) => earlierDecisions(s, applicationId), [applicationId]);
  if (o.status === 'none' && earlier.length === 0) return null;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="app-decisions">
      <Stack gap="sm">
        <Title order={2} size="h3" id="app-decisions">Beslut</Title>
        <Group><OutcomeBadgeOf o={o} /></Group>
        {o.decision && <Text size="sm"><Unbroken text={`§ ${o.decision.paragraph}, ${o.decision.date}: ${o.decision.decision.text}`} /></Text>}
        {earlier.length > 0 && (
          <Stack gap={4}>
            <Title order={3} size="h5">Tidigare beslut om insatsen</Title>
            {earlier.map((d) => (
              <Text size="sm" key={`${d.meetingId}:${d.itemId}`} data-testid="earlier-decision">
                <Unbroken text={`${d.date} § ${d.paragraph} ${d.title}: ${DECISION_OUTCOME_LABEL[d.decision.outcome]}${d.decision.amountKr !== null ? `, ${formatAmount(d.decision.amountKr)}` : ''}`} />
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
});
