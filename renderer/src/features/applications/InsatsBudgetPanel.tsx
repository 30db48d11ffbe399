import { Button, Group, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { isDirector } from '../../../../shared/domain/events';
import { formatAmount } from '../../../../shared/domain/format';
import { budgetLedger } from '../../../../shared/domain/meetings';
import { userMessage } from '../../api/client';
import { KEYBOARD_SCROLL } from '../../lib/a11y';
import { notifyError, notifySuccess } from '../../lib/notify';
import { appendEvent } from '../../state/actions';
import { useFederation } from '../../state/federation';

const YEAR = /^\d{4}$/;

/**
 * The förbund's budget for insatser per year: what the förbundschef set
 * (budget.set), what justerade protokoll granted, and what is left. The
 * förbundschef sets a year's amount here; everyone else reads it.
 */
export function InsatsBudgetPanel() {
  const { state, me } = useFederation();
  const director = me !== null && isDirector(state, me);
  const ledger = budgetLedger(state).filter((y) => !y.budgetMissing || y.granted > 0);
  if (!director && ledger.length === 0) return null;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="insatsbudget-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="insatsbudget-heading">
          Förbundets budget för insatser
        </Title>
        {ledger.length === 0 ? (
          <Text size="sm" c="dimmed">
            Ingen budget för insatser är fastställd ännu. Ange årets belopp nedan; beviljade medel dras från den när protokollet är justerat.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={480} scrollAreaProps={KEYBOARD_SCROLL}>
            <Table striped withTableBorder aria-label="Budget för insatser per år">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">År</Table.Th>
                  <Table.Th scope="col" ta="right">Budget</Table.Th>
                  <Table.Th scope="col" ta="right">Beviljat (justerat eller genom delegation)</Table.Th>
                  <Table.Th scope="col" ta="right">Kvar att bevilja</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ledger.map((y) => (
                  <Table.Tr key={y.year} data-testid="budget-year">
                    <Table.Th scope="row">{y.year}</Table.Th>
                    <Table.Td ta="right">{y.budgetMissing ? 'Inte fastställd' : formatAmount(y.budget)}</Table.Td>
                    <Table.Td ta="right">
                      <span className="nobreak">{formatAmount(y.granted)}</span>
                      {y.delegated > 0 && (
                        <Text size="xs" c="dimmed" data-testid="granted-by-delegation">
                          varav <span className="nobreak">{formatAmount(y.delegated)}</span> genom delegation
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right" c={y.available < 0 ? 'red.8' : undefined} fw={y.available < 0 ? 700 : undefined}>
                      {formatAmount(y.available)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {director && <SetBudgetForm />}
      </Stack>
    </Paper>
  );
}

/** The förbundschef fixes one year's amount (a new budget.set; the history keeps the earlier amount). */
function SetBudgetForm() {
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [amount, setAmount] = useState<string | number>('');
  const [busy, setBusy] = useState(false);
  const yearError = YEAR.test(year) ? null : 'Ange året med fyra siffror, till exempel 2027.';
  const amountError = amount === '' ? null : typeof amount === 'number' && Number.isInteger(amount) && amount >= 0 ? null : 'Ange beloppet i hela kronor, 0 eller mer.';
  const valid = yearError === null && amountError === null && amount !== '';

  async function save() {
    if (!valid) return;
    setBusy(true);
    try {
      await appendEvent('budget.set', { amounts: { [year]: amount as number } }, []);
      notifySuccess('Budgeten fastställdes', `Budget för insatser ${year}: ${formatAmount(amount as number)}. Den skickas med ditt nästa paket.`);
      setAmount('');
    } catch (err) {
      notifyError('Budgeten kunde inte sparas', userMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Group align="flex-end" gap="sm">
        <TextInput label="År" value={year} onChange={(e) => setYear(e.currentTarget.value.trim())} error={yearError} w={110} inputMode="numeric" />
        <NumberInput
          label="Budget för insatser (kr)"
          value={amount}
          onChange={setAmount}
          error={amountError}
          thousandSeparator=" "
          allowDecimal={false}
          min={0}
          w={240}
        />
        <Button type="submit" loading={busy} disabled={!valid}>
          Fastställ budget
        </Button>
      </Group>
    </form>
  );
}
