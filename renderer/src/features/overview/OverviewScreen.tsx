import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { isBoardMember, isDirector, rosterOf, type FederationState } from '../../../../shared/domain/events';
import { checkBoard } from '../../../../shared/domain/forbund/board-rules';
import { SEAT_ROLES, isActiveOn } from '../../../../shared/domain/forbund/model';
import { LoadingEvents } from '../../components/LoadingEvents';
import { PageTitle } from '../../components/PageTitle';
import { boardDate, today } from '../../lib/roster';
import { useFederation, useFederationDerived, useFederationReady, useFederationSelector, useMe } from '../../state/federation';
import { useSessionStore } from '../../state/session-store';
import { go } from '../../routes/router';
import { NextMeetingCard } from '../meetings/NextMeetingCard';
import { applicationOutcome, applicationsOnAgenda, nextMeeting } from '../../../../shared/domain/meetings';
import { Conflicts, HeldEvents, RefusedEvents } from './Attention';
import { LeftToReview, useLeftToReview } from './LeftToReview';
import { MyDevice } from './MyDevice';
import { MyProfile } from './MyProfile';
import { PendingKeys } from './PendingKeys';

/**
 * Översikt: what now? What waits for me, what is unsent, refused or in conflict.
 * Each part watches what it shows, worked out from the state (useFederationDerived):
 * a change renders again only the parts whose figures changed (issue #16).
 */
export function OverviewScreen() {
  const ready = useFederationReady();
  const me = useMe();
  const unsent = useSessionStore((s) => s.session?.sync.unsent ?? 0);
  const director = useFederationSelector((s) => me !== null && isDirector(s, me));
  const date = useFederationSelector((s) => boardDate(s));
  const boardErrors = useFederationSelector((s) => boardErrorsOf(s, date));
  const pendingKeys = useFederationDerived((s) => Object.values(s.keys).filter((k) => k.status === 'pending'), []);
  const member = useFederationSelector((s) => me !== null && isBoardMember(s, me, today()));
  // Before a meeting with ansökningar on its agenda: those; otherwise every ansökan not yet decided.
  // As plain JSON, so an equal scope is kept (keep-equal.ts); its Set made once per scope.
  const scopeIds = useFederationDerived((s) => reviewScope(s), []);
  const scope = useMemo(() => (scopeIds.decided ? { decided: new Set(scopeIds.decided) } : { agenda: scopeIds.agenda }), [scopeIds]);
  const left = useLeftToReview(member ? me : null, scope);
  const attention = useFederationDerived((s) => ({ held: s.held.length > 0, refused: s.refused.length > 0, conflicts: s.conflicts.length > 0 }), []);

  if (!ready) return <LoadingEvents title="Översikt" />;

  const nothingWaits =
    (left?.todo.length ?? 0) === 0 &&
    unsent === 0 && (!director || pendingKeys.length === 0) && !attention.held && !attention.refused && !attention.conflicts && boardErrors === 0;

  return (
    <Stack gap="lg">
      <PageTitle>Översikt</PageTitle>
      <Counts date={date} />
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
      {attention.held && <WithState render={(state) => <HeldEvents state={state} />} />}
      {attention.refused && <WithState render={(state) => <RefusedEvents state={state} />} />}
      {attention.conflicts && <WithState render={(state) => <Conflicts state={state} />} />}
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
      {member && me && <MyProfile me={me} />}
      <MyDevice />
    </Stack>
  );
}

/** A part of Översikt that reads the whole state (the held, refused and conflicting events): mounted only while it has something to show. */
function WithState({ render }: { render(state: FederationState): ReactNode }) {
  const { state } = useFederation();
  return <>{render(state)}</>;
}

/** Board errors (no ledamot, too few ersättare …) as of `date`, counted from the persons and organisations, which a stance leaves as they were. */
const boardErrorsCache = new WeakMap<object, WeakMap<object, Map<string, number>>>();
function boardErrorsOf(state: FederationState, date: string): number {
  let byOrgs = boardErrorsCache.get(state.persons);
  if (!byOrgs) boardErrorsCache.set(state.persons, (byOrgs = new WeakMap()));
  let byDate = byOrgs.get(state.organisations);
  if (!byDate) byOrgs.set(state.organisations, (byDate = new Map()));
  let n = byDate.get(date);
  if (n === undefined) byDate.set(date, (n = checkBoard(rosterOf(state), date).filter((f) => f.level === 'error').length));
  return n;
}

function Counts({ date }: { date: string }) {
  const counts = useFederationDerived((s) => {
    const persons = Object.values(s.persons);
    const withRole = (roles: readonly string[]) => persons.filter((p) => p.assignments.some((a) => roles.includes(a.role) && isActiveOn(a, date))).length;
    return { organisations: Object.keys(s.organisations).length, seats: withRole(SEAT_ROLES), substitutes: withRole(['substitute']), keys: Object.values(s.keys).filter((k) => k.status === 'accepted').length };
  }, [date]);
  const items = [
    { label: 'Förbundsmedlemmar', value: counts.organisations },
    { label: 'Ledamöter', value: counts.seats },
    { label: 'Ersättare', value: counts.substitutes },
    { label: 'Godkända nycklar', value: counts.keys },
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
function reviewScope(state: FederationState): { agenda?: string[]; decided?: string[] } {
  const next = nextMeeting(state, today());
  const agenda = next ? applicationsOnAgenda(state, next.id).map((a) => a.applicationId) : [];
  if (agenda.length > 0) return { agenda };
  return { decided: Object.keys(state.applications).filter((id) => DECIDED.has(applicationOutcome(state, id).status)) };
}
