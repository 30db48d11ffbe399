import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMemo } from 'react';
import { isBoardMember, isDirector, rosterOf, type FederationState } from '../../../../shared/domain/events';
import { checkBoard } from '../../../../shared/domain/forbund/board-rules';
import { SEAT_ROLES, isActiveOn } from '../../../../shared/domain/forbund/model';
import { LoadingEvents } from '../../components/LoadingEvents';
import { PageTitle } from '../../components/PageTitle';
import { boardDate, today } from '../../lib/roster';
import { useFederation } from '../../state/federation';
import { useSession } from '../../state/session-store';
import { go } from '../../routes/router';
import { NextMeetingCard } from '../meetings/NextMeetingCard';
import { applicationOutcome, applicationsOnAgenda, nextMeeting } from '../../../../shared/domain/meetings';
import { Conflicts, HeldEvents, RefusedEvents } from './Attention';
import { LeftToReview, useLeftToReview } from './LeftToReview';
import { MyDevice } from './MyDevice';
import { MyProfile } from './MyProfile';
import { PendingKeys } from './PendingKeys';

/** Översikt: what now? What waits for me, what is unsent, refused or in conflict. */
export function OverviewScreen() {
  const { state, ready, me } = useFederation();
  const session = useSession();
  const director = me !== null && isDirector(state, me);
  const date = boardDate(state);
  const boardErrors = useMemo(() => checkBoard(rosterOf(state), date).filter((f) => f.level === 'error').length, [state, date]);
  const pendingKeys = useMemo(() => Object.values(state.keys).filter((k) => k.status === 'pending'), [state]);
  const unsent = session?.sync.unsent ?? 0;
  const member = me !== null && isBoardMember(state, me, today());
  // Before a meeting with ansökningar on its agenda: those; otherwise every ansökan not yet decided.
  const scope = useMemo(() => reviewScope(state), [state]);
  const left = useLeftToReview(state, member ? me : null, scope);

  if (!ready) return <LoadingEvents title="Översikt" />;

  const nothingWaits =
    (left?.todo.length ?? 0) === 0 &&
    unsent === 0 && (!director || pendingKeys.length === 0) && state.held.length === 0 && state.refused.length === 0 && state.conflicts.length === 0 && boardErrors === 0;

  return (
    <Stack gap="lg">
      <PageTitle>Översikt</PageTitle>
      <Counts state={state} date={date} />
      <NextMeetingCard />
      <LeftToReview left={left} agenda={scope.agenda !== undefined} />
      {nothingWaits && (
        <Paper withBorder p="lg">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <IconCircleCheck size={24} color="var(--mantine-color-green-8)" aria-hidden />
            <Stack gap={2}>
              <Text fw={600}>Inget väntar på dig just nu</Text>
              <Text size="sm" c="dimmed">
                När någon skickar ett paket importerar du det under Paket. Förbundets medlemmar och styrelse finns under Förbundet.
              </Text>
            </Stack>
          </Group>
        </Paper>
      )}
      {unsent > 0 && (
        <Paper withBorder p="lg" component="section" aria-labelledby="unsent-heading">
          <Group justify="space-between" align="center">
            <Stack gap={2}>
              <Title order={2} size="h4" id="unsent-heading">
                {unsent === 1 ? '1 egen ändring väntar på att skickas' : `${unsent} egna ändringar väntar på att skickas`}
              </Title>
              <Text size="sm" c="dimmed">Skapa ett paket och skicka det till {director ? 'styrelsen' : 'förbundschefen'}, så att de andra får dina ändringar.</Text>
            </Stack>
            <Button onClick={() => go('packages')}>Skapa paket</Button>
          </Group>
        </Paper>
      )}
      {director && pendingKeys.length > 0 && <PendingKeys keys={pendingKeys} />}
      <HeldEvents state={state} />
      <RefusedEvents state={state} />
      <Conflicts state={state} />
      {boardErrors > 0 && (
        <Paper withBorder p="lg" component="section" aria-labelledby="board-heading">
          <Group justify="space-between">
            <Stack gap={2}>
              <Title order={2} size="h4" id="board-heading">
                Styrelsen: {boardErrors === 1 ? '1 sak att åtgärda' : `${boardErrors} saker att åtgärda`}
              </Title>
              <Text size="sm" c="dimmed">Till exempel en förbundsmedlem utan ledamot eller med för få ersättare.</Text>
            </Stack>
            <Button variant="default" onClick={() => go('forbund')}>Öppna Förbundet</Button>
          </Group>
        </Paper>
      )}
      {member && me && <MyProfile state={state} me={me} />}
      <MyDevice state={state} />
    </Stack>
  );
}

function Counts({ state, date }: { state: FederationState; date: string }) {
  const persons = Object.values(state.persons);
  const withRole = (roles: readonly string[]) => persons.filter((p) => p.assignments.some((a) => roles.includes(a.role) && isActiveOn(a, date))).length;
  const items = [
    { label: 'Förbundsmedlemmar', value: Object.keys(state.organisations).length },
    { label: 'Ledamöter', value: withRole(SEAT_ROLES) },
    { label: 'Ersättare', value: withRole(['substitute']) },
    { label: 'Godkända nycklar', value: Object.values(state.keys).filter((k) => k.status === 'accepted').length },
  ];
  return (
    <Stack gap={4}>
    {date !== today() && <Text size="sm" c="dimmed">Styrelsen räknas per {date}, när nästa mandatperiod börjar.</Text>}
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
      {items.map((i) => (
        <Paper key={i.label} withBorder p="md">
          <Text size="sm" c="dimmed">{i.label}</Text>
          <Text fz={28} fw={700} lh={1.2} data-testid={`count-${i.label}`}>{i.value}</Text>
        </Paper>
      ))}
    </SimpleGrid>
    </Stack>
  );
}

/** Outcomes after which an ansökan is no longer on anyone's review list (återremiss and bordläggning bring it back). */
const DECIDED = new Set(['granted', 'rejected', 'decidedNotAttested']);

/** What "Kvar att granska" covers: the next meeting's ansökningar, or all undecided ones when it has none. */
function reviewScope(state: FederationState): { agenda?: string[]; decided?: ReadonlySet<string> } {
  const next = nextMeeting(state, today());
  const agenda = next ? applicationsOnAgenda(state, next.id).map((a) => a.applicationId) : [];
  if (agenda.length > 0) return { agenda };
  return { decided: new Set(Object.keys(state.applications).filter((id) => DECIDED.has(applicationOutcome(state, id).status))) };
}
