import { Alert, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { MeetingState } from '../../../../shared/domain/meetings';
import { useFederation } from '../../state/federation';
import { forecastView, type ErsattareLine, type LedamotLine } from './forecast-view';

const personLine = (l: LedamotLine): string =>
  l.status === 'coming' ? 'kommer' : l.status === 'notCalled' ? 'inte kallad' : `förhinder${l.reason ? ` (${l.reason})` : ''}`;

function ersattareText(e: ErsattareLine): string {
  if (e.servesFor) return `tjänstgör för ${e.servesFor}`;
  if (e.status === 'absent') return `förhinder${e.reason ? ` (${e.reason})` : ''}`;
  if (e.status === 'notCalled') return 'inte kallad';
  return 'kommer, tjänstgör inte';
}

/** Förbundschef: who will serve, from the called list and the förhinder that have come in packages. */
export function Forecast({ meeting }: { meeting: MeetingState }) {
  const { state } = useFederation();
  const view = useMemo(() => forecastView(state, meeting), [state, meeting]);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="forecast-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="forecast-heading">Vilka tjänstgör</Title>
        <Text size="sm" c="dimmed">
          Beräknat på kallelsen och de förhinder som har kommit hit i paket. Ersättare kallas in från samma förbundsmedlem i inkallelseordning.
          {` ${view.deciding} av ${view.seats} platser är besatta.`}
        </Text>
        {view.quorum.map((q) => (
          <Alert key={q} color="red" title="Styrelsen är inte beslutför">{q}</Alert>
        ))}
        {view.atRisk && (
          <Alert color="yellow" title="Beslutförheten är i fara">
            Om ytterligare en ledamot får förhinder utan att en ersättare kan kallas in är styrelsen inte längre beslutför.
          </Alert>
        )}
        <SimpleGrid cols={1} spacing="sm">
          {view.organisations.map((o) => (
            <Paper key={o.organisationId} withBorder p="sm" component="section" aria-label={`Tjänstgöring: ${o.name}`} data-testid="forecast-organisation">
              <Stack gap={6}>
                <Title order={3} size="h5">{o.name}</Title>
                {o.warning && <Alert color="red" p="xs">{o.warning}</Alert>}
                <List spacing={4} size="sm" listStyleType="none" ml={0} pl={0}>
                  {o.ledamoter.map((l) => (
                    <List.Item key={l.personId}>
                      <Group gap={6} wrap="wrap">
                        <Text span size="sm" fw={600}>{l.name}</Text>
                        <Text span size="sm" c="dimmed">{l.role.toLowerCase()}:</Text>
                        <Badge size="sm" variant="dot" color={l.status === 'coming' ? 'green' : 'red'} tt="none">{personLine(l)}</Badge>
                      </Group>
                    </List.Item>
                  ))}
                  {o.ersattare.map((e) => (
                    <List.Item key={e.personId}>
                      <Group gap={6} wrap="wrap" data-testid="forecast-ersattare">
                        <Text span size="sm" fw={600}>{e.name}</Text>
                        <Text span size="sm" c="dimmed">ersättare{e.callingOrder !== null ? ` (${e.callingOrder})` : ''}:</Text>
                        <Badge size="sm" variant="dot" color={e.servesFor ? 'blue' : 'gray'} tt="none">{ersattareText(e)}</Badge>
                      </Group>
                    </List.Item>
                  ))}
                </List>
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
        {view.jav.length > 0 && (
          <Stack gap={4}>
            <Title order={3} size="h4">Anmält jäv i enskilda punkter</Title>
            <List size="sm" spacing={4}>
              {view.jav.map((j) => (
                <List.Item key={j.index}>Punkt {j.index + 1}, {j.title}: {j.text}</List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
