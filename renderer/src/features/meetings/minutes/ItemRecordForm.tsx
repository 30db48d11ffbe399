import { Alert, Button, Checkbox, Divider, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { headsOf } from '../../../../../shared/domain/events';
import { adjusterProblem, boardSeats, defaultDecision, type AgendaItem, type ItemRecord, type MeetingState } from '../../../../../shared/domain/meetings';
import { formatDnr } from '../../../../../shared/domain/format';
import { seatsUnsetWarning } from '../../../../../shared/domain/forbund/ordning';
import { userMessage } from '../../../api/client';
import { notifySuccess } from '../../../lib/notify';
import { appendEvent } from '../../../state/actions';
import { useFederation } from '../../../state/federation';
import { DecisionFields } from './DecisionFields';
import { recordDraft, servingWithJav } from './minutes-view';
import { JavList, MotionList, NoteList, ReservationList, VoteBlock } from './RecordLists';
import { PresidingField, QualifiedLine } from './PresidingFields';

/**
 * One § during the meeting: the item and its förslag till beslut, and the
 * whole record (beslut, jäv, yrkanden, omröstning, reservationer,
 * protokollsanteckningar, justerare, omedelbar justering, expediering).
 * Saved as one minutes.item.recorded; a refusal is shown as the main side
 * wrote it and nothing is stored.
 */
export function ItemRecordForm({ m, item, number, editable }: { m: MeetingState; item: AgendaItem; number: number; editable: boolean }) {
  const { state } = useFederation();
  const [record, setRecord] = useState<ItemRecord>(() => recordDraft(state, m, item));
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const javIds = record.jav.map((j) => j.personId).filter((id) => id !== '');
  const serving = servingWithJav(state, m, item.id, javIds);
  const base = servingWithJav(state, m, item.id, []);
  // Everyone in the room for this item: beslutande, other ersättare and the jäviga (who leave for the §).
  const present = [...new Set([...(base?.deciding.map((d) => d.personId) ?? []), ...(base?.substitutesNotServing ?? [])])];
  const props = { record, onChange: setRecord, disabled: !editable, serving, present, election: item.kind === 'election' };
  // Everyone present may be ticked; the domain rule (adjusterProblem) refuses staff, ersättare who do not serve and the chair, with the reason.
  const inRoom = [...new Set([...(base?.deciding.map((d) => d.personId) ?? []), ...(base?.substitutesNotServing ?? []), ...(base?.others ?? [])])];
  const adjusterRefusal = item.kind === 'adjusters' ? adjusterProblem(state, m, record.adjusters) : null;
  // KL 6 kap 27 §: a decision in a § that is not quorate needs the meeting's "continued anyway" and its reason.
  const { seats, fixed: seatsFixed, registered } = boardSeats(state, m.date);
  const notQuorate = (item.kind === 'decision' || item.kind === 'election') && (serving?.deciding.length ?? 0) * 2 <= seats;

  async function save() {
    setBusy(true);
    setRefusal(null);
    try {
      await appendEvent('minutes.item.recorded', { meetingId: m.id, itemId: item.id, ...clean(record) }, headsOf(state, m.id));
      notifySuccess(`§ ${number} är protokollförd`, item.title);
    } catch (err) {
      setRefusal(userMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={`item-${item.id}`}>
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={3} size="h4" id={`item-${item.id}`}>{`§ ${number} ${item.title}`}</Title>
          {item.dnr && <Text size="sm" c="dimmed">{formatDnr(item.dnr)}</Text>}
        </Stack>
        {item.summary && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{item.summary}</Text>}
        {item.proposal && (
          <Text size="sm"><Text span fw={600}>Förslag till beslut: </Text>{item.proposal}</Text>
        )}
        <DecisionFields item={item} meetingId={m.id} decision={record.decision ?? recordDraft(state, m, item).decision!} onChange={(d) => setRecord({ ...record, decision: d })} disabled={!editable} />
        {item.kind === 'adjusters' && (
          <Checkbox.Group label="Justerare (jämte ordföranden)" value={record.adjusters} onChange={(v) => setRecord(withAdjusters(record, v.slice(0, 5), (id) => state.persons[id]?.name ?? ''))}>
            <Group mt="xs">
              {inRoom.map((id) => <Checkbox key={id} value={id} label={state.persons[id]?.name ?? ''} disabled={!editable} />)}
            </Group>
          </Checkbox.Group>
        )}
        {adjusterRefusal && (
          <Alert color="red" title="Justeraren kan inte väljas" role="alert" data-testid="adjuster-refusal">{adjusterRefusal}</Alert>
        )}
        {notQuorate && (
          <Alert color="orange" title="Styrelsen är inte beslutför i paragrafen" data-testid="quorum-continue">
            <Stack gap="xs">
              <Text size="sm">{`${serving?.deciding.length ?? 0} av ${seats} ledamöter${seatsFixed ? ' enligt förbundsordningen' : ''} tjänstgör; mer än hälften krävs. Bordlägg ärendet, eller anteckna att sammanträdet fortsatte ändå och varför. Skälet står i protokollet.`}</Text>
              {!seatsFixed && <Text size="sm" c="dimmed">{seatsUnsetWarning(registered)}</Text>}
              <Checkbox label="Sammanträdet fortsatte ändå" disabled={!editable} checked={record.quorumContinued !== undefined} onChange={(e) => setRecord(withQuorum(record, e.currentTarget.checked ? '' : null))} />
              {record.quorumContinued !== undefined && (
                <Textarea label="Skäl" autosize minRows={1} maxLength={2000} disabled={!editable} value={record.quorumContinued.reason} onChange={(e) => setRecord(withQuorum(record, e.currentTarget.value))} />
              )}
            </Stack>
          </Alert>
        )}
        <PresidingField item={item} record={record} onChange={setRecord} disabled={!editable} serving={serving} />
        <Divider />
        <JavList {...props} />
        <MotionList {...props} />
        <VoteBlock {...props} />
        <ReservationList {...props} />
        <QualifiedLine item={item} record={record} onChange={setRecord} disabled={!editable} serving={serving} />
        <NoteList {...props} />
        <Divider />
        <Checkbox label="Justeras omedelbart" description="Paragrafen justeras vid sammanträdet och kan expedieras före resten av protokollet." disabled={!editable} checked={record.urgent} onChange={(e) => setRecord({ ...record, urgent: e.currentTarget.checked })} />
        <Textarea label="Expedieras till" description="En mottagare per rad." autosize minRows={1} disabled={!editable} value={record.sendTo.join('\n')} onChange={(e) => setRecord({ ...record, sendTo: e.currentTarget.value.split('\n') })} />
        {refusal && (
          <Alert color="red" title="Paragrafen sparades inte" role="alert" data-testid="record-refusal">{refusal}</Alert>
        )}
        {editable && (
          <Group>
            <Button onClick={() => void save()} loading={busy} disabled={adjusterRefusal !== null}>{`Spara § ${number}`}</Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * New justerare: the decision text follows the names while it is still the
 * standard sentence (otherwise the § would read "utse … att jämte
 * ordföranden"); a text the secretary wrote is left as it is.
 */
function withAdjusters(r: ItemRecord, adjusters: string[], name: (id: string) => string): ItemRecord {
  const standard = (ids: readonly string[]) => defaultDecision('adjusters', ids.map(name), false).text;
  const decision = r.decision && r.decision.text === standard(r.adjusters) ? { ...r.decision, text: standard(adjusters) } : r.decision;
  return { ...r, adjusters, decision };
}

/** Sets or clears "continued anyway" (null clears). */
function withQuorum(r: ItemRecord, reason: string | null): ItemRecord {
  const { quorumContinued: _q, ...rest } = r;
  return reason === null ? rest : { ...rest, quorumContinued: { reason } };
}

/** A lot drawn for a tie that is no longer a tie (votes changed since) is not part of the record. */
function withoutStaleLot(v: NonNullable<ItemRecord['vote']>): NonNullable<ItemRecord['vote']> {
  if (!v.lot) return v;
  const yes = v.closed ? (v.count?.ja ?? 0) : v.votes.filter((x) => x.vote === 'ja').length;
  const no = v.closed ? (v.count?.nej ?? 0) : v.votes.filter((x) => x.vote === 'nej').length;
  if (yes === no) return v;
  const { lot: _lot, ...rest } = v;
  return rest;
}

/** Rows left empty in the form are not part of the record; the main side checks the rest. */
function clean(record: ItemRecord): ItemRecord {
  // A blank reason is no reason: left out, so the domain's refusal says what is missing.
  const r = record.quorumContinued && record.quorumContinued.reason.trim() === '' ? withQuorum(record, null) : record;
  return {
    ...r,
    vote: r.vote ? withoutStaleLot(r.vote) : null,
    jav: r.jav.filter((j) => j.personId !== ''),
    ...(r.javDismissed ? { javDismissed: r.javDismissed.filter((d) => d.personId !== '' && d.raisedBy !== '') } : {}),
    motions: r.motions.filter((x) => x.personId !== ''),
    reservations: r.reservations.filter((x) => x.personId !== ''),
    notes: r.notes.filter((x) => x.personId !== '' && x.text.trim() !== ''),
    sendTo: r.sendTo.map((s) => s.trim()).filter((s) => s !== ''),
  };
}
