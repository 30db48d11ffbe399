import { Alert, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { JAV_GROUND_LABEL, STANCE_LABEL, Stance, type JavGround, type Stance as StanceValue } from '../../../../shared/domain/applications';
import { headsOf } from '../../../../shared/domain/events';
import { formatDate } from '../../../../shared/domain/format';
import { userMessage } from '../../api/client';
import { notifyError, notifySuccess } from '../../lib/notify';
import { newId } from '../../lib/roster';
import { appendEvent } from '../../state/actions';
import { federationNow, isPending, useFederationDerived, useFederationSelector, usePendingChanges } from '../../state/federation';
import { PendingNote } from '../../components/PendingNote';
import { JavDialog } from './JavDialog';
import { JavSuggestionNotice, javSuggestionsFor, javTextFrom } from './JavSuggestion';
import { MyNotes } from './MyNotes';
import { ReadMarker } from './ReadMarker';

/** A board member's own review: read marker, stance (unless jäv), questions to the förbundschef, jäv and private notes. */
export function MyReview({ applicationId, me }: { applicationId: string; me: string }) {
  // Each part watches what it shows (issue #16): my stance re-renders the stance form, not the questions or notes.
  const pending = usePendingChanges();
  const myJav = useFederationSelector((s) => s.applications[applicationId]?.javDeclarations[me]);
  const version = useFederationSelector((s) => s.applications[applicationId]?.current ?? 1);
  const [javOpen, setJavOpen] = useState(false);
  const [javInitial, setJavInitial] = useState<{ ground: JavGround; text: string } | null>(null);
  const suggestions = useFederationDerived((s) => (myJav ? [] : javSuggestionsFor(s, applicationId, me)), [applicationId, me, myJav]);

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="my-review-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="my-review-heading">Min granskning</Title>
        <ReadMarker applicationId={applicationId} version={version} />
        {myJav ? (
          <Alert color="blue" title="Du har anmält jäv">
            <Text size="sm">
              {JAV_GROUND_LABEL[myJav.ground]}, anmält {formatDate(myJav.declaredAt)}: {myJav.text}
            </Text>
            <Text size="sm" mt="xs">Du deltar därför inte i beredningen (inga frågor, delade anteckningar eller ställningstagande) och inte i beslutet.</Text>
            {isPending(pending, 'jav.declared', { applicationId }) && <PendingNote />}
          </Alert>
        ) : (
          <>
            <JavSuggestionNotice
              suggestions={suggestions}
              onDeclare={(s) => {
                setJavInitial({ ground: s.ground, text: javTextFrom(s) });
                setJavOpen(true);
              }}
            />
            <StanceForm applicationId={applicationId} me={me} />
            <Group>
              <Button
                variant="default"
                onClick={() => {
                  setJavInitial(null);
                  setJavOpen(true);
                }}
              >
                Anmäl jäv
              </Button>
            </Group>
          </>
        )}
        <Questions applicationId={applicationId} me={me} jav={!!myJav} />
        <MyNotes applicationId={applicationId} me={me} jav={!!myJav} />
      </Stack>
      <JavDialog applicationId={applicationId} opened={javOpen} initial={javInitial} onClose={() => setJavOpen(false)} />
    </Paper>
  );
}

