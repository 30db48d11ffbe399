import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { REVIEW_GAP_LABEL, leftToReview, type ReviewTodos } from '../applications/application-rows';
import { useReadKeys } from '../applications/review-store';
import { openApplication } from '../../routes/router';
import { useFederationDerived } from '../../state/federation';
import { formatDnr } from '../../../../shared/domain/format';

/** What is left for `me` (null while the read markers load, or when `me` is not a board member). */
export function useLeftToReview(me: string | null, scope: { agenda?: readonly string[]; decided?: ReadonlySet<string> } = {}): ReviewTodos | null {
  const read = useReadKeys();
  // Worked out on every change, rendered only when it differs (issue #16).
  return useFederationDerived((s) => (read && me ? leftToReview(s, me, read, scope) : null), [me, read, scope]);
}

/**
 * "Kvar att granska": the ansökningar the member has not marked read or taken
 * a stance on. `agenda` limits it to the next meeting's ansökningar once the
 * meetings domain provides them; until then every ansökan without a decision.
 */
export function LeftToReview({ left, agenda = false }: { left: ReviewTodos | null; agenda?: boolean }) {
  if (!left || left.total === 0) return null;
  const done = left.total - left.todo.length - left.jav.length;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="todo-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="todo-heading">
          Kvar att granska: {left.todo.length === 0 ? 'inget' : left.todo.length === 1 ? '1 ansökan' : `${left.todo.length} ansökningar`}
        </Title>
        <Text size="sm" c="dimmed">
          {agenda ? 'Ansökningarna på nästa sammanträde.' : 'Ansökningar som inte har beslutats.'} {done > 0 && `${done} klara.`}
        </Text>
        {left.todo.length === 0 && <Text size="sm">Du har läst och tagit ställning till alla.</Text>}
        {(left.todo.length > 0 || left.jav.length > 0) && (
          <List spacing="xs" data-testid="left-to-review">
            {left.todo.map((t) => (
              <List.Item key={t.applicationId}>
                <Group gap="xs" wrap="wrap">
                  <Anchor component="button" type="button" onClick={() => openApplication(t.applicationId)}>{t.name}</Anchor>
                  <Text size="sm" c="dimmed">{formatDnr(t.registrationNumber)}:</Text>
                  <Text size="sm">{t.gaps.map((g) => REVIEW_GAP_LABEL[g]).join(', ')}</Text>
                </Group>
              </List.Item>
            ))}
            {left.jav.map((t) => (
              <List.Item key={t.applicationId}>
                <Group gap="xs" wrap="wrap">
                  <Anchor component="button" type="button" onClick={() => openApplication(t.applicationId)}>{t.name}</Anchor>
                  <Badge variant="light" color="gray" tt="none">jäv anmält</Badge>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
