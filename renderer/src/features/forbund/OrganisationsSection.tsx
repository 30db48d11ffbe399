import { Alert, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { conflictsOf, rosterOf, type FederationState, type OrganisationState } from '../../../../shared/domain/events';
import { callingOrder, membersOf } from '../../../../shared/domain/forbund/board-rules';
import { checkContributions, contributionYears } from '../../../../shared/domain/forbund/contributions';
import { ORGANISATION_KIND_LABEL } from '../../../../shared/domain/forbund/model';
import { formatAmount } from '../../../../shared/domain/format';
import { boardDate } from '../../lib/roster';
import { OrganisationForm } from './OrganisationForm';
import { KEYBOARD_SCROLL } from '../../lib/a11y';

/** Förbundsmedlemmar: who they are, their seats today and their yearly contributions. */
export function OrganisationsSection(props: { state: FederationState; canEdit: boolean; primary: boolean; onHistory(id: string): void }) {
  const { state, canEdit, primary, onHistory } = props;
  const [editing, setEditing] = useState<OrganisationState | 'new' | null>(null);
  const orgs = useMemo(() => rosterOf(state).organisations as OrganisationState[], [state]);
  const years = contributionYears(orgs).slice(-3);
  const warnings = useMemo(() => checkContributions(orgs), [orgs]);
  const roster = useMemo(() => rosterOf(state), [state]);
  const date = boardDate(state);

  return (
    <section aria-labelledby="organisations-heading">
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3" id="organisations-heading">Förbundsmedlemmar</Title>
        {canEdit && (
          <Button variant={primary ? 'filled' : 'default'} onClick={() => setEditing('new')}>Lägg till förbundsmedlem</Button>
        )}
      </Group>
      {orgs.length === 0 ? (
        <Paper withBorder p="lg">
          <Text fw={500}>Inga förbundsmedlemmar ännu</Text>
          <Text size="sm" c="dimmed">
            {canEdit
              ? 'Lägg till Försäkringskassan, Arbetsförmedlingen, regionen och kommunerna med knappen ovan. Sedan kan du lägga till styrelsen.'
              : 'Förbundschefen har inte lagt till några förbundsmedlemmar ännu, eller så har deras paket inte kommit hit.'}
          </Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={720} scrollAreaProps={KEYBOARD_SCROLL}>
          <Table striped="even" verticalSpacing="xs" aria-labelledby="organisations-heading">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Namn</Table.Th>
                <Table.Th scope="col">Typ</Table.Th>
                <Table.Th scope="col">Organisationsnummer</Table.Th>
                <Table.Th scope="col" ta="right">Ledamöter</Table.Th>
                <Table.Th scope="col" ta="right">Ersättare</Table.Th>
                {years.map((y) => (
                  <Table.Th key={y} scope="col" ta="right">Bidrag {y}</Table.Th>
                ))}
                <Table.Th scope="col"><span className="visually-hidden">Åtgärder</span></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orgs.map((o) => (
                <Table.Tr key={o.id} data-testid="organisation-row">
                  <Table.Th scope="row" fw={500}>
                    {o.name}
                    {conflictsOf(state, o.id).length > 0 && (
                      <Badge display="block" variant="dot" color="orange" tt="none" mt={4}>Samtidiga ändringar</Badge>
                    )}
                  </Table.Th>
                  <Table.Td>{ORGANISATION_KIND_LABEL[o.kind]}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{o.orgNr ?? '—'}</Table.Td>
                  <Table.Td ta="right">{membersOf(roster, o.id, date).length}</Table.Td>
                  <Table.Td ta="right">{new Set(callingOrder(roster, o.id, date).map((s) => s.person.id)).size}</Table.Td>
                  {years.map((y) => (
                    <Table.Td key={y} ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {o.contributions[y] !== undefined ? formatAmount(o.contributions[y]) : '—'}
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button size="xs" variant="default" onClick={() => onHistory(o.id)} aria-label={`Historik för ${o.name}`}>Historik</Button>
                      {canEdit && (
                        <Button size="xs" variant="default" onClick={() => setEditing(o)} aria-label={`Ändra ${o.name}`}>Ändra</Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {warnings.length > 0 && (
        <Alert color="yellow" title="Bidragen går inte ihop" icon={<IconInfoCircle size={20} aria-hidden />} role="region">
          <Text size="sm" mb={4}>Försäkringskassan betalar hälften, regionerna en fjärdedel och kommunerna en fjärdedel.</Text>
          <List size="sm" spacing={4}>
            {warnings.map((w, i) => (
              <List.Item key={`${w.code}-${w.year}-${i}`}>{w.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {editing && <OrganisationForm state={state} organisation={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
    </section>
  );
}
