import { Alert, Anchor, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import type { Application } from '../../../../../shared/domain/applications';
import { headsOf, rosterOf } from '../../../../../shared/domain/events';
import { userMessage } from '../../../api/client';
import { ShortCode } from '../../../components/ShortCode';
import { PageTitle } from '../../../components/PageTitle';
import { notifySuccess } from '../../../lib/notify';
import { newId, today } from '../../../lib/roster';
import { appendEvent } from '../../../state/actions';
import { useFederation } from '../../../state/federation';
import { useSession } from '../../../state/session-store';
import { AttachmentsEditor } from './AttachmentsEditor';
import { BasicsSection } from './BasicsSection';
import { BudgetEditor } from './BudgetEditor';
import { ClosingSections, ContentSections } from './ContentSections';
import { draftIssues, emptyDraft, fieldId, issueLabel, messagesFor, nextVersionDraft, type Draft } from './draft';
import type { FormPart } from './form-kit';

/**
 * Registrera ansökan (or a new version of one): a full page with every field
 * of the ansökan, grouped as the application reads. Messages show beside a
 * field once the user leaves it, and all at once with a summary at the top
 * when they try to save; only a draft without issues is signed, as
 * `application.registered` (version 1) or `application.revised` (version + 1).
 */
export function ApplicationForm({ current, onCancel, onSaved }: { current: Application | null; onCancel(): void; onSaved(id: string): void }) {
  const { state } = useFederation();
  const session = useSession();
  const [draft, setDraft] = useState<Draft>(() => (current ? nextVersionDraft(current) : emptyDraft(newId(), today())));
  const [addedYears, setAddedYears] = useState<string[]>([]);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const organisations = useMemo(() => rosterOf(state).organisations, [state]);
  const issues = useMemo(() => draftIssues(draft, organisations), [draft, organisations]);

  const part: FormPart = {
    draft,
    edit: (fn) =>
      setDraft((d) => {
        const next = structuredClone(d);
        fn(next);
        return next;
      }),
    err: (path) => {
      if (!tried && !touched.has(fieldId(path))) return undefined;
      const messages = messagesFor(issues, path);
      return messages.length > 0 ? messages.join(' ') : undefined;
    },
    state,
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    setFailure(null);
    if (issues.length > 0) {
      // The summary takes focus so a screen reader hears what to fix.
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setConfirming(true);
  }

  async function sign() {
    setBusy(true);
    try {
      if (current) await appendEvent('application.revised', draft, headsOf(state, draft.id));
      else await appendEvent('application.registered', draft, []);
      notifySuccess(current ? 'Den nya versionen registrerades' : 'Ansökan registrerades', `${draft.name.trim()} skickas till styrelsen med ditt nästa paket.`);
      onSaved(draft.id);
    } catch (err) {
      setConfirming(false);
      setFailure(userMessage(err));
      setBusy(false);
    }
  }

  const title = current ? `Ny version av ${current.name}` : 'Registrera ansökan';
  const verb = current ? `Registrera version ${draft.version}` : 'Registrera ansökan';

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={title}
      onBlurCapture={(e) => {
        const id = (e.target as HTMLElement).id;
        if (id.startsWith('f-') && !touched.has(id)) setTouched(new Set(touched).add(id));
      }}
    >
      <Stack gap="lg">
        <Group>
          <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onCancel}>
            {current ? 'Tillbaka utan att spara' : 'Avbryt och gå till listan'}
          </Button>
        </Group>
        <Stack gap={4}>
          <PageTitle>{title}</PageTitle>
          <Text c="dimmed" mt={-12}>
            {current
              ? `Version ${draft.version} ersätter version ${current.version}. Styrelsen ser vad som ändrats, fält för fält; tidigare versioner finns kvar.`
              : 'Fälten följer ansökans mall. Fält med * måste fyllas i. Ansökan sparas först när allt stämmer och du har signerat.'}
          </Text>
        </Stack>

        {tried && issues.length > 0 && (
          <Alert color="red" title={`Ansökan kan inte registreras: ${issues.length === 1 ? '1 sak' : `${issues.length} saker`} att rätta`} ref={summaryRef} tabIndex={-1} data-testid="form-error-summary">
            <Text size="sm" mb="xs">Inget har sparats. Rätta följande och försök igen:</Text>
            <List size="sm" spacing={4}>
              {issues.map((i, n) => (
                <List.Item key={`${i.field}-${n}`}>
                  <Anchor
                    href={`#${fieldId(i.field)}`}
                    size="sm"
                    c="inherit"
                    fw={600}
                    underline="always"
                    onClick={(e) => {
                      const el = document.getElementById(fieldId(i.field)) ?? document.getElementById(fieldId(i.field.split('.').slice(0, 2).join('.')));
                      if (!el) return;
                      e.preventDefault();
                      el.scrollIntoView({ block: 'center' });
                      (el.matches('input, select, textarea') ? el : (el.querySelector<HTMLElement>('input, select, textarea') ?? el)).focus();
                    }}
                  >
                    {issueLabel(draft, i.field)}
                  </Anchor>
                  : {i.message}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {failure && (
          <Alert color="red" title="Ansökan sparades inte" role="alert">{failure}</Alert>
        )}

        <BasicsSection {...part} />
        <ContentSections {...part} />
        <BudgetEditor {...part} addedYears={addedYears} setAddedYears={setAddedYears} />
        <ClosingSections {...part} />
        <AttachmentsEditor {...part} />

        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Avbryt</Button>
          <Button type="submit">{verb}</Button>
        </Group>
      </Stack>

      <Modal opened={confirming} onClose={() => setConfirming(false)} title={current ? `Registrera version ${draft.version}?` : 'Registrera ansökan?'} size="lg" closeButtonProps={{ 'aria-label': 'Stäng' }}>
        <Stack gap="md">
          <Text size="sm">
            {current ? `Version ${draft.version} av` : 'Ansökan'} <strong>{draft.name.trim()}</strong> ({draft.registrationNumber.trim()}) signeras och sparas. Den skickas till styrelsen med ditt nästa paket. En registrerad version kan inte ändras, bara ersättas av en ny version.
          </Text>
          {session?.device && (
            <Text size="sm">
              Signeras med den här datorns nyckel <ShortCode code={session.device.shortCode} />.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>Avbryt</Button>
            <Button onClick={() => void sign()} loading={busy}>Signera och registrera</Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}
