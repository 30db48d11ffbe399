import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { historyOf, type KeyRecord } from '../../../../shared/domain/events';
import { formatDate } from '../../../../shared/domain/format';
import { shortCode } from '../../../../shared/domain/log/signed-event';
import { ShortCode } from '../../components/ShortCode';
import { useFederation } from '../../state/federation';
import { KeyDecisionDialog, type Decision } from './KeyDecisionDialog';

/** For the förbundschef: device keys registered but not yet decided. */
export function PendingKeys({ keys }: { keys: KeyRecord[] }) {
  const { state } = useFederation();
  const [decision, setDecision] = useState<Decision | null>(null);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="pending-keys-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="pending-keys-heading">
          Nycklar som väntar på ditt godkännande
        </Title>
        <Text size="sm" c="dimmed">
          Ring personen och jämför koden innan du godkänner. Tills dess hålls personens ändringar tillbaka.
        </Text>
        <Table aria-labelledby="pending-keys-heading" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Person</Table.Th>
              <Table.Th scope="col">Dator</Table.Th>
              <Table.Th scope="col">Kod</Table.Th>
              <Table.Th scope="col">Registrerad</Table.Th>
              <Table.Th scope="col"><span className="visually-hidden">Åtgärd</span></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.map((k) => {
              const name = state.persons[k.personId]?.name ?? 'okänd person';
              const registered = historyOf(state, k.fingerprint)[0]?.at;
              return (
                <Table.Tr key={k.fingerprint}>
                  <Table.Td>{name}</Table.Td>
                  <Table.Td>{k.deviceName}</Table.Td>
                  <Table.Td><ShortCode code={shortCode(k.fingerprint)} /></Table.Td>
                  <Table.Td>{registered ? formatDate(registered) : '—'}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button size="xs" onClick={() => setDecision({ key: k, verdict: 'accept' })} aria-label={`Godkänn nyckel för ${name}`}>
                        Godkänn nyckel
                      </Button>
                      <Button size="xs" variant="default" onClick={() => setDecision({ key: k, verdict: 'reject' })} aria-label={`Avvisa nyckel för ${name}`}>
                        Avvisa
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
      <KeyDecisionDialog decision={decision} onClose={() => setDecision(null)} />
    </Paper>
  );
}
