import { Alert, Button, Group, List, Modal, NativeSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { headsOf, type FederationState, type OrganisationState } from '../../../../shared/domain/events';
import { checkContributions } from '../../../../shared/domain/forbund/contributions';
import { ORGANISATION_KIND_LABEL, OrganisationKind, type Contributions } from '../../../../shared/domain/forbund/model';
import { userMessage } from '../../api/client';
import { notifySuccess } from '../../lib/notify';
import { newId, today } from '../../lib/roster';
import { orgNrCheck, requiredText } from '../../lib/validate';
import { appendEvent } from '../../state/actions';

const KIND_OPTIONS = OrganisationKind.options.map((k) => ({ value: k, label: ORGANISATION_KIND_LABEL[k] }));

/** Adds or changes a förbundsmedlem. Contributions are per year; the warnings show while typing. */
export function OrganisationForm({ state, organisation, onClose }: { state: FederationState; organisation: OrganisationState | null; onClose(): void }) {
  const [name, setName] = useState(organisation?.name ?? '');
  const [kind, setKind] = useState<OrganisationKind>(organisation?.kind ?? 'municipality');
  const [orgNr, setOrgNr] = useState(organisation?.orgNr ?? '');
  const [amounts, setAmounts] = useState<Record<string, number | ''>>(() =>
    organisation ? { ...organisation.contributions } : { [today().slice(0, 4)]: '' },
  );
  const [newYear, setNewYear] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const org = orgNrCheck(orgNr, true);
  const nameError = requiredText(name, 'namnet');
  const contributions: Contributions = Object.fromEntries(Object.entries(amounts).filter(([, v]) => v !== '')) as Contributions;
  const years = Object.keys(amounts).sort();
  const yearError = newYear === '' ? null : !/^\d{4}$/.test(newYear) ? 'Ange året med fyra siffror.' : amounts[newYear] !== undefined ? 'Året finns redan.' : null;

  // The warnings as they would be with this draft in place of the saved organisation.
  const draftId = organisation?.id ?? 'utkast';
  const warnings = checkContributions(
    [...Object.values(state.organisations).filter((o) => o.id !== draftId), { id: draftId, name: name.trim() || 'Den nya medlemmen', kind, contributions }],
    years,
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (nameError || org.error) return;
    setBusy(true);
    setFailure(null);
    try {
      if (!organisation) {
        await appendEvent('organisation.added', { id: newId(), name: name.trim(), kind, orgNr: org.value, contributions }, []);
        notifySuccess('Förbundsmedlemmen är tillagd', name.trim());
      } else {
        const changedYears = Object.fromEntries(Object.entries(contributions).filter(([y, v]) => organisation.contributions[y] !== v));
        const patch = {
          ...(name.trim() !== organisation.name ? { name: name.trim() } : {}),
          ...(kind !== organisation.kind ? { kind } : {}),
          ...(org.value !== organisation.orgNr ? { orgNr: org.value } : {}),
          ...(Object.keys(changedYears).length > 0 ? { contributions: changedYears } : {}),
        };
        if (Object.keys(patch).length === 0) return onClose();
        await appendEvent('organisation.updated', { id: organisation.id, ...patch }, headsOf(state, organisation.id));
        notifySuccess('Förbundsmedlemmen är ändrad', name.trim());
      }
      onClose();
    } catch (err) {
      setFailure(userMessage(err));
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={organisation ? `Ändra ${organisation.name}` : 'Lägg till förbundsmedlem'} size="lg" closeButtonProps={{ 'aria-label': 'Stäng' }}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <TextInput label="Namn" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={submitted && nameError} data-autofocus />
          <NativeSelect label="Typ" required data={KIND_OPTIONS} value={kind} onChange={(e) => setKind(e.currentTarget.value as OrganisationKind)} />
          <TextInput
            label="Organisationsnummer"
            description="Frivilligt. 10 siffror, till exempel 212000-1355"
            value={orgNr}
            onChange={(e) => setOrgNr(e.currentTarget.value)}
            error={submitted && org.error}
          />
          <fieldset className="plain-fieldset">
            <legend className="fieldset-legend">Bidrag per år</legend>
            <Stack gap="xs">
              {kind === 'employmentService' && (
                <Text size="sm" c="dimmed">Arbetsförmedlingen betalar inget eget bidrag; statens hälft betalas av Försäkringskassan.</Text>
              )}
              {years.map((y) => (
                <NumberInput
                  key={y}
                  label={`Bidrag ${y} (kr)`}
                  value={amounts[y]}
                  onChange={(v) => setAmounts((a) => ({ ...a, [y]: typeof v === 'number' ? v : v === '' ? '' : Number(String(v).replace(/\D/g, '')) }))}
                  min={0}
                  allowNegative={false}
                  allowDecimal={false}
                  thousandSeparator=" "
                  maw={280}
                />
              ))}
              <Group align="flex-end" gap="xs">
                <TextInput label="Nytt år" placeholder="ÅÅÅÅ" value={newYear} onChange={(e) => setNewYear(e.currentTarget.value.trim())} error={yearError} w={120} inputMode="numeric" />
                <Button
                  variant="default"
                  disabled={newYear === '' || yearError !== null}
                  onClick={() => {
                    setAmounts((a) => ({ ...a, [newYear]: '' }));
                    setNewYear('');
                  }}
                >
                  Lägg till år
                </Button>
              </Group>
            </Stack>
          </fieldset>
          {warnings.length > 0 && (
            <Alert color="yellow" title="Bidragen går inte ihop" role="region">
              <List size="sm" spacing={4}>
                {warnings.map((w, i) => (
                  <List.Item key={`${w.code}-${w.year}-${i}`}>{w.message}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {failure && <Alert color="red" title="Ändringen sparades inte">{failure}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Avbryt</Button>
            <Button type="submit" loading={busy}>{organisation ? 'Spara ändringarna' : 'Lägg till'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
