import { Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { JAV_GROUND_LABEL } from '../../../../shared/domain/applications';
import { headsOf, personName, type QuestionState } from '../../../../shared/domain/events';
import { formatDate } from '../../../../shared/domain/format';
import { userMessage } from '../../api/client';
import { stanceCounts } from './application-rows';
import { notifyError, notifySuccess } from '../../lib/notify';
import { today } from '../../lib/roster';
import { appendEvent } from '../../state/actions';
import { useFederation } from '../../state/federation';
import { SharedNotes } from './SharedNotes';

/** The förbundschef's view of one ansökan: the board's stances counted, open questions to answer, jäv declared. */
export function DirectorPanel({ applicationId }: { applicationId: string }) {
  const { state } = useFederation();
  const app = state.applications[applicationId]!;
  const counts = stanceCounts(state, app, today());
  const questions = Object.values(app.questions).sort((a, b) => (a.askedAt < b.askedAt ? -1 : 1));
  const open = questions.filter((q) => !q.answer);
  const answered = questions.filter((q) => q.answer);
  const jav = Object.entries(app.javDeclarations).sort(([a], [b]) => personName(state, a).localeCompare(personName(state, b), 'sv'));
  const items = [
    { label: 'Tillstyrker', value: counts.support },
    { label: 'Avstyrker', value: counts.oppose },
    { label: 'Vill diskutera', value: counts.discuss },
    { label: 'Ej tagit ställning', value: counts.none },
  ];

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="board-review-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="board-review-heading">Styrelsens granskning</Title>
        <SimpleGrid cols={2} spacing="sm">
          {items.map((i) => (
            <Paper key={i.label} withBorder p="sm">
              <Text size="sm" c="dimmed">{i.label}</Text>
              <Text fz={24} fw={700} lh={1.2} data-testid={`stance-count-${i.label}`}>{i.value}</Text>
            </Paper>
          ))}
        </SimpleGrid>
        <Text size="sm" c="dimmed">Räknat på ställningstaganden som har kommit hit i paket. Den som har anmält jäv räknas inte.</Text>

        <Title order={3} size="h4">Obesvarade frågor ({open.length})</Title>
        {open.length === 0 ? (
          <Text size="sm" c="dimmed">Inga frågor väntar på svar.</Text>
        ) : (
          open.map((q) => <AnswerForm key={q.id} question={q} />)
        )}

        {answered.length > 0 && (
          <>
            <Title order={3} size="h4">Besvarade frågor ({answered.length})</Title>
            {answered.map((q) => (
              <Paper key={q.id} withBorder p="sm">
                <Text size="sm" fw={600}>{personName(state, q.askedBy)}, {formatDate(q.askedAt)}</Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{q.text}</Text>
                <Text size="sm" fw={600} mt="xs">Svar {formatDate(q.answer!.answeredAt)}</Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{q.answer!.text}</Text>
              </Paper>
            ))}
          </>
        )}

        <Title order={3} size="h4">Anmält jäv ({jav.length})</Title>
        {jav.length === 0 ? (
          <Text size="sm" c="dimmed">Ingen har anmält jäv.</Text>
        ) : (
          jav.map(([person, d]) => (
            <Paper key={person} withBorder p="sm" data-testid="jav-declaration">
              <Text size="sm" fw={600}>{personName(state, person)}: {JAV_GROUND_LABEL[d.ground]}</Text>
              <Text size="sm">{d.text}</Text>
              <Text size="xs" c="dimmed">Anmält {formatDate(d.declaredAt)}</Text>
            </Paper>
          ))
        )}
        <SharedNotes applicationId={applicationId} />
      </Stack>
    </Paper>
  );
}

function AnswerForm({ question }: { question: QuestionState }) {
  const { state } = useFederation();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const asker = personName(state, question.askedBy);

  async function answer() {
    if (text.trim() === '') return;
    setBusy(true);
    try {
      await appendEvent('question.answered', { questionId: question.id, text: text.trim() }, headsOf(state, question.id));
      notifySuccess('Svaret sparades', `Det skickas till ${asker} med ditt nästa paket.`);
    } catch (err) {
      notifyError('Svaret kunde inte sparas', userMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="sm" component="article" aria-label={`Fråga från ${asker}`} data-testid="open-question">
      <Stack gap="xs">
        <Text size="sm" fw={600}>{asker}, {formatDate(question.askedAt)} (version {question.askedOnVersion})</Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{question.text}</Text>
        <Textarea label={`Svar till ${asker}`} autosize minRows={2} maxLength={10_000} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        <Group>
          <Button onClick={() => void answer()} loading={busy} disabled={text.trim() === ''}>Svara</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