function StanceForm({ applicationId, me }: { applicationId: string; me: string }) {
  const pending = usePendingChanges();
  const current = useFederationSelector((s) => s.applications[applicationId]?.stances[me]);
  const [stance, setStance] = useState<StanceValue | null>(current?.stance ?? null);
  const [comment, setComment] = useState(current?.comment ?? '');
  const [busy, setBusy] = useState(false);
  const choices = useRef<HTMLDivElement>(null);

  async function save() {
    if (!stance) return;
    setBusy(true);
    try {
      await appendEvent('stance.set', { applicationId, stance, comment: comment.trim() === '' ? null : comment.trim() }, headsOf(federationNow(), applicationId));
      notifySuccess('Ställningstagandet sparades', `Du ${STANCE_LABEL[stance].toLowerCase()}. Det skickas till förbundschefen med ditt nästa paket.`);
      // The button was disabled while saving, which drops focus to the page: give it to the choice just saved.
      choices.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
    } catch (err) {
      notifyError('Ställningstagandet kunde inte sparas', userMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="sm">
      <Radio.Group
        label="Mitt ställningstagande"
        description={`${current ? `Senast sparat ${formatDate(current.setAt)}: ${STANCE_LABEL[current.stance]}.` : 'Inget sparat ännu. Du kan ändra dig fram till sammanträdet.'} Välj med musen eller med piltangenterna.`}
        value={stance ?? ''}
        onChange={(v) => setStance(Stance.safeParse(v).success ? (v as StanceValue) : null)}
      >
        <Group mt="xs" ref={choices}>
          {Stance.options.map((s) => (
            <Radio key={s} value={s} label={STANCE_LABEL[s]} />
          ))}
        </Group>
      </Radio.Group>
      {current && isPending(pending, 'stance.set', { applicationId }) && <PendingNote />}
      <CommentField value={comment} onChange={setComment} />
      <Group>
        <Button onClick={() => void save()} loading={busy} disabled={!stance}>Spara ställningstagande</Button>
      </Group>
    </Stack>
  );
}

/**
 * The stance's comment, rendered again only when its text changes: the form
 * around it renders while saving, and an autosizing text area measures the
 * page (a forced layout) each time it renders.
 */
const CommentField = memo(function CommentField({ value, onChange }: { value: string; onChange(value: string): void }) {
  return <Textarea label="Kommentar till ställningstagandet (valfri)" autosize minRows={2} maxLength={2000} value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
});

const Questions = memo(function Questions({ applicationId, me, jav }: { applicationId: string; me: string; jav: boolean }) {
  const pending = usePendingChanges();
  const questions = useFederationSelector((s) => s.applications[applicationId]?.questions);
  const mine = useMemo(
    () =>
      Object.values(questions ?? {})
        .filter((q) => q.askedBy === me)
        .sort((a, b) => (a.askedAt < b.askedAt ? -1 : 1)),
    [questions, me],
  );
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  // The question just sent takes the focus once it is listed (the emptied field disables the button that had it).
  const [sent, setSent] = useState<string | null>(null);
  useEffect(() => {
    if (!sent) return;
    const el = document.querySelector<HTMLElement>(`[data-question-id="${sent}"]`);
    if (el) {
      el.focus();
      setSent(null);
    }
  }, [sent, mine.length]);

  async function ask() {
    if (text.trim() === '') return;
    setBusy(true);
    try {
      const id = newId();
      await appendEvent('question.asked', { id, applicationId, text: text.trim() }, []);
      setSent(id);
      setText('');
      notifySuccess('Frågan sparades', 'Den skickas till förbundschefen med ditt nästa paket.');
    } catch (err) {
      notifyError('Frågan kunde inte skickas', userMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="sm">
      <Title order={3} size="h4">Mina frågor till förbundschefen</Title>
      {mine.length === 0 ? (
        <Text size="sm" c="dimmed">Du har inte ställt några frågor om ansökan.</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {mine.map((q) => (
            <li key={q.id}>
              <Paper withBorder p="sm" data-testid="my-question" data-question-id={q.id} tabIndex={-1}>
                <Text size="sm" fw={600}>Fråga {formatDate(q.askedAt)}</Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{q.text}</Text>
                {q.answer ? (
                  <>
                    <Text size="sm" fw={600} mt="xs">Svar {formatDate(q.answer.answeredAt)}</Text>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{q.answer.text}</Text>
                  </>
                ) : isPending(pending, 'question.asked', { id: q.id }) ? (
                  <PendingNote />
                ) : (
                  <Text size="sm" c="dimmed" mt="xs">Inte besvarad ännu.</Text>
                )}
              </Paper>
            </li>
          ))}
        </Stack>
      )}
      {jav ? (
        <Text size="sm" c="dimmed">Du har anmält jäv och ställer därför inga frågor om ansökan.</Text>
      ) : (
        <>
          <Textarea label="Ny fråga till förbundschefen" autosize minRows={2} maxLength={5000} value={text} onChange={(e) => setText(e.currentTarget.value)} />
          <Group>
            <Button variant="default" onClick={() => void ask()} loading={busy} disabled={text.trim() === ''}>Skicka fråga</Button>
          </Group>
        </>
      )}
    </Stack>
  );
});
