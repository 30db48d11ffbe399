import { Alert, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { currentApplication, headsOf, type FederationState } from '../../../../shared/domain/events';
import { IsoDate } from '../../../../shared/domain/forbund/model';
import { justeringPlanWarning, meetingDayWarning, VIDEO_LINK_MAX, type AgendaItem, type MeetingState } from '../../../../shared/domain/meetings';
import { api, userMessage } from '../../api/client';
import { ShortCode } from '../../components/ShortCode';
import { PageTitle } from '../../components/PageTitle';
import { notifySuccess } from '../../lib/notify';
import { newId, today } from '../../lib/roster';
import { appendEvent, refreshAll } from '../../state/actions';
import { useFederation } from '../../state/federation';
import { useSession } from '../../state/session-store';
import { openMeeting } from '../../routes/router';
import { AgendaEditor } from './AgendaEditor';
import { CalledPicker } from './CalledPicker';
import { createdPayload, draftOf, hasErrors, meetingDateWarning, newDraft, updatedPayload, validateDraft, type DraftErrors, type MeetingDraft } from './meeting-draft';

/**
 * Shares the ansökan attachments an item lists that are not yet shared with
 * the board: the meeting rules accept only shared documents as handlingar.
 */
async function shareAttachments(state: FederationState, agenda: readonly AgendaItem[]): Promise<boolean> {
  let shared = false;
  for (const item of agenda) {
    const app = item.applicationId ? currentApplication(state, item.applicationId) : undefined;
    for (const sha of item.documents) {
      if (state.documents[sha]) continue;
      const a = app?.attachments.find((x) => x.sha256 === sha);
      if (!a) continue;
      await api['documents.share']({ sha256: sha, title: a.title || a.fileName, confidential: a.confidential, oslReference: a.oslReference ?? undefined });
      shared = true;
    }
  }
  return shared;
}

/** "Nytt sammanträde" / "Ändra sammanträdet": a full page (not a modal), saved as one signed event. */
export function MeetingForm({ meeting }: { meeting: MeetingState | null }) {
  const { state, me, eventCount } = useFederation();
  const session = useSession();
  const [draft, setDraft] = useState<MeetingDraft>(() => (meeting ? draftOf(state, meeting) : newDraft(state, today(), me)));
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const errors: DraftErrors | null = submitted ? validateDraft(state, draft) : null;
  const dateWarning = meetingDateWarning(draft.date, today());
  const [touched, setTouched] = useState(false);
  const set = (over: Partial<MeetingDraft>) => {
    setTouched(true);
    setDraft((d) => ({ ...d, ...over }));
  };
  // Until the user starts typing, a new meeting's draft follows what arrives (e.g. an ansökan in a package just imported).
  useEffect(() => {
    if (!meeting && !touched) setDraft(newDraft(state, today(), me));
  }, [eventCount]);
  const back = () => openMeeting(meeting?.id ?? null);
  const validDate = (s: string): string | null => (IsoDate.safeParse(s.trim()).success ? s.trim() : null);
  const meetingDate = validDate(draft.date);
  const justeringDate = validDate(draft.justeringDate);
  const dayWarning = meetingDate ? meetingDayWarning(meetingDate) : null;
  const justeringWarning = meetingDate && justeringDate ? justeringPlanWarning(meetingDate, justeringDate) : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setFailure(null);
    if (hasErrors(validateDraft(state, draft))) return;
    setBusy(true);
    try {
      if (await shareAttachments(state, draft.agenda)) await refreshAll();
      if (!meeting) {
        const id = newId();
        await appendEvent('meeting.created', createdPayload(state, draft, id), []);
        notifySuccess('Sammanträdet är planerat', `${draft.date.trim()}. Skapa kallelsen när föredragningslistan är klar.`);
        openMeeting(id);
      } else {
        const payload = updatedPayload(state, meeting, draft);
        if (payload) {
          await appendEvent('meeting.updated', payload, headsOf(state, meeting.id));
          notifySuccess('Sammanträdet är ändrat', meeting.calledOn ? 'Kallelsen är redan skickad: skapa en ny kallelse och skicka den igen så att alla får ändringen.' : draft.date.trim());
        }
        openMeeting(meeting.id);
      }
    } catch (err) {
      setFailure(userMessage(err));
      setBusy(false);
    }
  };

  const title = meeting ? `Ändra sammanträdet ${meeting.date}` : 'Nytt sammanträde';
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
      <Stack gap="lg">
        <Group>
          <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={back}>
            {meeting ? 'Tillbaka till sammanträdet' : 'Tillbaka till listan'}
          </Button>
        </Group>
        <PageTitle>{title}</PageTitle>
        <Paper withBorder p="lg" component="section" aria-labelledby="when-heading">
          <Stack gap="sm">
            <Title order={2} size="h3" id="when-heading">Tid och plats</Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <TextInput
                label="Datum"
                description="ÅÅÅÅ-MM-DD"
                required
                value={draft.date}
                onChange={(e) => set({ date: e.currentTarget.value })}
                error={errors?.date}
                autoComplete="off"
              />
              <TextInput label="Starttid" description="TT.MM, till exempel 09.00" required value={draft.startTime} onChange={(e) => set({ startTime: e.currentTarget.value })} error={errors?.startTime} autoComplete="off" />
              <TextInput label="Plats" description="Lokal och adress" required value={draft.place} onChange={(e) => set({ place: e.currentTarget.value })} error={errors?.place} maxLength={300} />
            </SimpleGrid>
            {dayWarning && (
              <Alert color="yellow" title="Helgdag eller helg" data-testid="meeting-day-warning">
                {dayWarning}
              </Alert>
            )}
            {dateWarning && !errors?.date && (
              <Text size="sm" id="meeting-date-warning" data-testid="meeting-date-warning" role="status">
                {dateWarning}
              </Text>
            )}
            <Checkbox label="Deltagande på distans erbjuds" checked={draft.distanceOffered} onChange={(e) => set({ distanceOffered: e.currentTarget.checked })} />
            {draft.distanceOffered && (
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                <TextInput
                  label="Länk till videomötet"
                  description="Börjar med https://. Står i kallelsen som en länk."
                  type="url"
                  inputMode="url"
                  placeholder="https://"
                  value={draft.videoLink}
                  onChange={(e) => set({ videoLink: e.currentTarget.value })}
                  error={errors?.videoLink}
                  maxLength={VIDEO_LINK_MAX}
                  autoComplete="off"
                  spellCheck={false}
                />
                <Textarea
                  label="Så deltar man på distans"
                  description="Instruktioner, till exempel vem man ringer vid problem. Står i kallelsen."
                  autosize
                  minRows={2}
                  maxLength={1000}
                  value={draft.distance}
                  onChange={(e) => set({ distance: e.currentTarget.value })}
                  error={errors?.distance}
                />
              </SimpleGrid>
            )}
          </Stack>
        </Paper>
        <CalledPicker state={state} date={draft.date.trim()} leftOut={draft.leftOut} error={errors?.called} onChange={(leftOut) => set({ leftOut })} />
        <Paper withBorder p="lg" component="section" aria-labelledby="justering-heading">
          <Stack gap="sm">
            <Title order={2} size="h3" id="justering-heading">Justering och numrering</Title>
            <Text size="sm" c="dimmed">Tid och plats för justeringen står i kallelsen och beslutas under punkten Val av justerare. Kan lämnas tomt och bestämmas senare.</Text>
            {errors?.justering && <Alert color="red">{errors.justering}</Alert>}
            {justeringWarning && (
              <Alert color="yellow" data-testid="justering-date-warning">
                {justeringWarning}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <TextInput label="Justeringens datum" description="ÅÅÅÅ-MM-DD" value={draft.justeringDate} onChange={(e) => set({ justeringDate: e.currentTarget.value })} autoComplete="off" />
              <TextInput label="Justeringens plats" value={draft.justeringPlace} onChange={(e) => set({ justeringPlace: e.currentTarget.value })} maxLength={300} />
              <TextInput
                label="Första paragraf (valfritt)"
                description="Tomt = löpande nummer för året"
                value={draft.firstParagraph}
                onChange={(e) => set({ firstParagraph: e.currentTarget.value })}
                error={errors?.firstParagraph}
                inputMode="numeric"
                disabled={meeting?.numberedFrom != null}
              />
            </SimpleGrid>
          </Stack>
        </Paper>
        <AgendaEditor state={state} meetingId={meeting?.id ?? null} date={draft.date} agenda={draft.agenda} errors={errors} onChange={(agenda) => set({ agenda })} />
        {errors && hasErrors(errors) && (
          <Alert color="red" title="Sammanträdet sparades inte">
            Rätta det som är markerat i formuläret och spara igen.
          </Alert>
        )}
        {failure && (
          <Alert color="red" title="Sammanträdet sparades inte">
            {failure}
          </Alert>
        )}
        <Group justify="space-between">
          {session?.device ? (
            <Text size="sm">
              Sparas och signeras med den här datorns nyckel <ShortCode code={session.device.shortCode} />.
            </Text>
          ) : (
            <span />
          )}
          <Group>
            <Button variant="default" onClick={back}>Avbryt</Button>
            <Button type="submit" loading={busy}>{meeting ? 'Spara ändringarna' : 'Spara sammanträdet'}</Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
