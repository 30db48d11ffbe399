import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { conflictsOf, rosterOf, type FederationState, type PersonState } from '../../../../shared/domain/events';
import { BOARD_ROLE_LABEL, STAFF_ROLE_LABEL } from '../../../../shared/domain/forbund/model';
import { KEY_STATUS_COLOR, KEY_STATUS_LABEL, keyStatusOf, organisationName, today } from '../../lib/roster';
import { PersonForm } from './PersonForm';
import { KEYBOARD_SCROLL } from '../../lib/a11y';

/** The board and staff: roles with terms, calling order, key status; every row has its history. */
export function PersonsSection(props: { state: FederationState; canEdit: boolean; primary: boolean; onHistory(id: string): void }) {
  const { state, canEdit, primary, onHistory } = props;
  const [editing, setEditing] = useState<PersonState | 'new' | null>(null);
  const persons = useMemo(() => rosterOf(state).persons as PersonState[], [state]);
  const date = today();
  const canAdd = canEdit && Object.keys(state.organisations).length > 0;

  return (
    <section aria-labelledby="persons-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="persons-heading">Styrelse och personal</Title>
          {canEdit && (
            <Button variant={primary ? 'filled' : 'default'} onClick={() => setEditing('new')} disabled={!canAdd}>Lägg till person</Button>
          )}
        </Group>
        {canEdit && !canAdd && <Text size="sm" c="dimmed">Lägg till förbundsmedlemmarna först: varje ledamot och ersättare företräder en av dem.</Text>}
        {persons.length <= 1 && canAdd && (
          <Paper withBorder p="md">
            <Text size="sm">
              Lägg till styrelsens ledamöter och ersättare med deras uppdrag och mandattid, och sekreteraren om det är någon annan än du. Varje
              förbundsmedlem ska ha minst en ledamot och lika många ersättare.
            </Text>
          </Paper>
        )}
        <Table.ScrollContainer minWidth={880} scrollAreaProps={KEYBOARD_SCROLL}>
          <Table striped="even" verticalSpacing="xs" aria-labelledby="persons-heading">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Namn</Table.Th>
                <Table.Th scope="col">Företräder</Table.Th>
                <Table.Th scope="col">Roll och mandattid</Table.Th>
                <Table.Th scope="col" ta="right">Inkallelse&shy;ordning</Table.Th>
                <Table.Th scope="col">Nyckel</Table.Th>
                <Table.Th scope="col"><span className="visually-hidden">Åtgärder</span></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {persons.map((p) => (
                <PersonRow key={p.id} state={state} person={p} date={date} canEdit={canEdit} onEdit={() => setEditing(p)} onHistory={() => onHistory(p.id)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      {editing && <PersonForm state={state} person={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </section>
  );
}

function PersonRow(props: { state: FederationState; person: PersonState; date: string; canEdit: boolean; onEdit(): void; onHistory(): void }) {
  const { state, person: p, date, canEdit } = props;
  const key = keyStatusOf(state, p.id);
  const current = p.assignments.filter((a) => a.to >= date);
  const past = p.assignments.length - current.length;
  const order = current.filter((a) => a.role === 'substitute' && a.callingOrder !== undefined).map((a) => a.callingOrder);
  const conflicted = conflictsOf(state, p.id).length > 0;
  return (
    <Table.Tr data-testid="person-row">
      <Table.Th scope="row" fw={500} maw={240}>
        <Text fw={600} size="sm">{p.name}</Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{p.email}</Text>
        {conflicted && <Badge variant="dot" color="orange" tt="none" mt={4}>Samtidiga ändringar</Badge>}
      </Table.Th>
      <Table.Td>{p.organisationId ? organisationName(state, p.organisationId) : '—'}</Table.Td>
      <Table.Td>
        {p.staffRole && <Text size="sm" fw={500}>{STAFF_ROLE_LABEL[p.staffRole]}</Text>}
        {current.length === 0 && past === 0 && !p.staffRole && <Text size="sm" c="dimmed">Inga uppdrag</Text>}
        {current.map((a, i) => (
          <Text key={i} size="sm">
            {BOARD_ROLE_LABEL[a.role]}
            {a.organisationId !== p.organisationId ? ` för ${organisationName(state, a.organisationId)}` : ''}
            <br />
            <Text span size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {a.from}–{a.to}
              {a.from > date ? ' (kommande)' : ''}
            </Text>
          </Text>
        ))}
        {past > 0 && <Text size="xs" c="dimmed">{past === 1 ? '1 avslutat uppdrag' : `${past} avslutade uppdrag`} (se historik)</Text>}
      </Table.Td>
      <Table.Td ta="right">{order.length > 0 ? order.join(', ') : '—'}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Badge variant="dot" color={KEY_STATUS_COLOR[key]} tt="none" size="md" style={{ minWidth: 'max-content' }}>{KEY_STATUS_LABEL[key]}</Badge>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Button size="xs" variant="default" onClick={props.onHistory} aria-label={`Historik för ${p.name}`}>Historik</Button>
          {canEdit && (
            <Button size="xs" variant="default" onClick={props.onEdit} aria-label={`Ändra ${p.name}`}>Ändra</Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
