import { Button, Group, List, Modal, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { TIE_KIND_LABEL, TieKind, tiesOf } from '../../../../shared/domain/applications';
import { headsOf, type FederationState } from '../../../../shared/domain/events';
import { userMessage } from '../../api/client';
import { ShortCode } from '../../components/ShortCode';
import { notifyError, notifySuccess } from '../../lib/notify';
import { OTHER_ORGANISATION, describeTie, emptyTieDraft, fromTieDraft, hasTieErrors, tieErrors, toTieDraft, type TieDraft } from './ties';
import { appendEvent } from '../../state/actions';
import { useSession } from '../../state/session-store';
import { useFederation, useFederationDerived } from '../../state/federation';

/**
 * Min profil on Översikt: the ties the member declares (employer, chefsroll,
 * styrgrupp, styrelseuppdrag). They travel as a signed ties.declared event so
 * every laptop can suggest considering jäv where they match an ansökan.
 */
export function MyProfile({ me }: { me: string }) {
  const [editing, setEditing] = useState(false);
  // My ties in words, watched as such: Översikt's profile does not render again for a stance (issue #16).
  const ties = useFederationDerived((s) => tiesOf(s, me).map((t) => describeTie(s, t)), [me]);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="profile-heading">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h4" id="profile-heading">Min profil: kopplingar</Title>
            <Text size="sm" c="dimmed">Anställning, chefsroll, styrgrupper och styrelseuppdrag. Appen påminner dig om att överväga jäv när en koppling gäller en sökande part.</Text>
          </Stack>
          <Button variant="default" onClick={() => setEditing(true)}>Ändra kopplingar</Button>
        </Group>
        {ties.length === 0 ? (
          <Text size="sm">Du har inte angett några kopplingar.</Text>
        ) : (
          <List spacing={4} size="sm" data-testid="my-ties">
            {ties.map((t, i) => (
              <List.Item key={i}>{t}</List.Item>
            ))}
          </List>
        )}
      </Stack>
      {editing && <TiesDialogWithState me={me} onClose={() => setEditing(false)} />}
    </Paper>
  );
}

/** The dialog reads the whole state, and only while it is open. */
function TiesDialogWithState({ me, onClose }: { me: string; onClose(): void }) {
  const { state } = useFederation();
  return <TiesDialog state={state} me={me} onClose={onClose} />;
}

const KIND_OPTIONS = TieKind.options.map((k) => ({ value: k, label: TIE_KIND_LABEL[k] }));

function TiesDialog({ state, me, onClose }: { state: FederationState; me: string; onClose(): void }) {
  const session = useSession();
  const [drafts, setDrafts] = useState<TieDraft[]>(() => tiesOf(state, me).map(toTieDraft));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [next, setNext] = useState(drafts.length);
  const organisations = Object.values(state.organisations)
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
    .map((o) => ({ value: o.id, label: o.name }));

  const set = (key: string, patch: Partial<TieDraft>) => setDrafts((ds) => ds.map((d) => (d.key === key ? { ...d, ...patch } : d)));

  async function save() {
    setTried(true);
    if (drafts.some((d) => hasTieErrors(tieErrors(d)))) return;
    setBusy(true);
    try {
      await appendEvent('ties.declared', { ties: drafts.map(fromTieDraft) }, headsOf(state, me));
      notifySuccess('Kopplingarna sparades', 'De skickas med ditt nästa paket.');
      onClose();
    } catch (err) {
      notifyError('Kopplingarna kunde inte sparas', userMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title="Mina kopplingar" size="xl" closeButtonProps={{ 'aria-label': 'Stäng' }}>
      <Stack gap="md">
        <Text size="sm">Listan ersätter den du angav senast. Lämna Till tomt om kopplingen gäller tills vidare.</Text>
        {drafts.length === 0 && <Text size="sm" c="dimmed">Inga kopplingar. Lägg till en, eller spara en tom lista.</Text>}
        {drafts.map((d, i) => {
          const e = tried ? tieErrors(d) : { organisationId: null, organisationName: null, from: null, to: null };
          return (
            <Paper key={d.key} withBorder p="sm" component="fieldset" className="assignment-fieldset">
              <legend className="fieldset-legend">Koppling {i + 1}</legend>
              <Group align="flex-start" gap="sm" wrap="wrap">
                <NativeSelect label="Slag" data={KIND_OPTIONS} value={d.kind} onChange={(ev) => set(d.key, { kind: TieKind.parse(ev.currentTarget.value) })} w={200} />
                <NativeSelect
                  label="Organisation"
                  data={[{ value: '', label: 'Välj …' }, ...organisations, { value: OTHER_ORGANISATION, label: 'Annan organisation (skriv namnet)' }]}
                  value={d.organisationId}
                  onChange={(ev) => set(d.key, { organisationId: ev.currentTarget.value })}
                  error={e.organisationId}
                  w={240}
                />
                {d.organisationId === OTHER_ORGANISATION && (
                  <TextInput label="Organisationens namn" value={d.organisationName} onChange={(ev) => set(d.key, { organisationName: ev.currentTarget.value })} error={e.organisationName} w={220} maxLength={200} />
                )}
                <TextInput label="Roll (valfritt)" description={d.kind === 'relative' ? 'Vem den närstående är' : undefined} value={d.description} onChange={(ev) => set(d.key, { description: ev.currentTarget.value })} w={200} maxLength={300} />
                <TextInput
                  label="Enhet, projekt eller styrgrupp (valfritt)"
                  description="Jävsförslag ges när ansökan nämner den"
                  value={d.unit}
                  onChange={(ev) => set(d.key, { unit: ev.currentTarget.value })}
                  w={260}
                  maxLength={200}
                />
                <TextInput label="Från" placeholder="ÅÅÅÅ-MM-DD" value={d.from} onChange={(ev) => set(d.key, { from: ev.currentTarget.value })} error={e.from} w={140} />
                <TextInput label="Till" placeholder="ÅÅÅÅ-MM-DD" value={d.to} onChange={(ev) => set(d.key, { to: ev.currentTarget.value })} error={e.to} w={140} />
              </Group>
              <Group justify="flex-end" mt="xs">
                <Button variant="subtle" color="red" size="xs" onClick={() => setDrafts((ds) => ds.filter((x) => x.key !== d.key))}>
                  Ta bort koppling {i + 1}
                </Button>
              </Group>
            </Paper>
          );
        })}
        <Group>
          <Button
            variant="default"
            onClick={() => {
              setDrafts((ds) => [...ds, emptyTieDraft(`n${next}`)]);
              setNext((n) => n + 1);
            }}
          >
            Lägg till koppling
          </Button>
        </Group>
        {session?.device && (
          <Text size="sm">
            Kopplingarna signeras med den här datorns nyckel <ShortCode code={session.device.shortCode} /> och följer med ditt nästa paket.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Avbryt</Button>
          <Button onClick={() => void save()} loading={busy}>Spara kopplingar</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
