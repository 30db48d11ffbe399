import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { STAFF_ROLE_LABEL } from '../../../../shared/domain/forbund/model';
import type { FederationState } from '../../../../shared/domain/events';
import { AGENDA_ITEM_KIND_LABEL, AgendaItemKind, type AgendaItem } from '../../../../shared/domain/meetings';
import { roleLabel } from '../../lib/roster';
import { AgendaItemFields } from './AgendaItemFields';
import { applicationItem, moveItem, newItem, openApplications, proposedFor, type DraftErrors } from './meeting-draft';

const KIND_OPTIONS = AgendaItemKind.options.map((k) => ({ value: k, label: AGENDA_ITEM_KIND_LABEL[k] }));

/** Where a new item goes: before "Mötets avslutande" if the list ends with it, else last. */
function insertAt(agenda: readonly AgendaItem[], kind: AgendaItemKind): number {
  if (kind === 'decision') {
    // A beslutsärende joins the other beslutsärenden (or comes after the formal opening items).
    const lastDecision = agenda.map((i) => i.kind).lastIndexOf('decision');
    if (lastDecision >= 0) return lastDecision + 1;
    const afterOpening = agenda.findIndex((i) => !['opening', 'agendaApproval', 'adjusters', 'javCall', 'previousMinutes'].includes(i.kind));
    if (afterOpening >= 0) return afterOpening;
  }
  return agenda.at(-1)?.kind === 'closing' ? agenda.length - 1 : agenda.length;
}

/** The föredragningslista: reorder with buttons, add and remove points of every kind, ansökningar offered as beslutsärenden. */
export function AgendaEditor({
  state,
  meetingId,
  date,
  agenda,
  errors,
  onChange,
}: {
  state: FederationState;
  meetingId: string | null;
  /** The meeting's date as typed: the ansökningar offered first are those a new meeting on it proposes. */
  date: string;
  agenda: AgendaItem[];
  errors: DraftErrors | null;
  onChange(next: AgendaItem[]): void;
}) {
  const [kind, setKind] = useState<AgendaItemKind>('decision');
  const [showOlder, setShowOlder] = useState(false);
  const presenters = useMemo(
    () =>
      Object.values(state.persons)
        .sort((a, b) => (a.staffRole ? 0 : 1) - (b.staffRole ? 0 : 1) || a.name.localeCompare(b.name, 'sv'))
        .map((p) => ({ value: p.id, label: `${p.name}, ${p.staffRole ? STAFF_ROLE_LABEL[p.staffRole].toLowerCase() : roleLabel(state, p.id).toLowerCase()}` })),
    [state],
  );
  const onAgenda = new Set(agenda.map((i) => i.applicationId).filter(Boolean));
  const open = openApplications(state, meetingId).filter((a) => !onAgenda.has(a.applicationId));
  // Older ones without a decision (likely dropped) only on request: at ten years they were 226 rows.
  const recent = open.filter((a) => proposedFor(state, a.applicationId, date));
  const older = open.length - recent.length;
  const offered = showOlder ? open : recent;
  const insert = (item: AgendaItem) => {
    const at = insertAt(agenda, item.kind);
    onChange([...agenda.slice(0, at), item, ...agenda.slice(at)]);
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="agenda-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="agenda-heading">Föredragningslista</Title>
        <Text size="sm" c="dimmed">
          Punkterna numreras i den ordning de står. Paragrafnumren i protokollet sätts när protokollet skrivs. Flytta punkter med knapparna Flytta upp och Flytta ned.
        </Text>
        {errors?.agenda && <Alert color="red">{errors.agenda}</Alert>}
        <Stack gap="xs">
          {agenda.map((item, i) => (
            <AgendaItemFields
              key={item.id}
              state={state}
              item={item}
              index={i}
              count={agenda.length}
              errors={errors?.items[item.id]}
              presenters={presenters}
              onChange={(next) => onChange(agenda.map((x) => (x.id === item.id ? next : x)))}
              onMove={(by) => onChange(moveItem(agenda, item.id, by))}
              onRemove={() => onChange(agenda.filter((x) => x.id !== item.id))}
            />
          ))}
        </Stack>
        <Group align="flex-end">
          <NativeSelect label="Slag av ny punkt" data={KIND_OPTIONS} value={kind} onChange={(e) => setKind(e.currentTarget.value as AgendaItemKind)} />
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => insert(newItem(kind))}>
            Lägg till punkt
          </Button>
        </Group>
        {(offered.length > 0 || older > 0) && (
          <Stack gap="xs" mt="sm" component="section" aria-labelledby="offered-heading">
            <Title order={3} size="h4" id="offered-heading">Ansökningar utan beslut</Title>
            {offered.length === 0 && <Text size="sm" c="dimmed">Alla ansökningar utan beslut från det senaste året finns på föredragningslistan.</Text>}
            {offered.map((a) => (
              <Group key={a.applicationId} justify="space-between" wrap="nowrap">
                <Text size="sm">
                  {a.name} <Text span c="dimmed">({a.dnr})</Text>
                </Text>
                <Button size="xs" variant="default" onClick={() => insert(applicationItem(a))} aria-label={`Lägg till ${a.name} som beslutsärende`}>
                  Lägg till som beslutsärende
                </Button>
              </Group>
            ))}
            {older > 0 && (
              <Group>
                <Button size="xs" variant="subtle" onClick={() => setShowOlder((v) => !v)} aria-expanded={showOlder}>
                  {showOlder ? 'Visa bara ansökningar från det senaste året' : `Visa även äldre ansökningar utan beslut (${older})`}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
