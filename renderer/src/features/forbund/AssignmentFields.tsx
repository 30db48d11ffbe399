import { Button, Group, NativeSelect, NumberInput, Paper, TextInput } from '@mantine/core';
import { BOARD_ROLE_LABEL, BoardRole, type BoardAssignment } from '../../../../shared/domain/forbund/model';
import { dateError } from '../../lib/validate';

/** One board assignment as the form holds it: strings until saved. */
export interface AssignmentDraft {
  key: string;
  role: BoardRole;
  organisationId: string;
  from: string;
  to: string;
  callingOrder: number | '';
}

const ROLE_OPTIONS = BoardRole.options.map((r) => ({ value: r, label: BOARD_ROLE_LABEL[r] }));

export const toDraft = (a: BoardAssignment, i: number): AssignmentDraft => ({
  key: `a${i}`,
  role: a.role,
  organisationId: a.organisationId,
  from: a.from,
  to: a.to,
  callingOrder: a.callingOrder ?? '',
});

export function fromDraft(d: AssignmentDraft): BoardAssignment {
  const a: BoardAssignment = { role: d.role, organisationId: d.organisationId, from: d.from.trim(), to: d.to.trim() };
  if (d.role === 'substitute' && d.callingOrder !== '') a.callingOrder = d.callingOrder;
  return a;
}

export function draftErrors(d: AssignmentDraft): { organisationId: string | null; from: string | null; to: string | null } {
  const from = dateError(d.from, 'startdatum');
  const to = dateError(d.to, 'slutdatum');
  return {
    organisationId: d.organisationId ? null : 'Välj organisation.',
    from,
    to: to ?? (!from && d.to.trim() < d.from.trim() ? 'Slutdatum kan inte vara före startdatum.' : null),
  };
}

/** One assignment: a fieldset named "Uppdrag N" so each field's label is unique within it. */
export function AssignmentFields(props: {
  index: number;
  draft: AssignmentDraft;
  organisations: { value: string; label: string }[];
  showErrors: boolean;
  onChange(d: AssignmentDraft): void;
  onRemove(): void;
}) {
  const { index, draft: d, organisations, showErrors, onChange } = props;
  const errors = showErrors ? draftErrors(d) : { organisationId: null, from: null, to: null };
  const set = (patch: Partial<AssignmentDraft>) => onChange({ ...d, ...patch });
  const legend = `Uppdrag ${index + 1}`;
  return (
    <Paper withBorder p="sm" component="fieldset" className="assignment-fieldset">
      <legend className="fieldset-legend">{legend}</legend>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <NativeSelect label="Roll" data={ROLE_OPTIONS} value={d.role} onChange={(e) => set({ role: e.currentTarget.value as BoardRole })} w={180} />
        <NativeSelect
          label="Organisation"
          data={[{ value: '', label: 'Välj …' }, ...organisations]}
          value={d.organisationId}
          onChange={(e) => set({ organisationId: e.currentTarget.value })}
          error={errors.organisationId}
          w={240}
        />
        <TextInput label="Från" placeholder="ÅÅÅÅ-MM-DD" value={d.from} onChange={(e) => set({ from: e.currentTarget.value })} error={errors.from} w={150} />
        <TextInput label="Till" placeholder="ÅÅÅÅ-MM-DD" value={d.to} onChange={(e) => set({ to: e.currentTarget.value })} error={errors.to} w={150} />
        {d.role === 'substitute' && (
          <NumberInput
            label="Plats i inkallelseordningen"
            value={d.callingOrder}
            onChange={(v) => set({ callingOrder: typeof v === 'number' ? v : '' })}
            min={1}
            max={99}
            allowDecimal={false}
            allowNegative={false}
            w={200}
          />
        )}
      </Group>
      <Button variant="subtle" color="dark" size="xs" mt="xs" onClick={props.onRemove}>
        Ta bort {legend.toLowerCase()}
      </Button>
    </Paper>
  );
}
