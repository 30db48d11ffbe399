import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { headsOf, type FederationState } from '../../../../shared/domain/events';
import { userMessage } from '../../api/client';
import { notifySuccess } from '../../lib/notify';
import { orgNrCheck, requiredText } from '../../lib/validate';
import { appendEvent } from '../../state/actions';

/** The förbund's own name and organisationsnummer. */
export function FederationDetails({ state, canEdit, onHistory }: { state: FederationState; canEdit: boolean; onHistory(id: string): void }) {
  const [editing, setEditing] = useState(false);
  const fed = state.federation;
  if (!fed) return null;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="federation-heading">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2} size="h3" id="federation-heading">
            {fed.name}
          </Title>
          <Text>Organisationsnummer {fed.orgNr}</Text>
        </Stack>
        <Group gap="xs">
          <Button variant="default" onClick={() => onHistory(fed.id)}>Historik för förbundet</Button>
          {canEdit && (
            <Button variant="default" onClick={() => setEditing(true)}>Ändra förbundets uppgifter</Button>
          )}
        </Group>
      </Group>
      {editing && <FederationForm state={state} onClose={() => setEditing(false)} />}
    </Paper>
  );
}

function FederationForm({ state, onClose }: { state: FederationState; onClose(): void }) {
  const fed = state.federation!;
  const [name, setName] = useState(fed.name);
  const [orgNr, setOrgNr] = useState(fed.orgNr);
  const [submitted, setSubmitted] = useState(false);
  const [orgTouched, setOrgTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const org = orgNrCheck(orgNr);
  const nameError = requiredText(name, 'förbundets namn');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (nameError || !org.value) return;
    const patch = { ...(name.trim() !== fed.name ? { name: name.trim() } : {}), ...(org.value !== fed.orgNr ? { orgNr: org.value } : {}) };
    if (Object.keys(patch).length === 0) return onClose();
    setBusy(true);
    try {
      await appendEvent('federation.updated', patch, headsOf(state, fed.id));
      notifySuccess('Förbundets uppgifter är ändrade', name.trim());
      onClose();
    } catch (err) {
      setFailure(userMessage(err));
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title="Ändra förbundets uppgifter" closeButtonProps={{ 'aria-label': 'Stäng' }}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <TextInput label="Förbundets namn" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={submitted && nameError} data-autofocus />
          <TextInput
            label="Organisationsnummer"
            description="10 siffror, till exempel 222000-1234"
            required
            value={orgNr}
            onChange={(e) => setOrgNr(e.currentTarget.value)}
            onBlur={() => setOrgTouched(true)}
            error={(submitted || orgTouched) && org.error}
          />
          {failure && <Alert color="red" title="Ändringen sparades inte">{failure}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Avbryt</Button>
            <Button type="submit" loading={busy}>Spara</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
