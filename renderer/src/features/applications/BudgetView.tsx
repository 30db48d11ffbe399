import { Alert, Group, List, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Fragment, memo } from 'react';
import { applicationLedger } from '../../../../shared/domain/meetings';
import { COST_CATEGORY_LABEL, budgetFlags, budgetTotals, lineSum, type Application } from '../../../../shared/domain/applications';
import { formatAmount } from '../../../../shared/domain/format';
import { KEYBOARD_SCROLL } from '../../lib/a11y';
import { useFederationDerived, useFederationSelector } from '../../state/federation';

const kr = formatAmount;
const nowrap = { whiteSpace: 'nowrap' } as const;

/** The budget per year and cost line with its sums, what does not add up, a bar per year, and what granting would leave. */
export const BudgetView = memo(function BudgetView({ app }: { app: Application }) {
  const totals = budgetTotals(app);
  const flags = budgetFlags(app);
  // The one ledger (board decisions and delegation), this ansökan's own grant left out; the summary PDF shows the same figures.
  // Watched as such: a stance elsewhere in the state does not render the budget again (issue #16).
  const remaining = useFederationDerived((s) => applicationLedger(s, app.id, app), [app]);
  const noInsatsBudget = useFederationSelector((s) => Object.keys(s.insatsBudget).length === 0);
  const max = Math.max(1, ...totals.years.map((y) => y.total));

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="app-budget">
      <Stack gap="md">
        <Title order={2} size="h3" id="app-budget">Budget</Title>
        {flags.length > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} aria-hidden />} title="Budgeten går inte ihop på alla punkter">
            <List size="sm" spacing={4}>
              {flags.map((f, i) => (
                <List.Item key={`${f.field}-${i}`}>{f.message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {app.budget.length === 0 ? (
          <Text c="dimmed">Ansökan har ingen budget.</Text>
        ) : (
          // Four columns (the description under the kostnadsslag) so the table fits the column beside the review panel at 1280 px.
          <Table.ScrollContainer minWidth={400} scrollAreaProps={KEYBOARD_SCROLL}>
            <Table verticalSpacing={6} aria-label="Budget per år och kostnadsslag">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Kostnadsslag och beskrivning</Table.Th>
                  <Table.Th scope="col" ta="right">Sökt</Table.Th>
                  <Table.Th scope="col" ta="right">Medfinansiering</Table.Th>
                  <Table.Th scope="col" ta="right">Summa</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {totals.years.map((y) => (
                  <Fragment key={y.year}>
                    <Table.Tr>
                      <Table.Th scope="colgroup" colSpan={4} bg="var(--mantine-color-default-hover)">{y.year}</Table.Th>
                    </Table.Tr>
                    {app.budget
                      .filter((l) => l.year === y.year)
                      .map((l) => {
                        const s = lineSum(l);
                        return (
                          <Table.Tr key={l.id}>
                            <Table.Td>
                              {COST_CATEGORY_LABEL[l.category]}
                              {(l.description || l.fte !== null) && (
                                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                                  {l.description}
                                  {l.fte !== null && <span className="nobreak">{l.description ? ' · ' : ''}{String(l.fte).replace('.', ',')} åa</span>}
                                </Text>
                              )}
                            </Table.Td>
                            <Table.Td ta="right" style={nowrap}>{kr(s.sought)}</Table.Td>
                            <Table.Td ta="right" style={nowrap}>{kr(s.coFinancing)}</Table.Td>
                            <Table.Td ta="right" style={nowrap}>{kr(s.total)}</Table.Td>
                          </Table.Tr>
                        );
                      })}
                    <Table.Tr data-testid={`budget-sum-${y.year}`}>
                      <Table.Th scope="row">Summa {y.year}</Table.Th>
                      <Table.Td ta="right" fw={600} style={nowrap}>{kr(y.sought)}</Table.Td>
                      <Table.Td ta="right" fw={600} style={nowrap}>{kr(y.coFinancing)}</Table.Td>
                      <Table.Td ta="right" fw={600} style={nowrap}>{kr(y.total)}</Table.Td>
                    </Table.Tr>
                  </Fragment>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr data-testid="budget-sum-total">
                  <Table.Th scope="row">Totalt hela perioden</Table.Th>
                  <Table.Td ta="right" fw={700} style={nowrap}>{kr(totals.sought)}</Table.Td>
                  <Table.Td ta="right" fw={700} style={nowrap}>{kr(totals.coFinancing)}</Table.Td>
                  <Table.Td ta="right" fw={700} style={nowrap}>{kr(totals.total)}</Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        )}
        {totals.years.length > 0 && (
          <figure style={{ margin: 0 }} aria-labelledby="app-budget-chart">
            <Title order={3} size="h4" id="app-budget-chart" mb="xs">Sökt belopp och medfinansiering per år</Title>
            <Group gap="md" mb="xs" aria-hidden>
              <Legend color="var(--mantine-color-blue-8)" label="Sökt från förbundet" />
              <Legend color="var(--mantine-color-teal-8)" label="Medfinansiering" />
            </Group>
            <Stack gap="sm">
              {totals.years.map((y) => (
                <Stack key={y.year} gap={2}>
                  {/* The text is the chart's alternative; the bar repeats it visually. */}
                  <Text size="sm">
                    <Text span fw={600}>{y.year}:</Text> sökt {kr(y.sought)}, medfinansiering {kr(y.coFinancing)}, totalt {kr(y.total)}
                  </Text>
                  <Progress.Root size="lg" aria-hidden>
                    <Progress.Section value={(y.sought / max) * 100} color="blue.8" />
                    <Progress.Section value={(y.coFinancing / max) * 100} color="teal.8" />
                  </Progress.Root>
                </Stack>
              ))}
            </Stack>
          </figure>
        )}
        <Stack gap="xs">
          <Title order={3} size="h4" id="app-remaining">Förbundets budget för insatser om ansökan beviljas</Title>
          {noInsatsBudget && (
            <Text size="sm" c="dimmed">Förbundschefen har inte fastställt någon budget för insatser ännu.</Text>
          )}
          <Table.ScrollContainer minWidth={420} scrollAreaProps={KEYBOARD_SCROLL}>
            <Table verticalSpacing={6} aria-labelledby="app-remaining">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">År</Table.Th>
                  <Table.Th scope="col" ta="right">Budget för insatser</Table.Th>
                  <Table.Th scope="col" ta="right">Redan beviljat</Table.Th>
                  <Table.Th scope="col" ta="right">Denna ansökan</Table.Th>
                  <Table.Th scope="col" ta="right">Kvar om den beviljas</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {remaining.map((r) => (
                  <Table.Tr key={r.year} data-testid={`remaining-${r.year}`}>
                    <Table.Th scope="row">{r.year}</Table.Th>
                    <Table.Td ta="right" style={nowrap}>{r.budgetMissing ? 'Ingen budget fastställd' : kr(r.budget)}</Table.Td>
                    <Table.Td ta="right" style={nowrap}>{kr(r.granted)}</Table.Td>
                    <Table.Td ta="right" style={nowrap}>{kr(r.sought)}</Table.Td>
                    <Table.Td ta="right" style={nowrap} c={r.remaining < 0 ? 'red.9' : undefined} fw={r.remaining < 0 ? 700 : undefined}>
                      {kr(r.remaining)}
                      {r.remaining < 0 && ' (räcker inte)'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      </Stack>
    </Paper>
  );
});

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={6}>
      <span style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 2, background: color }} />
      <Text size="sm">{label}</Text>
    </Group>
  );
}
