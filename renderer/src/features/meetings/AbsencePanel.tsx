import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { headsOf } from '../../../../shared/domain/events';
import { calledIds, type MeetingState } from '../../../../shared/domain/meetings';
import { userMessage } from '../../api/client';
import { ShortCode } from '../../components/ShortCode';
import { notifyError, notifySuccess } from '../../lib/notify';
import { appendEvent } from '../../state/actions';
import { isPending, useFederation } from '../../state/federation';
import { PendingNote } from '../../components/PendingNote';
import { useSession } from '../../state/session-store';
import { go } from '../../routes/router';

export const ABSENCE_REMINDER = 'Skicka paketet till förbundschefen så att rätt ersättare kallas in.';

/** Whether `me` may report förhinder for the meeting now: called, and the meeting not yet held. */
export function canReportAbsence(state: Parameters<typeof calledIds>[0], m: MeetingState, me: string | null): boolean {
  return me !== null && !m.locked && m.endTime === null && calledIds(state, m).includes(me);
}

/** A member's own förhinder: "Anmäl förhinder" with an optional reason, and "Ångra förhinder". */
export function AbsencePanel({ meeting }: { meeting: MeetingState }) {
  const { state, me, pending } = useFederation();
  const session = useSession();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  // While my key waits, `state` already shows my own förhinder (see FederationProvider); it is marked as waiting.
  const held = isPending(pending, 'absence.', { meetingId: meeting.id });
  const mine = me ? meeting.absences[me] : undefined;
  // After reporting or withdrawing, the button pressed gives way to the other state: focus follows to the
  // result ("Du har anmält förhinder") or back to "Anmäl förhinder", never the page body (issue #15 item 16).
  const toggled = useRef(false);
  const status = useRef<HTMLParagraphElement>(null);
  const reportButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!toggled.current) return;
    toggled.current = false;
    (mine ? status.current : reportButton.current)?.focus();
  }, [mine !== undefined]);
  if (!me || !canReportAbsence(state, meeting, me)) return null;
  const unsent = (session?.sync.unsent ?? 0) > 0;

  async function report() {
    setBusy(true);
    toggled.current = true;
    try {
      await appendEvent('absence.reported', { meetingId: meeting.id, reason: reason.trim() || null }, headsOf(state, meeting.id));
      notifySuccess('Förhinder anmält', ABSENCE_REMINDER);
      setOpened(false);
      setReason('');
    } catch (err) {
      toggled.current = false;
      notifyError('Förhindret kunde inte anmälas', userMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function withdraw() {
    setBusy(true);
    toggled.current = true;
    try {
      await appendEvent('absence.withdrawn', { meetingId: meeting.id }, headsOf(state, meeting.id));
      notifySuccess('Förhindret är återtaget', 'Du räknas som närvarande igen. Skicka paketet till förbundschefen.');
    } catch (err) {
      toggled.current = false;
      notifyError('Förhindret kunde inte återtas', userMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="absence-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="absence-heading">Din närvaro</Title>
        {mine ? (
          <>
            <Text ref={status} tabIndex={-1} data-testid="absence-status" style={{ overflowWrap: 'anywhere' }}>
              Du har anmält förhinder{mine.reason ? `: ${mine.reason}` : '.'}
            </Text>
            {held && <PendingNote />}
            {unsent && (
              <Alert color="yellow" title="Förhindret är inte skickat ännu">
                {ABSENCE_REMINDER}
              </Alert>
            )}
            <Group>
              {unsent && <Button onClick={() => go('packages')}>Skicka paket</Button>}
              {!held && <Button variant="default" onClick={() => void withdraw()} loading={busy}>Ångra förhinder</Button>}
            </Group>
          </>
        ) : (
          <>
            <Text size="sm">Du är kallad. Kan du inte komma, anmäl förhinder så snart som möjligt så att din ersättare kan kallas in.</Text>
            <Group>
              <Button ref={reportButton} onClick={() => setOpened(true)}>Anmäl förhinder</Button>
            </Group>
          </>
        )}
      </Stack>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Anmäl förhinder" closeButtonProps={{ 'aria-label': 'Stäng' }}>
        <Stack gap="md">
          <Text size="sm">
            Du anmäler att du inte kan delta i sammanträdet {meeting.date}. Förbundschefen ser det när ditt paket har kommit fram och kallar in en ersättare.
          </Text>
          <Textarea label="Anledning (valfritt)" autosize minRows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
          {session?.device && (
            <Text size="sm">
              Anmälan signeras med den här datorns nyckel <ShortCode code={session.device.shortCode} />.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>Avbryt</Button>
            <Button onClick={() => void report()} loading={busy}>Anmäl förhinder</Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
