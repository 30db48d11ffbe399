import { Alert, Code, Paper, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { api, userMessage } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';

/** Om Styrelsebordet: version, where the data lives, and how this window is hosted. */
export function AboutScreen() {
  const [info, setInfo] = useState<Output<'app.info'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api['app.info']({}).then(setInfo, (err: unknown) => setError(userMessage(err)));
  }, []);
  return (
    <Stack gap="md" maw={720}>
      <PageTitle>Om Styrelsebordet</PageTitle>
      <Text>
        Styrelsebordet hjälper styrelsen i ett samordningsförbund att förbereda sammanträden, läsa handlingar och
        justera protokoll – även utan nätverk. Allt sparas på den här datorn.
      </Text>
      {error && <Alert color="red">{error}</Alert>}
      {info && (
        <Paper withBorder p="md">
          <Table variant="vertical" layout="fixed" aria-label="Programinformation">
            <Table.Tbody>
              <Table.Tr><Table.Th w={180}>Version</Table.Th><Table.Td>{info.version}</Table.Td></Table.Tr>
              <Table.Tr><Table.Th>Körs som</Table.Th><Table.Td>{info.host === 'electron' ? 'Skrivbordsprogram' : 'Webbvärd på den här datorn (förhandsvisning och test)'}</Table.Td></Table.Tr>
              <Table.Tr><Table.Th>Datamapp</Table.Th><Table.Td><Code>{info.dataDir}</Code></Table.Td></Table.Tr>
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
