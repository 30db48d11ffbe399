import { Alert, Button, Checkbox, Group, NativeSelect, Radio, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { JAV_GROUND_LABEL, JavGround } from '../../../../../shared/domain/applications';
import { MOTION_KIND_LABEL, MotionKind, NotePermission, VOTE_CHOICE_LABEL, VoteChoice, type ItemRecord, type ItemServing } from '../../../../../shared/domain/meetings';
import { newId } from '../../../lib/roster';
import { useFederation } from '../../../state/federation';
import { ClosedVoteCount, ClosedVoteToggle, LotChoice } from './ElectionVote';
import { javPreview, liveVoteOf, voteSummary } from './minutes-view';

type Props = { record: ItemRecord; onChange(r: ItemRecord): void; disabled: boolean; serving: ItemServing | undefined; present: string[]; election?: boolean };

function Block({ title, children, onAdd, addLabel, disabled }: { title: string; children: ReactNode; onAdd?: () => void; addLabel?: string; disabled: boolean }) {
  return (
    <Stack gap="xs" role="group" aria-label={title}>
      <Title order={4} size="h5">{title}</Title>
      {children}
      {onAdd && !disabled && (
        <Group><Button size="xs" variant="default" onClick={onAdd}>{addLabel}</Button></Group>
      )}
    </Stack>
  );
}

const personOptions = (ids: string[], name: (id: string) => string, note?: (id: string) => string) => [{ value: '', label: 'Välj person …' }, ...ids.map((id) => ({ value: id, label: `${name(id)}${note?.(id) ?? ''}` }))];

/** Jäv: person, ground and text; beside it who serves in their place in this § only, and the standard sentence. */
export function JavList({ record, onChange, disabled, serving, present }: Props) {
  const { state } = useFederation();
  const name = (id: string) => state.persons[id]?.name ?? 'okänd person';
  const preview = javPreview(state, serving, record.jav.map((j) => j.personId).filter((id) => id !== ''));
  const set = (i: number, patch: Partial<ItemRecord['jav'][number]>) => onChange({ ...record, jav: record.jav.map((j, n) => (n === i ? { ...j, ...patch } : j)) });
  // Optional fields are left out when unused (never undefined in the record), so the event reads as the domain expects.
  const replaceJav = (i: number, raisedBy: string | undefined, disputed: true | undefined) =>
    onChange({ ...record, jav: record.jav.map((j, n) => (n === i ? { personId: j.personId, ground: j.ground, text: j.text, ...(raisedBy ? { raisedBy } : {}), ...(raisedBy && disputed ? { disputed } : {}) } : j)) });
  const dismissed = record.javDismissed ?? [];
  const setDismissed = (next: { personId: string; raisedBy: string }[]) => {
    const { javDismissed: _d, ...rest } = record;
    onChange(next.length > 0 ? { ...rest, javDismissed: next } : rest);
  };
  return (
    <Block title="Jäv" disabled={disabled} addLabel="Anteckna jäv" onAdd={() => onChange({ ...record, jav: [...record.jav, { personId: '', ground: 'interest', text: '' }] })}>
      {record.jav.length === 0 && <Text size="sm" c="dimmed">Ingen har anmält jäv i ärendet.</Text>}
      {record.jav.map((j, i) => (
        <Group key={i} align="flex-end" wrap="wrap">
          <NativeSelect size="xs" label={`Jävig ${i + 1}`} disabled={disabled} data={personOptions(present, name)} value={j.personId} onChange={(e) => set(i, { personId: e.currentTarget.value })} />
          <NativeSelect size="xs" label="Grund" disabled={disabled} data={JavGround.options.map((g) => ({ value: g, label: JAV_GROUND_LABEL[g] }))} value={j.ground} onChange={(e) => { const g = JavGround.safeParse(e.currentTarget.value); if (g.success) set(i, { ground: g.data }); }} />
          <TextInput size="xs" label="Anteckning" disabled={disabled} value={j.text} onChange={(e) => set(i, { text: e.currentTarget.value })} />
          <NativeSelect size="xs" label="Väckt av" disabled={disabled} data={[{ value: '', label: 'Anmält av personen själv' }, ...present.filter((id) => id !== j.personId).map((id) => ({ value: id, label: name(id) }))]} value={j.raisedBy ?? ''} onChange={(e) => replaceJav(i, e.currentTarget.value || undefined, e.currentTarget.value ? j.disputed : undefined)} />
          {j.raisedBy && <Checkbox size="xs" label="Bestritt; styrelsen beslutade att jäv föreligger" disabled={disabled} checked={j.disputed === true} onChange={(e) => replaceJav(i, j.raisedBy, e.currentTarget.checked ? true : undefined)} />}
          {!disabled && <Button size="xs" variant="subtle" color="red" onClick={() => onChange({ ...record, jav: record.jav.filter((_, n) => n !== i) })}>Ta bort</Button>}
        </Group>
      ))}
      {dismissed.map((d, i) => (
        <Group key={`dismissed-${i}`} align="flex-end" wrap="wrap" data-testid="jav-dismissed">
          <NativeSelect size="xs" label={`Inte jävig enligt styrelsen ${i + 1}`} disabled={disabled} data={personOptions(present, name)} value={d.personId} onChange={(e) => setDismissed(dismissed.map((x, n) => (n === i ? { ...x, personId: e.currentTarget.value } : x)))} />
          <NativeSelect size="xs" label="Frågan väckt av" disabled={disabled} data={personOptions(present, name)} value={d.raisedBy} onChange={(e) => setDismissed(dismissed.map((x, n) => (n === i ? { ...x, raisedBy: e.currentTarget.value } : x)))} />
          {!disabled && <Button size="xs" variant="subtle" color="red" onClick={() => setDismissed(dismissed.filter((_, n) => n !== i))}>Ta bort</Button>}
        </Group>
      ))}
      {!disabled && <Group><Button size="xs" variant="default" onClick={() => setDismissed([...dismissed, { personId: '', raisedBy: '' }])}>Anteckna jävsfråga som styrelsen avslog</Button></Group>}
      {preview.map((p) => (
        <Alert key={p.personId} color="gray" variant="light" data-testid="jav-preview">
          <Text size="sm">{p.substitute ? `${name(p.substitute)} tjänstgör för ${name(p.personId)} i den här paragrafen.` : `Ingen ersättare kan tjänstgöra för ${name(p.personId)} i den här paragrafen.`}</Text>
          <Text size="sm" fs="italic">{p.sentence}</Text>
        </Alert>
      ))}
    </Block>
  );
}

export function MotionList({ record, onChange, disabled, serving }: Props) {
  const { state } = useFederation();
  const name = (id: string) => state.persons[id]?.name ?? 'okänd person';
  const deciding = serving?.deciding.map((d) => d.personId) ?? [];
  const set = (i: number, patch: Partial<ItemRecord['motions'][number]>) => onChange({ ...record, motions: record.motions.map((x, n) => (n === i ? { ...x, ...patch } : x)) });
  return (
    <Block title="Yrkanden" disabled={disabled} addLabel="Lägg till yrkande" onAdd={() => onChange({ ...record, motions: [...record.motions, { id: newId(), personId: '', kind: 'approve', text: '' }] })}>
      {record.motions.map((x, i) => (
        <Group key={x.id} align="flex-end" wrap="wrap">
          <NativeSelect size="xs" label={`Yrkande ${i + 1} av`} disabled={disabled} data={personOptions(deciding, name)} value={x.personId} onChange={(e) => set(i, { personId: e.currentTarget.value })} />
          <NativeSelect size="xs" label="Yrkar" disabled={disabled} data={MotionKind.options.map((k) => ({ value: k, label: MOTION_KIND_LABEL[k] }))} value={x.kind} onChange={(e) => { const k = MotionKind.safeParse(e.currentTarget.value); if (k.success) set(i, { kind: k.data }); }} />
          <TextInput size="xs" label="Yrkandets lydelse" disabled={disabled} value={x.text} onChange={(e) => set(i, { text: e.currentTarget.value })} miw={260} />
          {!disabled && <Button size="xs" variant="subtle" color="red" onClick={() => onChange({ ...record, motions: record.motions.filter((_, n) => n !== i) })}>Ta bort</Button>}
        </Group>
      ))}
    </Block>
  );
}

/** Omröstning: ja / nej / avstår per beslutande only; the result computed as the votes are entered. */
export function VoteBlock({ record, onChange, disabled, serving, election = false }: Props) {
  const { state } = useFederation();
  const name = (id: string) => state.persons[id]?.name ?? 'okänd person';
  const vote = record.vote;
  const result = vote ? liveVoteOf(vote, serving, election, record.presiding) : null;
  const setChoice = (personId: string, v: VoteChoice) =>
    vote && onChange({ ...record, vote: { ...vote, votes: [...vote.votes.filter((x) => x.personId !== personId), { personId, vote: v }] } });
  return (
    <Stack gap="xs" role="group" aria-label="Omröstning">
      <Title order={4} size="h5">Omröstning</Title>
      <Checkbox label="Omröstning begärs" disabled={disabled} checked={vote !== null} onChange={(e) => onChange({ ...record, vote: e.currentTarget.checked ? { proposition: 'Ja för förslaget, nej för avslag.', votes: [] } : null })} />
      {vote && (
        <>
          <Textarea size="xs" label="Propositionsordning (vad ja och nej betyder)" disabled={disabled} autosize value={vote.proposition} onChange={(e) => onChange({ ...record, vote: { ...vote, proposition: e.currentTarget.value } })} />
          {election && <ClosedVoteToggle vote={vote} disabled={disabled} onChange={(v) => onChange({ ...record, vote: v })} />}
          {vote.closed ? <ClosedVoteCount vote={vote} disabled={disabled} onChange={(v) => onChange({ ...record, vote: v })} /> : (
          <Table aria-label="Röster" verticalSpacing={2}>
            <Table.Thead><Table.Tr><Table.Th>Beslutande</Table.Th><Table.Th>Röst</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {(serving?.deciding ?? []).map((d) => (
                <Table.Tr key={d.personId}>
                  <Table.Td><Text size="sm">{name(d.personId)}{d.servesFor ? ` (för ${name(d.servesFor)})` : ''}{result?.chairId === d.personId ? ' · ordförande' : ''}</Text></Table.Td>
                  <Table.Td>
                    <Radio.Group aria-label={`Röst: ${name(d.personId)}`} value={vote.votes.find((v) => v.personId === d.personId)?.vote ?? ''} onChange={(v) => { const c = VoteChoice.safeParse(v); if (c.success) setChoice(d.personId, c.data); }}>
                      <Group gap="md">
                        {VoteChoice.options.map((c) => <Radio key={c} value={c} label={VOTE_CHOICE_LABEL[c]} aria-label={`${name(d.personId)}: ${VOTE_CHOICE_LABEL[c]}`} disabled={disabled} size="xs" />)}
                      </Group>
                    </Radio.Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          )}
          {result && result.yes === result.no && (election || vote.closed) && <LotChoice vote={vote} disabled={disabled} onChange={(v) => onChange({ ...record, vote: v })} />}
          {result && <Text size="sm" fw={600} data-testid="vote-result" aria-live="polite">{voteSummary(result, election)}</Text>}
        </>
      )}
    </Stack>
  );
}

export function ReservationList({ record, onChange, disabled, serving, present }: Props) {
  const { state } = useFederation();
  const name = (id: string) => state.persons[id]?.name ?? 'okänd person';
  const took = new Set(serving?.deciding.map((d) => d.personId) ?? []);
  const set = (i: number, patch: Partial<ItemRecord['reservations'][number]>) => onChange({ ...record, reservations: record.reservations.map((x, n) => (n === i ? { ...x, ...patch } : x)) });
  return (
    <Block title="Reservationer" disabled={disabled} addLabel="Anteckna reservation" onAdd={() => onChange({ ...record, reservations: [...record.reservations, { personId: '', text: '', motionId: null }] })}>
      {record.reservations.map((x, i) => (
        <Group key={i} align="flex-end" wrap="wrap">
          <NativeSelect size="xs" label={`Reservation ${i + 1} av`} disabled={disabled} data={personOptions(present, name, (id) => (took.has(id) ? '' : ' (deltog inte i beslutet)'))} value={x.personId} onChange={(e) => set(i, { personId: e.currentTarget.value })} />
          <NativeSelect size="xs" label="Till förmån för" disabled={disabled} data={[{ value: '', label: 'Inget yrkande' }, ...record.motions.map((mo, n) => ({ value: mo.id, label: `Yrkande ${n + 1}` }))]} value={x.motionId ?? ''} onChange={(e) => set(i, { motionId: e.currentTarget.value || null })} />
          <TextInput size="xs" label="Motivering" disabled={disabled} value={x.text} onChange={(e) => set(i, { text: e.currentTarget.value })} miw={240} />
          {!disabled && <Button size="xs" variant="subtle" color="red" onClick={() => onChange({ ...record, reservations: record.reservations.filter((_, n) => n !== i) })}>Ta bort</Button>}
        </Group>
      ))}
    </Block>
  );
}

export function NoteList({ record, onChange, disabled, present }: Props) {
  const { state } = useFederation();
  const name = (id: string) => state.persons[id]?.name ?? 'okänd person';
  const set = (i: number, patch: Partial<ItemRecord['notes'][number]>) => onChange({ ...record, notes: record.notes.map((x, n) => (n === i ? { ...x, ...patch } : x)) });
  return (
    <Block title="Protokollsanteckningar" disabled={disabled} addLabel="Lägg till protokollsanteckning" onAdd={() => onChange({ ...record, notes: [...record.notes, { personId: '', text: '' }] })}>
      {record.notes.length > 0 && <Text size="sm" c="dimmed">En protokollsanteckning får göras bara om sammanträdet medger det; ange vem som medgav den.</Text>}
      {record.notes.map((x, i) => (
        <Group key={i} align="flex-end" wrap="wrap">
          <NativeSelect size="xs" label={`Anteckning ${i + 1} av`} disabled={disabled} data={personOptions(present, name)} value={x.personId} onChange={(e) => set(i, { personId: e.currentTarget.value })} />
          <TextInput size="xs" label="Anteckningens text" disabled={disabled} value={x.text} onChange={(e) => set(i, { text: e.currentTarget.value })} miw={280} />
          <NativeSelect size="xs" label="Medgiven av" disabled={disabled} data={[{ value: '', label: 'Inte medgiven' }, ...NotePermission.options.map((p) => ({ value: p, label: p === 'chair' ? 'Ordföranden' : 'Styrelsen' }))]} value={x.permittedBy ?? ''} onChange={(e) => { const p = NotePermission.safeParse(e.currentTarget.value); const { permittedBy: _p, ...rest } = x; onChange({ ...record, notes: record.notes.map((n, k) => (k === i ? (p.success ? { ...rest, permittedBy: p.data } : rest) : n)) }); }} />
          {!disabled && <Button size="xs" variant="subtle" color="red" onClick={() => onChange({ ...record, notes: record.notes.filter((_, n) => n !== i) })}>Ta bort</Button>}
        </Group>
      ))}
    </Block>
  );
}
