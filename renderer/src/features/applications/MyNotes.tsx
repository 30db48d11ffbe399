import { Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { sharedNotesOf } from '../../../../shared/domain/applications';
import { formatDate } from '../../../../shared/domain/format';
import { userMessage } from '../../api/client';
import { ShortCode } from '../../components/ShortCode';
import { loadNote, saveNote } from './review-store';
import { notifyError, notifySuccess } from '../../lib/notify';
import { appendEvent } from '../../state/actions';
import { useFederationDerived } from '../../state/federation';
import { useSession } from '../../state/session-store';

/**
 * Private notes on an ansökan, kept in Dexie on this laptop while the member
 * types. Sharing sends a copy to the förbundschef as a signed note.shared
 * event; the note itself stays here and stays editable.
 */
export function MyNotes({ applicationId, me, jav = false }: { applicationId: string; me: string; jav?: boolean }) {
  const [text, setText] = useState<string | null>(null);
  const [sharing, setSharing] = useState(false);
  // What is on disk: the member sees that the note is kept (and a test waits on it, not on time).
  const [saved, setSaved] = useState<'saving' | 'saved' | null>(null);
  const saves = useRef(0);
  const everSaved = useRef(false);
  // The latest typed text, so a slow load never overwrites what the member wrote.
  const typed = useRef(false);

  useEffect(() => {
    let live = true;
    typed.current = false;
    setText(null);
    setSaved(null);
    everSaved.current = false;
    void loadNote(applicationId).then((t) => {
      if (live && !typed.current) setText(t);
    });
    return () => {
      live = false;
    };
  }, [applicationId]);

  // My shared notes, watched as such: a stance does not render the notes (and their text area) again (issue #16).
  const mine = useFederationDerived((s) => sharedNotesOf(s, applicationId).filter((n) => n.author === me), [applicationId, me]);
  const last = mine[0];

  return (
    <Stack gap="xs">
      <Textarea
        label="Mina anteckningar (stannar på den här datorn)"
        description="Sparas medan du skriver. Ingen annan ser dem och de skickas aldrig i paket, om du inte själv delar dem med förbundschefen."
        autosize
        minRows={3}
        // Off: Chromium otherwise keeps a form field's text in its session files on disk, in clear (issue #14).
        autoComplete="off"
        value={text ?? ''}
        disabled={text === null}
        onChange={(e) => {
          const v = e.currentTarget.value;
          typed.current = true;
          setText(v);
          const mySave = ++saves.current;
          setSaved('saving');
          saveNote(applicationId, v)
            .then(() => {
              everSaved.current = true;
              if (mySave === saves.current) setSaved('saved');
            })
            .catch((err: unknown) => {
              if (mySave === saves.current) setSaved(null);
              notifyError('Anteckningen kunde inte sparas', userMessage(err));
            });
        }}
      />
      {/* The sentence stays while later keystrokes are saved, so a screen reader hears it once. */}
      <Text size="xs" c="dimmed" aria-live="polite" data-testid="note-saved" data-state={saved ?? 'idle'}>
        {everSaved.current || saved === 'saved' ? 'Anteckningen är sparad på den här datorn.' : '\u00a0'}
      </Text>
      <Group gap="sm">
        {jav ? (
          <Text size="xs" c="dimmed">Du har anmält jäv och delar därför inga anteckningar om ansökan.</Text>
        ) : (
          <Button variant="default" size="xs" disabled={!text || text.trim() === ''} onClick={() => setSharing(true)}>
            Dela anteckningen med förbundschefen
          </Button>
        )}
        {last && (
          <Text size="xs" c="dimmed" data-testid="note-shared-at">
            Delad med förbundschefen {formatDate(last.at)}{mine.length > 1 ? ` (${mine.length} gånger)` : ''}.
          </Text>
        )}
      </Group>
      <ShareNoteDialog applicationId={applicationId} text={text ?? ''} opened={sharing} onClose={() => setSharing(false)} />
    </Stack>
  );
}

function ShareNoteDialog({ applicationId, text, opened, onClose }: { applicationId: string; text: string; opened: boolean; onClose(): void }) {
  const session = useSession();
  const [busy, setBusy] = useState(false);

  async function share() {
    setBusy(true);
    try {
      await appendEvent('note.shared', { applicationId, text: text.trim() }, []);
      notifySuccess('Anteckningen delades', 'En kopia skickas till förbundschefen med ditt nästa paket. Din anteckning finns kvar här.');
      onClose();
    } catch (err) {
      notifyError('Anteckningen kunde inte delas', userMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Dela anteckningen med förbundschefen?" size="lg" closeButtonProps={{ 'aria-label': 'Stäng' }}>
      <Stack gap="md">
        <Text size="sm">
          Förbundschefen får en kopia av anteckningen som den ser ut nu. Den kan inte tas tillbaka när paketet har skickats. Ändrar du anteckningen senare kan du dela den igen.
        </Text>
        <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="note-to-share">{text.trim()}</Text>
        </Paper>
        {session?.device && (
          <Text size="sm">
            Delningen signeras med den här datorns nyckel <ShortCode code={session.device.shortCode} />.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Avbryt</Button>
          <Button onClick={() => void share()} loading={busy}>Dela anteckningen</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
