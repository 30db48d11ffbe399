import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { delegationOrdersLatestFirst, effectiveEnd, holdersOf, keepsRegisters, orderInForce } from '../../../../shared/domain/delegations';
import { formatAmount } from '../../../../shared/domain/format';
import { LoadingEvents } from '../../components/LoadingEvents';
import { PageTitle } from '../../components/PageTitle';
import { today } from '../../lib/roster';
import { useFederation } from '../../state/federation';
import { BaseAmountForm } from './BaseAmountForm';
import { DecisionForm } from './DecisionForm';
import { DecisionRegister } from './DecisionRegister';
import { OrderForm } from './OrderForm';
import { OrderTable } from './OrderTable';
import { reportedDelegationIds } from './reported';

/** Delegationer: the delegationsordning in force and the register of delegationsbeslut. */
export function DelegationsScreen() {
  const { state, me, ready } = useFederation();
  const [form, setForm] = useState<'order' | 'decision' | null>(null);
  if (!ready) return <LoadingEvents title="Delegationer" />;
  const date = today();
  const registrar = me !== null && keepsRegisters(state, me);
  const current = orderInForce(state, date);
  const upcoming = delegationOrdersLatestFirst(state).find((o) => o.validFrom > date && !o.replacedBy);
  // A delegate may record their own decisions; staff record for anyone.
  const isDelegate = me !== null && current !== null && current.points.some((p) => [p.delegate, p.standIn].some((r) => r && holdersOf(state, r, date).includes(me)));
  const canRecordDecision = current !== null && (registrar || isDelegate);
  const end = current ? effectiveEnd(state, current) : null;

  return (
    <Stack gap="xl">
      <PageTitle>Delegationer</PageTitle>
      {!registrar && (
        <Alert color="gray" icon={<IconLock size={20} aria-hidden />} title="Du kan läsa men inte ändra" role="region">
          Förbundschefen eller sekreteraren registrerar delegationsordningen som styrelsen har antagit{isDelegate ? '. Du är delegat och kan registrera dina egna delegationsbeslut.' : ' och de delegationsbeslut som fattas.'}
        </Alert>
      )}
      {(registrar || canRecordDecision) && (
        <Group>
          {canRecordDecision && <Button onClick={() => setForm('decision')}>Registrera delegationsbeslut</Button>}
          {registrar && (
            <Button variant={current ? 'default' : 'filled'} onClick={() => setForm('order')}>
              {current ? 'Registrera ny delegationsordning' : 'Registrera delegationsordning'}
            </Button>
          )}
        </Group>
      )}
      <Paper withBorder p="lg" component="section" aria-labelledby="order-heading">
        <Stack gap="md">
          <Title order={2} size="h3" id="order-heading">Delegationsordning</Title>
          {current ? (
            <>
              <Text size="sm" data-testid="order-adoption">
                Antagen {current.adoptedOn}, {current.adoptedBy}. Gäller {current.validFrom}–{end ?? 'tills vidare'}.
                {current.replaces && state.delegationOrders[current.replaces] ? ` Ersätter delegationsordningen antagen ${state.delegationOrders[current.replaces]!.adoptedOn}.` : ''}
                {current.baseAmounts[date.slice(0, 4)] ? ` Prisbasbelopp ${date.slice(0, 4)}: ${formatAmount(current.baseAmounts[date.slice(0, 4)]!.priceBaseAmount)}.` : ''}
              </Text>
              {registrar && current.points.some((p) => p.limit && p.limit.unit !== 'kr') && !current.baseAmounts[date.slice(0, 4)] && (
                <BaseAmountForm order={current} year={date.slice(0, 4)} />
              )}
              <OrderTable state={state} order={current} year={date.slice(0, 4)} />
            </>
          ) : (
            <Text size="sm" c="dimmed" data-testid="order-empty">
              {registrar
                ? 'Ingen delegationsordning gäller i dag. Registrera den delegationsordning som styrelsen har antagit, med paragrafen i protokollet; formuläret är förifyllt med ett exempel som du ändrar.'
                : 'Ingen delegationsordning gäller i dag. När förbundschefen har registrerat styrelsens delegationsordning kommer den hit med nästa paket.'}
            </Text>
          )}
          {upcoming && upcoming.id !== current?.id && (
            <Text size="sm">En ny delegationsordning, antagen {upcoming.adoptedOn} ({upcoming.adoptedBy}), börjar gälla {upcoming.validFrom}.</Text>
          )}
        </Stack>
      </Paper>
      <DecisionRegister state={state} reported={reportedDelegationIds(state)} />
      {form === 'order' && <OrderForm state={state} onClose={() => setForm(null)} />}
      {form === 'decision' && me && <DecisionForm state={state} me={me} onClose={() => setForm(null)} />}
    </Stack>
  );
}
