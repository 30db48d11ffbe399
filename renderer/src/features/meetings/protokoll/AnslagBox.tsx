import { Alert, Button, Group, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { headsOf } from '../../../../../shared/domain/events';
import { IsoDate } from '../../../../../shared/domain/forbund/model';
import { anslagDates, lateAnslagWarning, lateJusteringWarning } from '../../../../../shared/domain/meetings';
import { userMessage } from '../../../api/client';
import { notifySuccess } from '../../../lib/notify';
import { today } from '../../../lib/roster';
import { appendEvent } from '../../../state/actions';
import { useFederation } from '../../../state/federation';
import { dateInputError } from '../../../../../shared/domain/date-input';

/**
 * After justering: the anslag as a recorded fact. Before it is recorded the
 * box says so and (for the förbundschef or sekreterare) offers to record the
 * day it was posted; after, the appeal end and laga kraft from that day.
 */
export function AnslagBox({ meetingId, part }: { meetingId: string; part?: number }) {
  const { state, me } = useFederation();
  const m = state.meetings[meetingId]!;
  const [date, setDate] = useState(today());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A § justerad omedelbart has its own anslag and appeal window.
  const lock = part === undefined ? m.locked : (m.lockedParagraphs[String(part)] ?? null);
  if (!lock) return null;
  const posted = (part === undefined ? m.anslag : m.paragraphAnslag?.[String(part)])?.postedOn ?? null;
  const d = anslagDates(lock.date, posted);
  const staff = me ? state.persons[me]?.staffRole : null;
  const mayRecord = staff === 'director' || staff === 'secretary';
  const warnings = [part === undefined ? lateJusteringWarning(m.date, lock.date) : null, lateAnslagWarning(d)].filter((w): w is string => w !== null);
  const candidate = IsoDate.safeParse(date.trim()).success ? anslagDates(lock.date, date.trim()) : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!candidate) return setError(dateInputError(date, 'datumet'));
    setBusy(true);
    try {
      await appendEvent('anslag.posted', { meetingId, postedOn: date.trim(), ...(part === undefined ? {} : { part }) }, headsOf(state, meetingId));
      notifySuccess('Anslaget är registrerat', `Överklagandetiden slutar ${candidate.appealEnds}.`);
    } catch (err) {
      setError(userMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Alert color={posted ? 'green' : 'orange'} title={part === undefined ? `Justerat ${lock.date}` : `§ ${part} justerad omedelbart ${lock.date}`} data-testid={part === undefined ? 'anslag-box' : 'anslag-box-paragraph'}>
      {posted ? (
        <>
          <Text size="sm">Anslaget sattes upp {posted} och tas ned tidigast {d.finalFrom}.</Text>
          <Text size="sm">Överklagandetiden slutar {d.appealEnds}; besluten vinner laga kraft {d.finalFrom} om de inte överklagas.</Text>
        </>
      ) : (
        <>
          <Text size="sm" fw={600}>Anslag ej uppsatt.</Text>
          <Text size="sm">Justeringen ska tillkännages på anslagstavlan senast {d.latestPosting}. Överklagandetiden räknas från den dag anslaget sätts upp.</Text>
          {mayRecord && (
            <form onSubmit={(e) => void submit(e)} aria-label={part === undefined ? 'Registrera anslaget' : `Registrera anslaget för § ${part}`} noValidate>
              <Group align="flex-end" mt="xs">
                <TextInput label="Anslaget sattes upp" description="ÅÅÅÅ-MM-DD" value={date} onChange={(e) => setDate(e.currentTarget.value)} autoComplete="off" />
                <Button type="submit" loading={busy}>Registrera anslaget</Button>
              </Group>
              {candidate?.postedLate && <Text size="sm" fw={600} mt={4}>{lateAnslagWarning(candidate)}</Text>}
            </form>
          )}
        </>
      )}
      {warnings.map((w) => (
        <Text key={w} size="sm" fw={600}>{w}</Text>
      ))}
      {error && <Text size="sm" c="red" role="alert">{error}</Text>}
    </Alert>
  );
}
