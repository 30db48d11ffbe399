import { Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import {
  DELEGATION_CATEGORY_LABEL,
  DelegationCategory,
  LIMIT_UNIT_LABEL,
  LimitUnit,
  MatterKind,
  NON_DELEGABLE_LABEL,
  NonDelegableKind,
  describeLimit,
  matterTextReason,
  type BaseAmountYear,
  type OrderIssues,
} from '../../../../shared/domain/delegations';
import type { FederationState } from '../../../../shared/domain/events';
import { delegateOptions, parseNumber, pointDraftErrors, type PointDraft } from './drafts';

const CATEGORY_OPTIONS = [
  { group: 'Kan delegeras', items: DelegationCategory.options.map((c) => ({ value: c, label: DELEGATION_CATEGORY_LABEL[c] })) },
  {
    group: 'Får inte delegeras (6 kap. 38 § kommunallagen)',
    items: NonDelegableKind.options.map((k) => ({ value: k, label: `${NON_DELEGABLE_LABEL[k]} – beslutas av styrelsen`, disabled: true })),
  },
];

const UNIT_OPTIONS = [{ value: '', label: 'Ingen beloppsgräns' }, ...LimitUnit.options.map((u) => ({ value: u, label: LIMIT_UNIT_LABEL[u] }))];

interface Props {
  state: FederationState;
  draft: PointDraft;
  /** Field errors are shown after the first attempt to save; the law check on the matter is shown at once. */
  showErrors: boolean;
  issues: OrderIssues;
  baseAmounts: Record<string, BaseAmountYear>;
  year: string;
  onChange(next: PointDraft): void;
  onRemove(): void;
}

/** One point of the delegationsordning being recorded. */
export function PointFields({ state, draft, showErrors, issues, baseAmounts, year, onChange, onRemove }: Props) {
  const set = <K extends keyof PointDraft>(k: K, v: PointDraft[K]) => onChange({ ...draft, [k]: v });
  const errors = showErrors ? pointDraftErrors(draft) : {};
  const legend = `Punkt ${draft.number || '(utan nummer)'}`;
  const people = delegateOptions(state);
  const amount = parseNumber(draft.limitAmount);
  const limitHint =
    draft.limitUnit !== '' && draft.limitUnit !== 'kr' && amount !== null && amount > 0
      ? `Motsvarar ${describeLimit({ amount, unit: draft.limitUnit }, baseAmounts, year)}.`
      : 'Hela kronor, eller antal (pris)basbelopp med decimalkomma.';
  const matterLaw = matterTextReason(draft.matter);
  return (
    <Paper withBorder p="md" component="fieldset" style={{ margin: 0, minWidth: 0 }} data-testid="point-fields">
      <legend className="fieldset-legend" style={{ padding: "0 4px" }}>{legend}</legend>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
          <TextInput label="Nr" required value={draft.number} onChange={(e) => set('number', e.currentTarget.value)} error={errors.number} inputMode="numeric" />
          <NativeSelect
            label="Ärendegrupp"
            data={CATEGORY_OPTIONS}
            value={draft.category}
            onChange={(e) => {
              const v = MatterKind.safeParse(e.currentTarget.value);
              if (v.success) set('category', v.data);
            }}
            style={{ gridColumn: 'span 3' }}
            description="Ärenden som styrelsen själv ska besluta om kan inte väljas."
          />
        </SimpleGrid>
        <Textarea
          label="Ärende"
          required
          autosize
          minRows={1}
          maxLength={1000}
          value={draft.matter}
          onChange={(e) => set('matter', e.currentTarget.value)}
          error={errors.matter ?? matterLaw ?? undefined}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label="Lagrum" value={draft.legalGround} onChange={(e) => set('legalGround', e.currentTarget.value)} maxLength={300} />
          <NativeSelect label="Delegat" required data={people} value={draft.delegate} onChange={(e) => set('delegate', e.currentTarget.value)} error={errors.delegate} />
          <NativeSelect
            label="Ersättare för delegat"
            data={[{ group: 'Ingen', items: [{ value: '', label: 'Ingen ersättare' }] }, ...people]}
            value={draft.standIn}
            onChange={(e) => set('standIn', e.currentTarget.value)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect label="Beloppsgräns" data={UNIT_OPTIONS} value={draft.limitUnit} onChange={(e) => set('limitUnit', e.currentTarget.value as PointDraft['limitUnit'])} />
          <TextInput
            label={`Belopp${draft.limitUnit ? ` (${LIMIT_UNIT_LABEL[draft.limitUnit]})` : ''}`}
            value={draft.limitAmount}
            disabled={draft.limitUnit === ''}
            onChange={(e) => set('limitAmount', e.currentTarget.value)}
            error={errors.limitAmount}
            description={draft.limitUnit === '' ? 'Välj först en enhet.' : limitHint}
            inputMode="decimal"
          />
          <TextInput label="Kommentar" value={draft.comment} onChange={(e) => set('comment', e.currentTarget.value)} maxLength={1000} />
        </SimpleGrid>
        <Group justify="space-between">
          <Checkbox label="Anmäls till styrelsen" checked={draft.mustReport} onChange={(e) => set('mustReport', e.currentTarget.checked)} />
          <Button variant="subtle" color="red" onClick={onRemove}>Ta bort {legend.toLowerCase()}</Button>
        </Group>
        {issues.errors.filter((m) => m !== `Punkt ${draft.number}: ${matterLaw}`).map((m) => (
          <Text key={m} size="sm" c="red.8" role="alert">{m}</Text>
        ))}
        {issues.warnings.map((m) => (
          <Text key={m} size="sm" c="yellow.9">Observera: {m}</Text>
        ))}
      </Stack>
    </Paper>
  );
}
