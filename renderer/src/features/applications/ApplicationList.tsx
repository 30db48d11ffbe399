import { Anchor, Badge, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { budgetTotals } from '../../../../shared/domain/applications';
import { isBoardMember, isDirector, rosterOf } from '../../../../shared/domain/events';
import { formatAmount, formatDnr } from '../../../../shared/domain/format';
import type { RecordFilters } from '../../../../shared/domain/search/filter';
import { PageTitle } from '../../components/PageTitle';
import { currentApplications, filterByOutcomeAndMeeting, meetingsWithApplications, myStatus, partyNames, stanceCounts, stanceSummary, toSearchRecord } from './application-rows';
import { today } from '../../lib/roster';
import { usePdfTexts } from '../../search/pdf-texts';
import { RecordSearchIndex } from '../../search/search-index';
import { useFederation } from '../../state/federation';
import { KEYBOARD_SCROLL } from '../../lib/a11y';
import { OutcomeBadge } from './DecisionHistory';
import { InsatsBudgetPanel } from './InsatsBudgetPanel';
import { APPLICATION_OUTCOME_LABEL, type ApplicationOutcomeStatus } from '../../../../shared/domain/meetings';
import { DateField, dateOrUndefined } from '../../components/DateField';

const amountOrUndefined = (v: string | number): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The list of ansökningar: search as you type, filters, and my status on each. */
export function ApplicationList({ onOpen, action }: { onOpen(id: string): void; action?: ReactNode }) {
  const { state, me } = useFederation();
  const date = today();
  const director = me !== null && isDirector(state, me);
  const member = me !== null && isBoardMember(state, me, date);
  const apps = useMemo(() => currentApplications(state), [state]);
  // Rebuilt when the förbund's state changes (a new application or version); small enough to build at once.
  const pdfTexts = usePdfTexts(apps.flatMap((a) => a.attachments.map((f) => f.sha256)));
  const textsKnown = apps.flatMap((a) => a.attachments).filter((f) => pdfTexts.has(f.sha256)).length;
  // Rebuilt when the applications change or more PDF text has arrived.
  const index = useMemo(() => new RecordSearchIndex(apps.map((a) => toSearchRecord(state, a, pdfTexts))), [apps, state, pdfTexts, textsKnown]);
  const organisations = useMemo(() => rosterOf(state).organisations, [state]);

  const [query, setQuery] = useState('');
  const [party, setParty] = useState<string | null>(null);
  const [amountMin, setAmountMin] = useState<string | number>('');
  const [amountMax, setAmountMax] = useState<string | number>('');
  const [periodFrom, setPeriodFrom] = useState('');
  const [periodTo, setPeriodTo] = useState('');
  const [status, setStatus] = useState<ApplicationOutcomeStatus | null>(null);
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const meetings = useMemo(() => meetingsWithApplications(state), [state]);

  const filters: RecordFilters = {
    parties: party ? [party] : undefined,
    amountMin: amountOrUndefined(amountMin),
    amountMax: amountOrUndefined(amountMax),
    periodFrom: dateOrUndefined(periodFrom),
    periodTo: dateOrUndefined(periodTo),
  };
  const hits = filterByOutcomeAndMeeting(state, index.searchIds(query, filters), { status, meetingId });
  // No query: newest received first, as currentApplications orders them; a query: best match first.
  const rows = query.trim() === '' ? apps.filter((a) => hits.includes(a.id)) : hits.map((id) => apps.find((a) => a.id === id)!).filter(Boolean);

  if (apps.length === 0) {
    return (
      <Stack gap="lg">
        <TitleRow action={action} />
        <Paper withBorder p="lg">
          <Text fw={600}>Inga ansökningar ännu</Text>
          <Text size="sm" c="dimmed">
            {director
              ? 'Ansökningar om medel registreras av förbundschefen och skickas till styrelsen i ett paket. När en ansökan är registrerad syns den här.'
              : 'Ansökningar kommer i paket från förbundschefen. Importera paketet under Paket, så syns ansökningarna här.'}
          </Text>
        </Paper>
        <InsatsBudgetPanel />
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <TitleRow action={action} />
      <Paper withBorder p="md" component="section" aria-label="Sök och filtrera">
        <Stack gap="sm">
          <TextInput
            label="Sök i ansökningar"
            description="Söker i namn, diarienummer, sökande parter och ansökans text medan du skriver."
            leftSection={<IconSearch size={16} aria-hidden />}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            type="search"
          />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            <Select
              label="Status"
              placeholder="Alla"
              data={(Object.keys(APPLICATION_OUTCOME_LABEL) as ApplicationOutcomeStatus[]).map((k) => ({ value: k, label: APPLICATION_OUTCOME_LABEL[k] }))}
              value={status}
              onChange={(v) => setStatus(v as ApplicationOutcomeStatus | null)}
              clearable
              clearButtonProps={{ 'aria-label': 'Visa alla statusar' }}
            />
            <Select
              label="Sammanträde"
              placeholder={meetings.length === 0 ? 'Inga sammanträden med ansökningar' : 'Alla'}
              data={meetings.map((m) => ({ value: m.id, label: m.label }))}
              value={meetingId}
              onChange={setMeetingId}
              disabled={meetings.length === 0}
              clearable
              clearButtonProps={{ 'aria-label': 'Visa alla sammanträden' }}
            />
            <Select
              label="Sökande part"
              placeholder="Alla parter"
              data={organisations.map((o) => ({ value: o.name, label: o.name }))}
              value={party}
              onChange={setParty}
              clearable
              clearButtonProps={{ 'aria-label': 'Visa alla parter' }}
            />
            <NumberInput label="Sökt belopp minst (kr)" value={amountMin} onChange={setAmountMin} min={0} thousandSeparator=" " allowDecimal={false} />
            <NumberInput label="Sökt belopp högst (kr)" value={amountMax} onChange={setAmountMax} min={0} thousandSeparator=" " allowDecimal={false} />
            <DateField label="Period från" value={periodFrom} onChange={setPeriodFrom} />
            <DateField label="Period till" value={periodTo} onChange={setPeriodTo} />
          </SimpleGrid>
        </Stack>
      </Paper>
      <Text size="sm" role="status" aria-live="polite">
        {rows.length === apps.length ? `${apps.length} ansökningar` : `${rows.length} av ${apps.length} ansökningar visas`}
      </Text>
      {rows.length === 0 ? (
        <Paper withBorder p="lg">
          <Text fw={600}>Inga ansökningar matchar</Text>
          <Text size="sm" c="dimmed">Pröva ett annat sökord eller ta bort något av filtren.</Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={640} scrollAreaProps={KEYBOARD_SCROLL}>
          <Table striped="even" highlightOnHover verticalSpacing="xs" aria-label="Ansökningar">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <abbr title="Diarienummer" style={{ textDecoration: 'none' }}>Dnr</abbr>
                </Table.Th>
                <Table.Th scope="col">Insatsens namn</Table.Th>
                <Table.Th scope="col">Sökande parter</Table.Th>
                <Table.Th scope="col" ta="right">Sökt belopp</Table.Th>
                <Table.Th scope="col">Period</Table.Th>
                {/* A soft hyphen lets the long heading break, so every column shows at 1024 px. */}
                <Table.Th scope="col">{director ? 'Ställnings\u00adtaganden' : 'Min status'}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((a) => {
                const appState = state.applications[a.id]!;
                return (
                  <Table.Tr key={a.id} data-testid="application-row" onClick={() => onOpen(a.id)} style={{ cursor: 'pointer' }}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDnr(a.registrationNumber)}</Table.Td>
                    <Table.Th scope="row" fw={500}>
                      <Anchor component="button" type="button" fw={600} ta="left" onClick={(e) => { e.stopPropagation(); onOpen(a.id); }}>
                        {a.name}
                      </Anchor>
                      <OutcomeBadge state={state} applicationId={a.id} />
                    </Table.Th>
                    <Table.Td>{partyNames(state, a).join(', ')}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{formatAmount(budgetTotals(a).sought)}</Table.Td>
                    <Table.Td>
                      {/* Each date stays whole; the period may break after the dash, so the list fits 1024 px without hiding a column. */}
                      <span style={{ whiteSpace: 'nowrap' }}>{a.period.from} –</span> <span style={{ whiteSpace: 'nowrap' }}>{a.period.to}</span>
                    </Table.Td>
                    <Table.Td>
                      {director ? (
                        <Text size="sm" component="div">
                          {stanceSummary(stanceCounts(state, appState, date))
                            .split(' · ')
                            .map((part) => (
                              <div key={part} className="nobreak">{part}</div>
                            ))}
                        </Text>
                      ) : member && me ? (
                        <StatusBadge status={myStatus(appState, me)} />
                      ) : (
                        <Text size="sm" c="dimmed">—</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <InsatsBudgetPanel />
    </Stack>
  );
}

/** The heading, with the screen's primary action (if any) to its right. */
function TitleRow({ action }: { action?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start">
      <PageTitle>Ansökningar</PageTitle>
      {action}
    </Group>
  );
}

function StatusBadge({ status }: { status: 'Att granska' | 'Granskad' }) {
  return (
    <Badge variant="dot" color={status === 'Granskad' ? 'green' : 'yellow'} tt="none">{status}</Badge>
  );
}
