import { Alert, Button, Group, List, Modal, NativeSelect, NumberInput, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { headsOf, type FederationState } from '../../../../shared/domain/events';
import {
  OrdningSet,
  QUALIFIED_MATTER_LABEL,
  QualifiedMatter,
  fractionText,
  ordningOf,
  ordningProblem,
  seatsUnsetWarning,
  type QualifiedRule,
} from '../../../../shared/domain/forbund/ordning';
import { boardSeats } from '../../../../shared/domain/meetings';
import { userMessage } from '../../api/client';
import { notifySuccess } from '../../lib/notify';
import { today } from '../../lib/roster';
import { appendEvent } from '../../state/actions';

/**
 * Förbundsordningen: the number of ledamöter it fixes (quorum counts these
 * seats), the matters it decides by a qualified majority and the groups it
 * allows as delegat. The förbundschef records them (federation.ordning.set);
 * while the number of seats is not recorded the registered ledamöter count,
 * and the section says so.
 */
export function OrdningSection({ state, canEdit }: { state: FederationState; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  if (!state.federation) return null;
  const o = ordningOf(state);
  const seats = boardSeats(state, today());
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="ordning-heading" data-testid="ordning-section">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h3" id="ordning-heading">Förbundsordningen</Title>
          {canEdit && <Button variant="default" onClick={() => setEditing(true)}>Ändra förbundsordningens regler</Button>}
        </Group>
        {o.ordningReference && <Text size="sm" c="dimmed">{o.ordningReference}</Text>}
        {seats.fixed ? (
          <Text data-testid="ordning-seats">{`Styrelsen har ${seats.seats} ledamöter enligt förbundsordningen; beslutför när fler än hälften (minst ${Math.floor(seats.seats / 2) + 1}) tjänstgör.`}</Text>
        ) : (
          <Alert color="yellow" title="Antalet ledamöter är inte angivet" data-testid="ordning-seats">{seatsUnsetWarning(seats.registered)}</Alert>
        )}
        {seats.fixed && seats.registered !== seats.seats && (
          <Text size="sm" c="dimmed">{`I registret finns i dag ${seats.registered} ledamöter.`}</Text>
        )}
        <Text size="sm" fw={600}>Kvalificerad majoritet</Text>
        {o.qualifiedMajority.length === 0 ? (
          <Text size="sm">Inga ärenden; styrelsen beslutar med enkel majoritet.</Text>
        ) : (
          <List size="sm" spacing={2}>
            {o.qualifiedMajority.map((r) => <List.Item key={r.matter}>{`${QUALIFIED_MATTER_LABEL[r.matter]}: ${fractionText(r)} av de beslutande`}</List.Item>)}
          </List>
        )}
        <Text size="sm"><Text span fw={600}>Grupper som får vara delegat: </Text>{o.groupDelegates.length === 0 ? 'inga (bara namngivna ledamöter, ersättare och anställda)' : o.groupDelegates.join(', ')}</Text>
      </Stack>
      {editing && <OrdningForm state={state} onClose={() => setEditing(false)} />}
    </Paper>
  );
}

function OrdningForm({ state, onClose }: { state: FederationState; onClose(): void }) {
  const o = ordningOf(state);
  const [seats, setSeats] = useState<number | string>(o.seats ?? '');
  const [reference, setReference] = useState(o.ordningReference ?? '');
  const [rules, setRules] = useState<QualifiedRule[]>(o.qualifiedMajority);
  const [groups, setGroups] = useState(o.groupDelegates.join('\n'));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const payload = {
    seats: seats === '' ? null : Number(seats),
    qualifiedMajority: rules,
    groupDelegates: groups.split('\n').map((g) => g.trim()).filter((g) => g !== ''),
    ordningReference: reference.trim() === '' ? null : reference.trim(),
  };
  const parsed = OrdningSet.safeParse(payload);
  const problem = parsed.success ? ordningProblem(parsed.data) : seats !== '' && !(Number(seats) >= 1 && Number(seats) <= 99) ? 'Antalet ledamöter ska vara ett heltal mellan 1 och 99.' : 'Kontrollera uppgifterna.';
  const unused = QualifiedMatter.options.filter((m) => !rules.some((r) => r.matter === m));
  const setRule = (i: number, patch: Partial<QualifiedRule>) => setRules(rules.map((r, n) => (n === i ? { ...r, ...patch } : r)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (problem || !parsed.success) return;
    setBusy(true);
    try {
      await appendEvent('federation.ordning.set', parsed.data, headsOf(state, state.federation?.id ?? ''));
      notifySuccess('Förbundsordningens regler är sparade', payload.seats === null ? 'Antalet ledamöter är inte angivet' : `${payload.seats} ledamöter`);
      onClose();
    } catch (err) {
      setFailure(userMessage(err));
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title="Förbundsordningens regler" size="lg" closeButtonProps={{ 'aria-label': 'Stäng' }}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <NumberInput
            label="Antal ledamöter enligt förbundsordningen"
            description="Beslutförheten räknas på detta antal. Lämna tomt för att räkna de ledamöter som är registrerade."
            min={1}
            max={99}
            allowDecimal={false}
            value={seats}
            onChange={setSeats}
            data-autofocus
          />
          <TextInput label="Hänvisning" description="Till exempel: Förbundsordningen 7 §" maxLength={300} value={reference} onChange={(e) => setReference(e.currentTarget.value)} />
          <Stack gap="xs" role="group" aria-label="Kvalificerad majoritet">
            <Text size="sm" fw={600}>Ärenden som kräver kvalificerad majoritet</Text>
            {rules.map((r, i) => (
              <Group key={r.matter} align="flex-end" wrap="wrap">
                <NativeSelect label={`Ärende ${i + 1}`} data={[r.matter, ...unused].map((m) => ({ value: m, label: QUALIFIED_MATTER_LABEL[m] }))} value={r.matter} onChange={(e) => { const m = QualifiedMatter.safeParse(e.currentTarget.value); if (m.success) setRule(i, { matter: m.data }); }} />
                <NumberInput label="Täljare" w={90} min={1} max={99} allowDecimal={false} value={r.numerator} onChange={(v) => setRule(i, { numerator: Number(v) || 0 })} />
                <NumberInput label="Nämnare" w={90} min={2} max={99} allowDecimal={false} value={r.denominator} onChange={(v) => setRule(i, { denominator: Number(v) || 0 })} />
                <Button variant="subtle" color="red" onClick={() => setRules(rules.filter((_, n) => n !== i))}>Ta bort</Button>
              </Group>
            ))}
            {unused[0] && (
              <Group><Button size="xs" variant="default" onClick={() => setRules([...rules, { matter: unused[0]!, numerator: 2, denominator: 3 }])}>Lägg till ärende</Button></Group>
            )}
          </Stack>
          <Textarea label="Grupper som får vara delegat" description="En grupp per rad, t.ex. presidiet. Bara om förbundsordningen eller reglementet tillåter det." autosize minRows={1} value={groups} onChange={(e) => setGroups(e.currentTarget.value)} />
          {problem && <Alert color="red" title="Kan inte sparas" data-testid="ordning-problem">{problem}</Alert>}
          {failure && <Alert color="red" title="Ändringen sparades inte">{failure}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Avbryt</Button>
            <Button type="submit" loading={busy} disabled={problem !== null}>Spara</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
