import { Group, NativeSelect, NumberInput, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { budgetTotals, periodYears } from '../../../../../shared/domain/applications';
import { currentApplication } from '../../../../../shared/domain/events';
import { formatAmount } from '../../../../../shared/domain/format';
import { DECISION_OUTCOME_LABEL, DecisionOutcome, outcomesFor, type AgendaItem, type Decision } from '../../../../../shared/domain/meetings';
import { useFederation } from '../../../state/federation';
import { grantsMoney, prefilledDecision } from './minutes-view';

/** Beslut: outcome, text pre-filled from the proposal; for a grant on an ansökan the amount, period and amount per year. */
export function DecisionFields({ item, meetingId, decision, onChange, disabled }: { item: AgendaItem; meetingId: string; decision: Decision; onChange(d: Decision): void; disabled: boolean }) {
  const { state } = useFederation();
  const app = item.applicationId ? currentApplication(state, item.applicationId) : undefined;
  const money = grantsMoney(item, decision.outcome);
  const years = decision.period && decision.period.from <= decision.period.to ? periodYears(decision.period) : [];
  const sumByYear = Object.values(decision.grantByYear).reduce((a, b) => a + b, 0);

  function setOutcome(o: DecisionOutcome) {
    if (grantsMoney(item, o)) {
      // Going to a grant starts from the sought amount; keep what was entered when moving between grants.
      const base = grantsMoney(item, decision.outcome) ? decision : prefilledDecision(state, state.meetings[meetingId]!, item);
      onChange({ ...base, outcome: o, text: decision.text });
    } else onChange({ ...decision, outcome: o, amountKr: null, period: null, grantByYear: {} });
  }

  return (
    <Stack gap="sm">
      <NativeSelect
        label="Beslut"
        disabled={disabled}
        data={outcomesFor(item.kind).map((o) => ({ value: o, label: DECISION_OUTCOME_LABEL[o] }))}
        value={decision.outcome}
        onChange={(e) => {
          const v = DecisionOutcome.safeParse(e.currentTarget.value);
          if (v.success) setOutcome(v.data);
        }}
        maw={320}
      />
      <Textarea label="Beslutstext" description="Förifylld från förslaget till beslut." autosize minRows={2} maxLength={10_000} disabled={disabled} value={decision.text} onChange={(e) => onChange({ ...decision, text: e.currentTarget.value })} />
      {money && app && (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">{`${app.name}: sökt ${formatAmount(budgetTotals(app).sought)}, ${app.period.from} – ${app.period.to}.`}</Text>
          <Group align="flex-end" wrap="wrap">
            <NumberInput label="Beviljat belopp (kr)" min={0} thousandSeparator=" " disabled={disabled} value={decision.amountKr ?? ''} onChange={(v) => onChange({ ...decision, amountKr: typeof v === 'number' ? v : null })} maw={220} />
            <TextInput label="Period från" placeholder="ÅÅÅÅ-MM-DD" disabled={disabled} value={decision.period?.from ?? ''} onChange={(e) => onChange({ ...decision, period: { from: e.currentTarget.value, to: decision.period?.to ?? '' } })} maw={160} />
            <TextInput label="Period till" placeholder="ÅÅÅÅ-MM-DD" disabled={disabled} value={decision.period?.to ?? ''} onChange={(e) => onChange({ ...decision, period: { from: decision.period?.from ?? '', to: e.currentTarget.value } })} maw={160} />
          </Group>
          {years.length > 0 && (
            <Group align="flex-end" wrap="wrap" role="group" aria-label="Beviljat belopp per år">
              {years.map((y) => (
                <NumberInput
                  key={y}
                  label={`Varav ${y} (kr)`}
                  min={0}
                  thousandSeparator=" "
                  disabled={disabled}
                  value={decision.grantByYear[y] ?? ''}
                  onChange={(v) => {
                    const next = { ...decision.grantByYear };
                    if (typeof v === 'number') next[y] = v;
                    else delete next[y];
                    onChange({ ...decision, grantByYear: next });
                  }}
                  maw={170}
                />
              ))}
            </Group>
          )}
          {decision.amountKr !== null && Object.keys(decision.grantByYear).length > 0 && sumByYear !== decision.amountKr && (
            <Text size="sm" c="orange.9">Beloppen per år blir {formatAmount(sumByYear)}, inte {formatAmount(decision.amountKr)}.</Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
