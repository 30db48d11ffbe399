import { Table, Text } from '@mantine/core';
import { DELEGATION_CATEGORY_LABEL, describeLimit, describeRef, isNonDelegable, type DelegationOrderState } from '../../../../shared/domain/delegations';
import type { FederationState } from '../../../../shared/domain/events';
import { KEYBOARD_SCROLL } from '../../lib/a11y';

/** The points of a delegationsordning as the board adopted them; limits in (pris)basbelopp also in kronor for the year. */
export function OrderTable({ state, order, year }: { state: FederationState; order: DelegationOrderState; year: string }) {
  const points = [...order.points].sort((a, b) => a.number - b.number);
  return (
    <Table.ScrollContainer minWidth={900} scrollAreaProps={KEYBOARD_SCROLL}>
      <Table striped="even" verticalSpacing="xs" layout="fixed" aria-label="Delegationsordningens punkter" data-testid="order-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={44}>Nr</Table.Th>
            <Table.Th scope="col" w="25%">Ärende</Table.Th>
            <Table.Th scope="col" w="14%">Lagrum</Table.Th>
            <Table.Th scope="col" w="11%">Delegat</Table.Th>
            <Table.Th scope="col" w="11%">Ersättare för delegat</Table.Th>
            <Table.Th scope="col" w="14%">Beloppsgräns</Table.Th>
            <Table.Th scope="col" w={72}>Anmäls</Table.Th>
            <Table.Th scope="col">Kommentar</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {points.map((p) => (
            <Table.Tr key={p.number} data-testid="order-point">
              <Table.Td>{p.number}</Table.Td>
              <Table.Th scope="row" fw={400}>
                <Text size="sm">{p.matter}</Text>
                <Text size="xs" c="dimmed">{isNonDelegable(p.category) ? '' : DELEGATION_CATEGORY_LABEL[p.category]}</Text>
              </Table.Th>
              <Table.Td><Text size="sm">{p.legalGround || '—'}</Text></Table.Td>
              <Table.Td><Text size="sm">{describeRef(state, p.delegate)}</Text></Table.Td>
              <Table.Td><Text size="sm">{describeRef(state, p.standIn)}</Text></Table.Td>
              <Table.Td><Text size="sm">{describeLimit(p.limit, order.baseAmounts, year).replace(/(\d) (\d)/g, '$1\u00a0$2')}</Text></Table.Td>
              <Table.Td>
                <Text size="sm" fw={p.mustReport ? 600 : 400}>{p.mustReport ? 'Ja' : 'Nej'}</Text>
              </Table.Td>
              <Table.Td><Text size="sm">{p.comment || '—'}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
