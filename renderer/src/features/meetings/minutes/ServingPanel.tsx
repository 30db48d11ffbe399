import { Alert, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { quorumByItem, servingByItem, type MeetingState } from '../../../../../shared/domain/meetings';
import { KEYBOARD_SCROLL } from '../../../lib/a11y';
import { useFederation } from '../../../state/federation';

/** Live, per item: beslutande, tjänstgörande ersättare "för NN", ersättare who do not serve, and where the board is not beslutför. */
export function ServingPanel({ m, numbers }: { m: MeetingState; numbers: Record<string, number> }) {
  const { state } = useFederation();
  const serving = servingByItem(state, m);
  const quorum = quorumByItem(state, m, serving);
  const name = (id: string): string => state.persons[id]?.name ?? 'okänd person';
  const failing = quorum.filter((q) => !q.quorate);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="serving-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="serving-heading">Tjänstgöring per paragraf</Title>
        {!m.attendance && <Text size="sm" c="dimmed">Prognos från kallelsen och anmälda förhinder. Spara närvaron för att räkna på den faktiska närvaron.</Text>}
        {failing.length > 0 && (
          <Alert color="red" title="Styrelsen är inte beslutför" role="alert">
            <Stack gap={2}>
              {failing.map((q) => (
                <Text size="sm" key={q.itemId}>{`${numbers[q.itemId] !== undefined ? `§ ${numbers[q.itemId]}` : ''}: ${q.deciding} av ${q.seats} ledamöter tjänstgör; mer än hälften krävs.`}</Text>
              ))}
            </Stack>
          </Alert>
        )}
        <Table.ScrollContainer minWidth={560} scrollAreaProps={KEYBOARD_SCROLL}>
          <Table aria-label="Tjänstgöring per paragraf" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr><Table.Th>§</Table.Th><Table.Th>Beslutande</Table.Th><Table.Th>Ersättare som inte tjänstgör</Table.Th><Table.Th>Jäv</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {serving.map((s, i) => (
                <Table.Tr key={s.itemId} data-testid="serving-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>§ {numbers[s.itemId]}</Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {s.deciding.map((d) => (d.servesFor ? `${name(d.personId)} (för ${name(d.servesFor)})` : name(d.personId))).join(', ')}
                    </Text>
                    {!quorum[i]?.quorate && <Text size="xs" c="red.8" fw={600}>Inte beslutför</Text>}
                  </Table.Td>
                  <Table.Td><Text size="xs">{s.substitutesNotServing.map(name).join(', ') || '–'}</Text></Table.Td>
                  <Table.Td><Text size="xs">{s.jav.map(name).join(', ') || '–'}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
