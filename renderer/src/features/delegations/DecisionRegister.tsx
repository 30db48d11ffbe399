import { Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { delegationDecisionsNewestFirst, type DelegationDecisionState } from '../../../../shared/domain/delegations';
import { personName, type FederationState } from '../../../../shared/domain/events';
import { formatAmount } from '../../../../shared/domain/format';
import { KEYBOARD_SCROLL } from '../../lib/a11y';

type ReportFilter = '' | 'pending' | 'reported' | 'notReported';

const REPORT_OPTIONS: Array<{ value: ReportFilter; label: string }> = [
  { value: '', label: 'Alla' },
  { value: 'pending', label: 'Ska anmälas, ännu inte anmälda' },
  { value: 'reported', label: 'Anmälda till styrelsen' },
  { value: 'notReported', label: 'Anmäls inte' },
];

function reportStatus(d: DelegationDecisionState, reported: ReadonlySet<string>): Exclude<ReportFilter, ''> {
  if (!d.mustReport) return 'notReported';
  return reported.has(d.id) ? 'reported' : 'pending';
}

const STATUS_BADGE: Record<Exclude<ReportFilter, ''>, { label: string; color: string }> = {
  pending: { label: 'Ska anmälas', color: 'yellow' },
  reported: { label: 'Anmält', color: 'green' },
  notReported: { label: 'Anmäls inte', color: 'gray' },
};

/** Delegationsbeslut: every recorded decision, newest first, filtered by point, decision maker and reporting. */
export function DecisionRegister({ state, reported }: { state: FederationState; reported: ReadonlySet<string> }) {
  const all = delegationDecisionsNewestFirst(state);
  const [point, setPoint] = useState('');
  const [decider, setDecider] = useState('');
  const [status, setStatus] = useState<ReportFilter>('');
  const points = [...new Set(all.map((d) => d.pointNumber))].sort((a, b) => a - b);
  const deciders = [...new Set(all.map((d) => d.decidedBy))].sort((a, b) => personName(state, a).localeCompare(personName(state, b), 'sv'));
  const rows = all.filter(
    (d) => (point === '' || String(d.pointNumber) === point) && (decider === '' || d.decidedBy === decider) && (status === '' || reportStatus(d, reported) === status),
  );
  const matterOf = (d: DelegationDecisionState) => state.delegationOrders[d.orderId]?.points.find((p) => p.number === d.pointNumber)?.matter ?? '';

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="decisions-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="decisions-heading">Delegationsbeslut</Title>
        {all.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="decisions-empty">
            Inga delegationsbeslut är registrerade. När en delegat har fattat ett beslut registreras det här med punkt, datum, diarienummer och belopp;
            beslut som ska anmälas tas upp under ”Anmälan av delegationsbeslut” vid nästa sammanträde.
          </Text>
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" role="group" aria-label="Filtrera delegationsbeslut">
              <NativeSelect label="Punkt" data={[{ value: '', label: 'Alla punkter' }, ...points.map((n) => ({ value: String(n), label: `Punkt ${n}` }))]} value={point} onChange={(e) => setPoint(e.currentTarget.value)} />
              <NativeSelect label="Beslutsfattare" data={[{ value: '', label: 'Alla' }, ...deciders.map((id) => ({ value: id, label: personName(state, id) }))]} value={decider} onChange={(e) => setDecider(e.currentTarget.value)} />
              <NativeSelect label="Anmälan" data={REPORT_OPTIONS} value={status} onChange={(e) => setStatus(e.currentTarget.value as ReportFilter)} />
            </SimpleGrid>
            <Text size="sm" role="status" aria-live="polite">
              {rows.length === all.length ? `${all.length} delegationsbeslut` : `${rows.length} av ${all.length} delegationsbeslut visas`}
            </Text>
            {rows.length === 0 ? (
              <Text size="sm" c="dimmed">Inga beslut matchar filtren. Välj ”Alla” i något av dem.</Text>
            ) : (
              <Table.ScrollContainer minWidth={960} scrollAreaProps={KEYBOARD_SCROLL}>
                <Table striped="even" verticalSpacing="xs" aria-label="Delegationsbeslut">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Datum</Table.Th>
                      <Table.Th scope="col">Diarienummer</Table.Th>
                      <Table.Th scope="col">Punkt</Table.Th>
                      <Table.Th scope="col">Beslut</Table.Th>
                      <Table.Th scope="col">Beslutsfattare</Table.Th>
                      <Table.Th scope="col" ta="right">Belopp</Table.Th>
                      <Table.Th scope="col">Anmälan</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((d) => {
                      const s = STATUS_BADGE[reportStatus(d, reported)];
                      return (
                        <Table.Tr key={d.id} data-testid="decision-row">
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.date}</Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.dnr}</Table.Td>
                          <Table.Td><Text size="sm" title={matterOf(d)}>{d.pointNumber}</Text></Table.Td>
                          <Table.Th scope="row" fw={400}><Text size="sm">{d.text}</Text></Table.Th>
                          <Table.Td>{personName(state, d.decidedBy)}</Table.Td>
                          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{d.amountKr === null ? '—' : formatAmount(d.amountKr)}</Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            <Group gap={6} wrap="nowrap">
                              <span aria-hidden style={{ width: 8, height: 8, borderRadius: 4, background: `var(--mantine-color-${s.color}-6)` }} />
                              <Text size="sm">{s.label}</Text>
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
