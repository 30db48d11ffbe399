import { Badge, Button, Group, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { MEETING_STATUS_LABEL } from '../../../../../shared/domain/meetings';
import { LoadingEvents } from '../../../components/LoadingEvents';
import { PageTitle } from '../../../components/PageTitle';
import { KEYBOARD_SCROLL } from '../../../lib/a11y';
import { today } from '../../../lib/roster';
import { useFederation } from '../../../state/federation';
import { minutesFor, useRoute } from '../../../routes/router';
import { MinutesPanel } from '../minutes/MinutesPanel';
import { ProtokollPanel } from './ProtokollPanel';
import { archiveRows, meetingRows } from './protokoll-view';

/** Dates never break inside (2026-12-\n01); the long headers wrap instead. */
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/**
 * Protokoll: the meetings (each opens "För protokoll" and the justering), and
 * the archive of justerade protokoll. Sammanträden opens a meeting here with
 * minutesFor(meetingId) (routes/router).
 */
export function ProtokollScreen() {
  const { state, ready } = useFederation();
  const route = useRoute();
  const meetingId = route.section === 'protokoll' ? route.meetingId : null;
  if (!ready) return <LoadingEvents title="Protokoll" />;
  const m = meetingId ? state.meetings[meetingId] : undefined;
  if (m) return <MeetingPage meetingId={m.id} onBack={() => minutesFor(null)} />;
  const rows = meetingRows(state);
  const archive = archiveRows(state, today());
  return (
    <Stack gap="lg">
      <PageTitle>Protokoll</PageTitle>
      <Paper withBorder p="lg" component="section" aria-labelledby="meetings-heading">
        <Stack gap="sm">
          <Title order={2} size="h3" id="meetings-heading">Sammanträden</Title>
          {rows.length === 0 ? (
            <Text size="sm" c="dimmed">Inga sammanträden ännu. Ett sammanträde planeras under Sammanträden och kommer till styrelsen i ett paket.</Text>
          ) : (
            <Table.ScrollContainer minWidth={560} scrollAreaProps={KEYBOARD_SCROLL}>
              <Table aria-label="Sammanträden" striped>
                <Table.Thead>
                  <Table.Tr><Table.Th>Datum</Table.Th><Table.Th>Organ</Table.Th><Table.Th>Plats</Table.Th><Table.Th>Status</Table.Th><Table.Th>Öppna</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.meetingId} data-testid="meeting-row">
                      <Table.Td>{r.date} {r.startTime.replace(':', '.')}</Table.Td>
                      <Table.Td>{r.organ}</Table.Td>
                      <Table.Td>{r.place}</Table.Td>
                      <Table.Td><Badge variant="dot" tt="none" color={r.status === 'attested' ? 'green' : r.status === 'returned' ? 'orange' : 'blue'}>{MEETING_STATUS_LABEL[r.status]}</Badge></Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="default" onClick={() => minutesFor(r.meetingId)} aria-label={`Öppna sammanträdet ${r.date}`}>Öppna</Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="lg" component="section" aria-labelledby="archive-heading">
        <Stack gap="sm">
          <Title order={2} size="h3" id="archive-heading">Arkiv</Title>
          {archive.length === 0 ? (
            <Text size="sm" c="dimmed">Inga justerade protokoll ännu.</Text>
          ) : (
            <Table.ScrollContainer minWidth={780} scrollAreaProps={KEYBOARD_SCROLL}>
              <Table aria-label="Justerade protokoll" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Sammanträde</Table.Th><Table.Th>Paragrafer</Table.Th><Table.Th>Justerat</Table.Th><Table.Th>Anslag</Table.Th><Table.Th>Överklagandetiden slutar</Table.Th><Table.Th>Laga kraft</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {archive.map((r) => (
                    <Table.Tr key={r.meetingId} data-testid="archive-row">
                      <Table.Td style={NOWRAP}>{r.organ} {r.date}</Table.Td>
                      <Table.Td>{r.paragraphs}</Table.Td>
                      <Table.Td style={NOWRAP}>{r.justeredOn}</Table.Td>
                      <Table.Td data-testid="archive-anslag">
                        {r.anslag.postedOn ? (
                          <>
                            Uppsatt <span className="nobreak">{r.anslag.postedOn}</span>
                          </>
                        ) : (
                          <Text size="sm" span>
                            <Text span size="sm" fw={700}>Anslag ej uppsatt</Text> (senast <span className="nobreak">{r.anslag.latestPosting}</span>)
                          </Text>
                        )}
                        {r.warnings.map((w) => (
                          <Text key={w} size="xs" data-testid="archive-warning">{w}</Text>
                        ))}
                      </Table.Td>
                      <Table.Td style={NOWRAP} data-testid="archive-appeal-end">{r.anslag.appealEnds ?? '–'}</Table.Td>
                      <Table.Td style={NOWRAP}>
                        {r.final ? <Badge variant="dot" tt="none" color="green">Laga kraft</Badge> : r.anslag.finalFrom ? `från ${r.anslag.finalFrom}` : 'Efter anslaget'}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

/** One meeting: the minutes during the meeting, and the protokoll with its justering. */
function MeetingPage({ meetingId, onBack }: { meetingId: string; onBack(): void }) {
  const { state } = useFederation();
  const m = state.meetings[meetingId]!;
  const [tab, setTab] = useState<string | null>(m.endTime === null ? 'minutes' : 'protokoll');
  return (
    <Stack gap="md">
      <Group>
        <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack}>Tillbaka till protokollen</Button>
      </Group>
      <PageTitle>{`${m.organ} ${m.date}`}</PageTitle>
      <Text c="dimmed" mt={-12}>
        {m.place}, kl. {m.startTime.replace(':', '.')}{m.endTime ? `–${m.endTime.replace(':', '.')}` : ''}
      </Text>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="minutes">För protokoll</Tabs.Tab>
          <Tabs.Tab value="protokoll">Protokoll och justering</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="minutes" pt="md"><MinutesPanel meetingId={meetingId} /></Tabs.Panel>
        <Tabs.Panel value="protokoll" pt="md"><ProtokollPanel meetingId={meetingId} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
