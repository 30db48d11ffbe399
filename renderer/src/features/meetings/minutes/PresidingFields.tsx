import { Alert, NativeSelect, Stack, Text } from '@mantine/core';
import {
  PRESIDING_BASIS_LABEL,
  presidingProblem,
  qualifiedFinding,
  qualifiedRefusal,
  qualifiedSentence,
  regularChairInItem,
  type AgendaItem,
  type ItemRecord,
  type ItemServing,
  type PresidingBasis,
} from '../../../../../shared/domain/meetings';
import { fractionText, QUALIFIED_MATTER_LABEL } from '../../../../../shared/domain/forbund/ordning';
import { useFederation } from '../../../state/federation';

type Props = { item: AgendaItem; record: ItemRecord; onChange(r: ItemRecord): void; disabled: boolean; serving: ItemServing | undefined };

/**
 * Tillfällig ordförande (KL 6 kap 21 §): shown when neither the ordförande
 * nor a vice ordförande serves in the §. The chosen ledamot has the casting
 * vote and the protokoll says who presided; the domain refuses anyone else.
 */
export function PresidingField({ record, onChange, disabled, serving }: Props) {
  const { state } = useFederation();
  if (!serving || regularChairInItem(serving) !== null) return null;
  const name = (id: string) => state.persons[id]?.name ?? 'okänd person';
  const ledamoter = serving.deciding.filter((d) => d.role !== 'substitute').map((d) => d.personId);
  const set = (personId: string, basis: PresidingBasis) => {
    const { presiding: _p, ...rest } = record;
    onChange(personId === '' ? rest : { ...rest, presiding: { personId, basis } });
  };
  const basis = record.presiding?.basis ?? 'chosen';
  const problem = presidingProblem(state, serving, record.presiding);
  return (
    <Alert color="orange" title="Varken ordföranden eller vice ordföranden deltar i paragrafen" data-testid="presiding">
      <Stack gap="xs">
        <Text size="sm">Styrelsen väljer en ledamot att vara ordförande för tillfället; till dess leder den som varit ledamot längst tid (ålderspresident). Den som är ordförande i paragrafen har utslagsrösten, och protokollet anger vem det var.</Text>
        <NativeSelect size="xs" label="Ordförande i paragrafen" disabled={disabled} data={[{ value: '', label: 'Ingen angiven' }, ...ledamoter.map((id) => ({ value: id, label: name(id) }))]} value={record.presiding?.personId ?? ''} onChange={(e) => set(e.currentTarget.value, basis)} />
        {record.presiding && (
          <NativeSelect size="xs" label="Grund" disabled={disabled} data={(['chosen', 'longestServing'] as const).map((b) => ({ value: b, label: PRESIDING_BASIS_LABEL[b] }))} value={basis} onChange={(e) => set(record.presiding?.personId ?? '', e.currentTarget.value === 'longestServing' ? 'longestServing' : 'chosen')} />
        )}
        {problem && <Text size="sm" c="red" role="alert">{problem}</Text>}
      </Stack>
    </Alert>
  );
}

/** What the förbundsordning's qualified majority asks of this decision, live as the record stands. */
export function QualifiedLine({ item, record, serving }: Props) {
  const { state } = useFederation();
  const f = qualifiedFinding(state, item, serving, record);
  if (!f) return null;
  return (
    <Alert color={f.reached ? 'green' : 'red'} variant="light" title={`Kvalificerad majoritet ${fractionText(f.rule)} (${QUALIFIED_MATTER_LABEL[f.rule.matter].toLowerCase()})`} data-testid="qualified-majority">
      <Text size="sm">{f.reached ? qualifiedSentence(f) : qualifiedRefusal(f)}</Text>
    </Alert>
  );
}
