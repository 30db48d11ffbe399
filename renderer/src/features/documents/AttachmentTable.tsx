import { Table, Text, UnstyledButton } from '@mantine/core';
import type { AttachmentMeta } from '../../../../shared/contract';
import { formatDate, formatFileSize } from '../../../../shared/domain/format';

export function AttachmentTable({ rows, openSha, onOpen }: { rows: AttachmentMeta[]; openSha: string | null; onOpen(sha: string): void }) {
  return (
    <Table highlightOnHover striped="even" verticalSpacing="xs" aria-label="Handlingar på den här datorn">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Handling</Table.Th>
          <Table.Th scope="col" ta="right">Sidor</Table.Th>
          <Table.Th scope="col" ta="right">Storlek</Table.Th>
          <Table.Th scope="col">Tillagd</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((a) => (
          <Table.Tr key={a.sha256} bg={a.sha256 === openSha ? 'var(--mantine-primary-color-light)' : undefined} data-testid="attachment-row">
            <Table.Td>
              <UnstyledButton className="attachment-row" onClick={() => onOpen(a.sha256)} aria-current={a.sha256 === openSha ? 'true' : undefined}>
                <Text size="sm" fw={500} td="underline">{a.fileName}</Text>
              </UnstyledButton>
            </Table.Td>
            <Table.Td ta="right">{a.pageCount}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{formatFileSize(a.size)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(a.addedAt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
