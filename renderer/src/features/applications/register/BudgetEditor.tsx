import { ActionIcon, Alert, Button, Checkbox, Grid, Group, List, NativeSelect, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import {
  COST_CATEGORY_LABEL,
  CostCategory,
  OTHER_FINANCIER_LABEL,
  OtherFinancier,
  budgetFlags,
  budgetTotals,
  lineSum,
  type BudgetLine,
} from '../../../../../shared/domain/applications';
import { formatAmount } from '../../../../../shared/domain/format';
import { newId } from '../../../lib/roster';
import { budgetYears, fieldId, missingPeriodYears, newBudgetLine, newCoFinancing } from './draft';
import { FormSection, toAmount, toNullable, type FormPart } from './form-kit';

const kr = formatAmount;
const CATEGORY_OPTIONS = CostCategory.options.map((c) => ({ value: c, label: COST_CATEGORY_LABEL[c] }));

/**
 * Budget per year in cost lines, with the sums and the flags of budget.ts
 * beside the table while typing. Years are added and removed by hand (a year
 * without lines is kept in `addedYears` so it can get its first line).
 */
export function BudgetEditor(part: FormPart & { addedYears: string[]; setAddedYears(years: string[]): void }) {
  const { draft, edit, addedYears, setAddedYears } = part;
  const [newYear, setNewYear] = useState('');
  const years = budgetYears(draft, addedYears);
  const missing = missingPeriodYears(draft, years);
  const yearError = newYear === '' ? null : !/^\d{4}$/.test(newYear) ? 'Ange året med fyra siffror.' : years.includes(newYear) ? 'Året finns redan i budgeten.' : null;
  const totals = budgetTotals(draft);
  const flags = budgetFlags(draft);

  const addYears = (ys: string[]) => setAddedYears([...new Set([...addedYears, ...ys])]);
  const removeYear = (y: string) => {
    setAddedYears(addedYears.filter((x) => x !== y));
    edit((d) => { d.budget = d.budget.filter((l) => l.year !== y); });
  };

  return (
    <FormSection id="reg-budget" title="Budget" description="Kostnader per år och kostnadsslag: sökt belopp från förbundet och medfinansiering från parterna, ESF eller egen insats. Hela kronor.">
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            {years.length === 0 && <Text c="dimmed">Budgeten har inga år ännu. Lägg till insatsens år nedan.</Text>}
            {years.map((y) => (
              <YearEditor key={y} {...part} year={y} years={years} onRemove={() => removeYear(y)} />
            ))}
            <Group align="flex-end" gap="xs">
              <TextInput label="Nytt budgetår" placeholder="ÅÅÅÅ" inputMode="numeric" value={newYear} onChange={(e) => setNewYear(e.currentTarget.value.trim())} error={yearError} w={140} />
              <Button variant="default" disabled={newYear === '' || yearError !== null} onClick={() => { addYears([newYear]); setNewYear(''); }}>
                Lägg till år
              </Button>
              {missing.length > 0 && (
                <Button variant="default" onClick={() => addYears(missing)}>
                  Lägg till periodens år ({missing.join(', ')})
                </Button>
              )}
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md" style={{ position: 'sticky', top: 80 }}>
            <Paper withBorder p="md" component="section" aria-labelledby="reg-budget-sums">
              <Title order={3} size="h4" id="reg-budget-sums" mb="xs">Summor</Title>
              <Table verticalSpacing={4} aria-labelledby="reg-budget-sums" data-testid="budget-editor-sums">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">År</Table.Th>
                    <Table.Th scope="col" ta="right">Sökt</Table.Th>
                    <Table.Th scope="col" ta="right">Totalt</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {totals.years.map((t) => (
                    <Table.Tr key={t.year} data-testid={`budget-editor-sum-${t.year}`}>
                      <Table.Th scope="row">{t.year}</Table.Th>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{kr(t.sought)}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{kr(t.total)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr data-testid="budget-editor-sum-total">
                    <Table.Th scope="row">Hela perioden</Table.Th>
                    <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>{kr(totals.sought)}</Table.Td>
                    <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>{kr(totals.total)}</Table.Td>
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
              <Text size="xs" c="dimmed" mt="xs">Totalt = sökt belopp och medfinansiering.</Text>
            </Paper>
            {flags.length > 0 && (
              <Alert color="orange" icon={<IconAlertTriangle size={18} aria-hidden />} title="Budgeten går inte ihop på alla punkter" data-testid="budget-editor-flags">
                <List size="sm" spacing={4}>
                  {flags.map((f, i) => <List.Item key={`${f.field}-${i}`}>{f.message}</List.Item>)}
                </List>
              </Alert>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </FormSection>
  );
}

function YearEditor(part: FormPart & { year: string; years: string[]; onRemove(): void }) {
  const { draft, edit, year, onRemove } = part;
  const lines = draft.budget.map((line, index) => ({ line, index })).filter(({ line }) => line.year === year);
  return (
    <fieldset className="plain-fieldset" data-testid={`budget-year-${year}`}>
      <legend className="fieldset-legend" style={{ fontSize: 'var(--mantine-font-size-lg)' }}>Budget {year}</legend>
      <Group justify="flex-end" mt={-36} mb="xs">
        <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} aria-hidden />} onClick={onRemove}>
          Ta bort år {year}
        </Button>
      </Group>
      <Stack gap="sm">
        {lines.map(({ line, index }, n) => (
          <LineEditor key={line.id} {...part} line={line} index={index} label={`Kostnadsrad ${n + 1} år ${year}`} />
        ))}
        <Group>
          <Button variant="default" size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => edit((d) => { d.budget.push(newBudgetLine(newId(), year)); })}>
            Lägg till kostnadsrad {year}
          </Button>
        </Group>
      </Stack>
    </fieldset>
  );
}

function LineEditor({ draft, edit, err, state, line, index, label, years }: FormPart & { line: BudgetLine; index: number; label: string; years: string[] }) {
  const at = `budget.${index}`;
  const set = (fn: (l: BudgetLine) => void) => edit((d) => { fn(d.budget[index]!); });
  const s = lineSum(line);
  const financiers = [
    ...Object.values(state.organisations).sort((a, b) => a.name.localeCompare(b.name, 'sv')).map((o) => ({ value: o.id, label: o.name })),
    ...OtherFinancier.options.map((f) => ({ value: f, label: OTHER_FINANCIER_LABEL[f] })),
  ];
  return (
    <Paper withBorder p="sm" role="group" aria-label={label}>
      <Stack gap="xs">
        <Grid gutter="sm" align="flex-start">
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <NativeSelect id={fieldId(`${at}.category`)} label="Kostnadsslag" data={CATEGORY_OPTIONS} value={line.category} onChange={(e) => { const v = CostCategory.parse(e.currentTarget.value); set((l) => { l.category = v; if (v !== 'personnel') l.fte = null; }); }} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <TextInput id={fieldId(`${at}.description`)} label="Beskrivning" placeholder={line.category === 'personnel' ? 'Till exempel processledare' : undefined} value={line.description} onChange={(e) => { const v = e.currentTarget.value; set((l) => { l.description = v; }); }} error={err(`${at}.description`)} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            {line.category === 'personnel' && (
              <NumberInput id={fieldId(`${at}.fte`)} label="Årsarbetskrafter" description="1 = heltid, 0,5 = halvtid" decimalSeparator="," decimalScale={2} value={line.fte ?? ''} onChange={(v) => set((l) => { l.fte = toNullable(v); })} error={err(`${at}.fte`)} />
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NumberInput id={fieldId(`${at}.sought`)} label="Sökt belopp (kr)" allowDecimal={false} thousandSeparator=" " value={line.sought} onChange={(v) => set((l) => { l.sought = toAmount(v); })} error={err(`${at}.sought`)} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NumberInput id={fieldId(`${at}.statedTotal`)} label="Angiven summa (kr)" description="Frivilligt: summan som står i ansökan" allowDecimal={false} thousandSeparator=" " value={line.statedTotal ?? ''} onChange={(v) => set((l) => { l.statedTotal = toNullable(v); })} error={err(`${at}.statedTotal`)} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NativeSelect id={fieldId(`${at}.year`)} label="År" data={years} value={line.year} onChange={(e) => { const v = e.currentTarget.value; set((l) => { l.year = v; }); }} error={err(`${at}.year`)} />
          </Grid.Col>
        </Grid>
        {line.coFinancing.map((c, j) => (
          <Group key={j} align="flex-end" gap="xs" wrap="wrap" role="group" aria-label={`Medfinansiering ${j + 1}, ${label.toLowerCase()}`}>
            <NativeSelect id={fieldId(`${at}.coFinancing.${j}.financier`)} label="Medfinansiär" data={financiers} value={c.financier} onChange={(e) => { const v = e.currentTarget.value; set((l) => { l.coFinancing[j]!.financier = v; }); }} error={err(`${at}.coFinancing.${j}.financier`)} w={260} />
            <NumberInput id={fieldId(`${at}.coFinancing.${j}.amount`)} label="Medfinansiering (kr)" allowDecimal={false} thousandSeparator=" " value={c.amount} onChange={(v) => set((l) => { l.coFinancing[j]!.amount = toAmount(v); })} error={err(`${at}.coFinancing.${j}.amount`)} w={200} />
            <Checkbox label="I annat än pengar" checked={c.inKind} onChange={(e) => { const v = e.currentTarget.checked; set((l) => { l.coFinancing[j]!.inKind = v; }); }} mb={8} />
            <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Ta bort medfinansiering ${j + 1}`} onClick={() => set((l) => { l.coFinancing.splice(j, 1); })} mb={2}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group justify="space-between">
          <Group gap="xs">
            <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => set((l) => { l.coFinancing.push(newCoFinancing(draft.parties)); })}>
              Lägg till medfinansiering
            </Button>
            <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => edit((d) => { d.budget.splice(index, 1); })}>
              Ta bort raden
            </Button>
          </Group>
          <Text size="sm" data-testid="line-sum">
            Raden: sökt {kr(s.sought)} + medfinansiering {kr(s.coFinancing)} = <Text span fw={600}>{kr(s.total)}</Text>
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
