import { Alert, Badge, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { rosterOf } from '../../../../shared/domain/events';
import { api, userMessage } from '../../api/client';
import { savePackage } from '../../api/package-files';
import { notifyError, notifySuccess } from '../../lib/notify';
import { KEY_STATUS_COLOR, KEY_STATUS_LABEL, keyStatusOf, roleLabel } from '../../lib/roster';
import { refreshAll } from '../../state/actions';
import { useFederation } from '../../state/federation';
import { savedWhere, ShowInFolderButton } from '../../components/SavedFile';

/** For the förbundschef: one invitation file per person who has no accepted key yet. */
export function InvitationsPanel() {
  const { state, me } = useFederation();
  const [busy, setBusy] = useState<string | null>(null);
  const [made, setMade] = useState<{ fileName: string; name: string } | null>(null);
  const invitees = rosterOf(state).persons.filter((p) => p.id !== me && keyStatusOf(state, p.id) !== 'accepted');

  const invite = async (personId: string, name: string) => {
    setBusy(personId);
    try {
      const pkg = await api['invitations.export']({ personId });
      await savePackage(pkg.fileName);
      setMade({ fileName: pkg.fileName, name });
      notifySuccess('Inbjudan skapades', `Skicka ${pkg.fileName} till ${name} och ring för att jämföra koderna när hen har importerat den.`);
      await refreshAll();
    } catch (err) {
      notifyError(`Inbjudan till ${name} kunde inte skapas`, userMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="invitations-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="invitations-heading">Inbjudningar</Title>
        {made && busy === null && (
          <Alert color="blue" title={`Inbjudan till ${made.name} – skicka filen till hen`} data-testid="invitation-made">
            <Text size="sm">
              Filen <Text span className="nobreak" fw={600}>{made.fileName}</Text> {savedWhere()}
            </Text>
            <ShowInFolderButton fileName={made.fileName} />
          </Alert>
        )}
        {invitees.length === 0 ? (
          <Text c="dimmed">
            {Object.keys(state.persons).length <= 1
              ? 'Lägg till styrelsen under Förbundet först; sedan skapar du en inbjudan per person här.'
              : 'Alla i förbundet har en godkänd nyckel. Ingen behöver en inbjudan.'}
          </Text>
        ) : (
          <>
            <Text>
              Varje person får en egen inbjudningsfil. När hen har importerat den skickar hen ett paket tillbaka; då godkänner du hens nyckel under
              Översikt, efter att ni jämfört koden per telefon.
            </Text>
            <Table aria-labelledby="invitations-heading" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Person</Table.Th>
                  <Table.Th scope="col">Roll</Table.Th>
                  <Table.Th scope="col">Nyckel</Table.Th>
                  <Table.Th scope="col"><span className="visually-hidden">Åtgärd</span></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {invitees.map((p) => {
                  const status = keyStatusOf(state, p.id);
                  return (
                    <Table.Tr key={p.id}>
                      <Table.Th scope="row" fw={500}>{p.name}</Table.Th>
                      <Table.Td>{roleLabel(state, p.id)}</Table.Td>
                      <Table.Td>
                        <Badge variant="dot" color={KEY_STATUS_COLOR[status]} tt="none">{KEY_STATUS_LABEL[status]}</Badge>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button size="xs" variant="default" loading={busy === p.id} disabled={busy !== null && busy !== p.id} onClick={() => void invite(p.id, p.name)} aria-label={`Skapa inbjudan för ${p.name}`}>
                          Skapa inbjudan
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Paper>
  );
}
