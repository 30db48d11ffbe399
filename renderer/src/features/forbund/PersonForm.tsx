import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { headsOf, rosterOf, type FederationState, type PersonState } from '../../../../shared/domain/events';
import { canonicalJson } from '../../../../shared/domain/log/canonical-json';
import { STAFF_ROLE_LABEL, StaffRole, type BoardAssignment } from '../../../../shared/domain/forbund/model';
import { userMessage } from '../../api/client';
import { notifySuccess } from '../../lib/notify';
import { newId, today } from '../../lib/roster';
import { emailError, requiredText } from '../../lib/validate';
import { appendEvent } from '../../state/actions';
import { AssignmentFields, draftErrors, fromDraft, toDraft, type AssignmentDraft } from './AssignmentFields';

const STAFF_OPTIONS = [{ value: '', label: 'Ingen' }, ...StaffRole.options.map((r) => ({ value: r, label: STAFF_ROLE_LABEL[r] }))];

const sameJson = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/**
 * Adds or changes a person. A change of role or term is a new list of
 * assignments; the earlier lists stay in the person's history.
 */
export function PersonForm({ state, person, onClose }: { state: FederationState; person: PersonState | null; onClose(): void }) {
  const orgOptions = rosterOf(state).organisations.map((o) => ({ value: o.id, label: o.name }));
  const [name, setName] = useState(person?.name ?? '');
  const [email, setEmail] = useState(person?.email ?? '');
  const [organisationId, setOrganisationId] = useState(person?.organisationId ?? '');
  const [staffRole, setStaffRole] = useState<StaffRole | ''>(person?.staffRole ?? '');
  const [drafts, setDrafts] = useState<AssignmentDraft[]>(() => (person?.assignments ?? []).map(toDraft));
  const [nextKey, setNextKey] = useState(drafts.length);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const errors = { name: requiredText(name, 'namnet'), email: emailError(email) };
  const draftsOk = drafts.every((d) => Object.values(draftErrors(d)).every((e) => e === null));

  const addAssignment = () => {
    const year = Number(today().slice(0, 4));
    setDrafts((ds) => [
      ...ds,
      { key: `n${nextKey}`, role: 'member', organisationId: organisationId || '', from: today(), to: `${year + 3}-12-31`, callingOrder: '' },
    ]);
    setNextKey((k) => k + 1);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (errors.name || errors.email || !draftsOk) return;
    const assignments: BoardAssignment[] = drafts.map(fromDraft);
    const fields = { name: name.trim(), email: email.trim(), organisationId: organisationId || null, staffRole: staffRole || null, assignments };
    setBusy(true);
    setFailure(null);
    try {
      if (!person) {
        await appendEvent('person.added', { id: newId(), ...fields }, []);
        notifySuccess('Personen är tillagd', `${fields.name}. Skapa en inbjudan under Paket när styrelsen är klar.`);
      } else {
        const patch = Object.fromEntries(Object.entries(fields).filter(([k, v]) => !sameJson(person[k as keyof typeof fields], v)));
        if (Object.keys(patch).length === 0) return onClose();
        await appendEvent('person.updated', { id: person.id, ...patch }, headsOf(state, person.id));
        notifySuccess('Personen är ändrad', fields.name);
      }
      onClose();
    } catch (err) {
      setFailure(userMessage(err));
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={person ? `Ändra ${person.name}` : 'Lägg till person'} size="xl" closeButtonProps={{ 'aria-label': 'Stäng' }}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Group grow align="flex-start">
            <TextInput label="Namn" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={submitted && errors.name} data-autofocus autoComplete="off" />
            <TextInput label="E-post" required type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={submitted && errors.email} autoComplete="off" />
          </Group>
          <Group grow align="flex-start">
            <NativeSelect
              label="Företräder"
              description="Den förbundsmedlem personen företräder i styrelsen"
              data={[{ value: '', label: 'Ingen (personal)' }, ...orgOptions]}
              value={organisationId}
              onChange={(e) => setOrganisationId(e.currentTarget.value)}
            />
            <NativeSelect
              label="Tjänsteroll"
              description="Förbundschef eller sekreterare, om personen är anställd"
              data={STAFF_OPTIONS}
              value={staffRole}
              onChange={(e) => setStaffRole(e.currentTarget.value as StaffRole | '')}
            />
          </Group>
          <fieldset className="plain-fieldset">
            <legend className="fieldset-legend">Styrelseuppdrag</legend>
            <Text size="sm" c="dimmed" mb="xs">
              Datum skrivs ÅÅÅÅ-MM-DD. Avsluta ett uppdrag genom att ändra slutdatumet; tidigare versioner finns kvar i historiken.
            </Text>
            <Stack gap="sm">
              {drafts.length === 0 && <Text size="sm">Inga uppdrag. Personal som inte sitter i styrelsen behöver inga.</Text>}
              {drafts.map((d, i) => (
                <AssignmentFields
                  key={d.key}
                  index={i}
                  draft={d}
                  organisations={orgOptions}
                  showErrors={submitted}
                  onChange={(next) => setDrafts((ds) => ds.map((x) => (x.key === d.key ? next : x)))}
                  onRemove={() => setDrafts((ds) => ds.filter((x) => x.key !== d.key))}
                />
              ))}
              <Group>
                <Button variant="default" onClick={addAssignment}>Lägg till uppdrag</Button>
              </Group>
            </Stack>
          </fieldset>
          {failure && <Alert color="red" title="Ändringen sparades inte">{failure}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Avbryt</Button>
            <Button type="submit" loading={busy}>{person ? 'Spara ändringarna' : 'Lägg till'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
