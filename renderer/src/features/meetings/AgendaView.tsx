import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { STAFF_ROLE_LABEL } from '../../../../shared/domain/forbund/model';
import { AGENDA_ITEM_KIND_LABEL, type MeetingState } from '../../../../shared/domain/meetings';
import { useFederation } from '../../state/federation';

/** The föredragningslista as the board reads it: each point with its proposal and handlingar (opened beside the list). */
export function AgendaView({ meeting, openSha, onOpen }: { meeting: MeetingState; openSha: string | null; onOpen(sha: string): void }) {
  const { state } = useFederation();
  const presenter = (id: string | null) => {
    const p = id ? state.persons[id] : undefined;
    return p ? `${p.name}${p.staffRole ? `, ${STAFF_ROLE_LABEL[p.staffRole].toLowerCase()}` : ''}` : null;
  };
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="agenda-view-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="agenda-view-heading">Föredragningslista</Title>
        {meeting.agenda.length === 0 && <Text c="dimmed">Föredragningslistan är tom.</Text>}
        <ol className="agenda-list" style={{ margin: 0, paddingLeft: '1.5rem' }}>
          {meeting.agenda.map((item) => {
            const by = presenter(item.presenter);
            return (
              <li key={item.id} data-testid="agenda-view-item" style={{ marginBottom: 'var(--mantine-spacing-md)' }}>
                <Stack gap={4}>
                  <Group gap="xs" wrap="wrap">
                    <Text fw={600}>{item.title}</Text>
                    {item.kind === 'decision' && <Badge variant="dot" color="blue" tt="none">{AGENDA_ITEM_KIND_LABEL.decision}</Badge>}
                    {item.confidential && <Badge variant="outline" color="red" tt="none">Sekretess</Badge>}
                  </Group>
                  {(item.dnr || by) && (
                    <Text size="sm" c="dimmed">{[item.dnr, by && `Föredragande: ${by}`].filter(Boolean).join(' · ')}</Text>
                  )}
                  {item.summary && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{item.summary}</Text>}
                  {item.proposal && (
                    <Text size="sm">
                      <Text span fw={600}>Förslag till beslut: </Text>
                      {item.proposal}
                    </Text>
                  )}
                  {item.delegationDecisionIds.length > 0 && (
                    <Text size="sm">{item.delegationDecisionIds.length === 1 ? '1 delegationsbeslut anmäls.' : `${item.delegationDecisionIds.length} delegationsbeslut anmäls.`}</Text>
                  )}
                  {item.documents.length > 0 && (
                    <Group gap="xs" wrap="wrap">
                      {item.documents.map((sha) => {
                        const doc = state.documents[sha];
                        const title = doc?.title || doc?.fileName || `Handling ${sha.slice(0, 8)}`;
                        return (
                          <Button
                            key={sha}
                            size="xs"
                            variant="default"
                            leftSection={<IconFileText size={14} aria-hidden />}
                            onClick={() => onOpen(sha)}
                            aria-pressed={openSha === sha}
                            aria-label={`Visa handlingen ${title}`}
                            disabled={!doc}
                          >
                            {title}
                          </Button>
                        );
                      })}
                    </Group>
                  )}
                </Stack>
              </li>
            );
          })}
        </ol>
      </Stack>
    </Paper>
  );
}
