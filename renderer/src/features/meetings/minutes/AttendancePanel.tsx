import { Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { headsOf } from '../../../../../shared/domain/events';
import type { AttendanceEntry, MeetingState, OtherAttendee } from '../../../../../shared/domain/meetings';
import { userMessage } from '../../../api/client';
import { KEYBOARD_SCROLL } from '../../../lib/a11y';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { newId } from '../../../lib/roster';
import { appendEvent } from '../../../state/actions';
import { useFederation } from '../../../state/federation';
import { attendanceGroups } from './minutes-view';

/** Närvaro: every called person by organisation, present or not, at a distance, arriving or leaving between items; and övriga deltagande. */
export function AttendancePanel({ m, editable }: { m: MeetingState; editable: boolean }) {
  const { state } = useFederation();
  const groups = attendanceGroups(state, m);
  const [entries, setEntries] = useState<Record<string, AttendanceEntry>>(() => Object.fromEntries(groups.flatMap((g) => g.rows.map((r) => [r.personId, r.entry]))));
  const [others, setOthers] = useState<OtherAttendee[]>(() => m.attendance?.others ?? []);
  const [busy, setBusy] = useState(false);
  const items = m.agenda.map((i, n) => ({ value: i.id, label: `${n + 1}. ${i.title}` }));
  const set = (id: string, patch: Partial<AttendanceEntry>) => setEntries((e) => ({ ...e, [id]: { ...e[id]!, ...patch } }));

  async function save() {
    if (others.some((o) => o.name.trim() === '' || o.role.trim() === '')) {
      notifyError('Närvaron sparades inte', 'Ange namn och roll för varje övrig deltagare, eller ta bort raden.');
      return;
    }
    setBusy(true);
    try {
      await appendEvent('minutes.attendance.set', { meetingId: m.id, persons: Object.values(entries), others }, headsOf(state, m.id));
      notifySuccess('Närvaron är antecknad', 'Tjänstgöring och beslutförhet per punkt är uppdaterade.');
    } catch (err) {
      notifyError('Närvaron sparades inte', userMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="attendance-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="attendance-heading">Närvaro</Title>
        {groups.map((g) => (
          <Table.ScrollContainer key={g.id} minWidth={760} scrollAreaProps={KEYBOARD_SCROLL}>
            <Table aria-label={`Närvaro: ${g.label}`}>
              <Table.Caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600 }}>{g.label}</Table.Caption>
              <Table.Thead>
                <Table.Tr><Table.Th>Namn</Table.Th><Table.Th>Närvarande</Table.Th><Table.Th>På distans</Table.Th><Table.Th>Kom före punkt</Table.Th><Table.Th>Gick efter punkt</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {g.rows.map((r) => {
                  const e = entries[r.personId]!;
                  return (
                    <Table.Tr key={r.personId} data-testid="attendance-row">
                      <Table.Td>
                        <Text size="sm" fw={500}>{r.name}</Text>
                        <Text size="xs" c="dimmed">{r.role}{r.absence ? ` · förhinder${r.absence.reason ? `: ${r.absence.reason}` : ''}` : ''}</Text>
                      </Table.Td>
                      <Table.Td><Checkbox aria-label={`${r.name} närvarande`} checked={e.present} disabled={!editable} onChange={(ev) => set(r.personId, { present: ev.currentTarget.checked })} /></Table.Td>
                      <Table.Td><Checkbox aria-label={`${r.name} på distans`} checked={e.distance} disabled={!editable || !e.present} onChange={(ev) => set(r.personId, { distance: ev.currentTarget.checked })} /></Table.Td>
                      <Table.Td>
                        <NativeSelect size="xs" aria-label={`${r.name} kom före punkt`} disabled={!editable || !e.present} data={[{ value: '', label: 'Från början' }, ...items]} value={e.arrivedBeforeItem ?? ''} onChange={(ev) => set(r.personId, { arrivedBeforeItem: ev.currentTarget.value || null })} />
                      </Table.Td>
                      <Table.Td>
                        <NativeSelect size="xs" aria-label={`${r.name} gick efter punkt`} disabled={!editable || !e.present} data={[{ value: '', label: 'Till slutet' }, ...items]} value={e.leftAfterItem ?? ''} onChange={(ev) => set(r.personId, { leftAfterItem: ev.currentTarget.value || null })} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))}
        <Stack gap="xs">
          <Title order={3} size="h5">Övriga deltagande</Title>
          {others.length === 0 && <Text size="sm" c="dimmed">Inga övriga deltagande.</Text>}
          {others.map((o, n) => (
            <Group key={o.id} align="flex-end" wrap="wrap" role="group" aria-label={`Övrig deltagare ${n + 1}`}>
              <TextInput size="xs" label="Namn" value={o.name} disabled={!editable} onChange={(ev) => { const v = ev.currentTarget.value; setOthers((l) => l.map((x) => (x.id === o.id ? { ...x, name: v } : x))); }} />
              <TextInput size="xs" label="Roll" value={o.role} disabled={!editable} onChange={(ev) => { const v = ev.currentTarget.value; setOthers((l) => l.map((x) => (x.id === o.id ? { ...x, role: v } : x))); }} />
              <NativeSelect size="xs" label="Från punkt" disabled={!editable} data={[{ value: '', label: 'Från början' }, ...items]} value={o.fromItem ?? ''} onChange={(ev) => { const v = ev.currentTarget.value || null; setOthers((l) => l.map((x) => (x.id === o.id ? { ...x, fromItem: v } : x))); }} />
              <NativeSelect size="xs" label="Till punkt" disabled={!editable} data={[{ value: '', label: 'Till slutet' }, ...items]} value={o.toItem ?? ''} onChange={(ev) => { const v = ev.currentTarget.value || null; setOthers((l) => l.map((x) => (x.id === o.id ? { ...x, toItem: v } : x))); }} />
              {editable && <Button size="xs" variant="subtle" color="red" onClick={() => setOthers((l) => l.filter((x) => x.id !== o.id))}>Ta bort</Button>}
            </Group>
          ))}
          {editable && (
            <Group>
              <Button size="xs" variant="default" onClick={() => setOthers((l) => [...l, { id: newId(), name: '', role: '', fromItem: null, toItem: null, distance: false }])}>Lägg till övrig deltagare</Button>
            </Group>
          )}
        </Stack>
        {editable && (
          <Group>
            <Button onClick={() => void save()} loading={busy}>Spara närvaron</Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
