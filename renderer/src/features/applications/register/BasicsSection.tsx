import { Checkbox, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import {
  APPLICATION_FORM_LABEL,
  APPLICATION_KIND_LABEL,
  ApplicationForm,
  ApplicationKind,
  countParties,
} from '../../../../../shared/domain/applications';
import { rosterOf } from '../../../../../shared/domain/events';
import { ORGANISATION_KIND_LABEL } from '../../../../../shared/domain/forbund/model';
import { fieldId } from './draft';
import { DATE_HINT, DATE_PATTERN, FormSection, type FormPart } from './form-kit';

const KIND_OPTIONS = ApplicationKind.options.map((k) => ({ value: k, label: APPLICATION_KIND_LABEL[k] }));
const FORM_OPTIONS = ApplicationForm.options.map((f) => ({ value: f, label: APPLICATION_FORM_LABEL[f] }));

/** Diarienummer, dates, name, the applying parties and owner, the contact person, kind, form and period. */
export function BasicsSection({ draft, edit, err, state }: FormPart) {
  const organisations = rosterOf(state).organisations;
  const orgName = (id: string) => organisations.find((o) => o.id === id)?.name ?? 'okänd organisation';
  const counted = countParties(draft.parties, organisations);

  const setParties = (ids: string[]) =>
    edit((d) => {
      d.parties = ids;
      // The owner must be one of the parties: dropping that party clears the choice.
      if (d.ownerId !== null && !ids.includes(d.ownerId)) d.ownerId = null;
    });

  return (
    <>
      <FormSection id="reg-facts" title="Uppgifter om ansökan" description="Diarienummer och datum när ansökan kom in till förbundet.">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            id={fieldId('registrationNumber')}
            label="Diarienummer"
            required
            placeholder="Dnr 2026/12"
            value={draft.registrationNumber}
            onChange={(e) => { const v = e.currentTarget.value; edit((d) => { d.registrationNumber = v; }); }}
            error={err('registrationNumber')}
          />
          <TextInput
            id={fieldId('receivedOn')}
            label="Inkom"
            required
            description={DATE_HINT}
            placeholder="ÅÅÅÅ-MM-DD"
            inputMode="numeric"
            pattern={DATE_PATTERN}
            value={draft.receivedOn}
            onChange={(e) => { const v = e.currentTarget.value; edit((d) => { d.receivedOn = v; }); }}
            error={err('receivedOn')}
          />
        </SimpleGrid>
        <TextInput
          id={fieldId('name')}
          label="Insatsens namn"
          required
          value={draft.name}
          onChange={(e) => { const v = e.currentTarget.value; edit((d) => { d.name = v; }); }}
          error={err('name')}
        />
      </FormSection>

      <FormSection id="reg-parties" title="Sökande parter och insatsägare" description="Minst två parter ska söka tillsammans. Flera kommuner räknas som en part, liksom flera regioner.">
        <Checkbox.Group
          id={fieldId('parties')}
          label="Sökande parter"
          description={`${counted === 1 ? '1 part' : `${counted} parter`} räknat enligt Finsam.`}
          value={draft.parties}
          error={err('parties')}
          onChange={setParties}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
            {organisations.map((o) => (
              <Checkbox
                key={o.id}
                value={o.id}
                // Kommun and region say their kind (two of them count as one party); the state agencies' names already do.
                label={o.kind === 'municipality' || o.kind === 'region' || o.kind === 'municipalityWithRegionalResponsibility' ? `${o.name} (${ORGANISATION_KIND_LABEL[o.kind].toLowerCase()})` : o.name}
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <NativeSelect
          id={fieldId('ownerId')}
          label="Insatsägare"
          required
          description="Den part som är huvudman: håller budgeten och är arbetsgivare."
          data={[{ value: '', label: draft.parties.length === 0 ? 'Välj först sökande parter' : 'Välj insatsägare' }, ...draft.parties.map((id) => ({ value: id, label: orgName(id) }))]}
          value={draft.ownerId ?? ''}
          onChange={(e) => { const v = e.currentTarget.value; edit((d) => { d.ownerId = v === '' ? null : v; }); }}
          error={err('ownerId')}
          maw={420}
        />
      </FormSection>

      <FormSection id="reg-contact" title="Kontaktperson">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label="Namn" id={fieldId('contact.name')} value={draft.contact.name} onChange={(e) => { const v = e.currentTarget.value; edit((d) => { d.contact.name = v; }); }} error={err('contact.name')} />
          <TextInput label="Roll" id={fieldId('contact.role')} placeholder="Till exempel processledare" value={draft.contact.role} onChange={(e) => { const v = e.currentTarget.value; edit((d) => { d.contact.role = v; }); }} error={err('contact.role')} />
          <NativeSelect
            label="Organisation"
            id={fieldId('contact.organisationId')}
            data={[{ value: '', label: 'Ingen vald' }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
            value={draft.contact.organisationId ?? ''}
            onChange={(e) => { const v = e.currentTarget.value; edit((d) => { d.contact.organisationId = v === '' ? null : v; }); }}
            error={err('contact.organisationId')}
          />
          <TextInput label="E-post" type="email" id={fieldId('contact.email')} value={draft.contact.email} onChange={(e) => { const v = e.currentTarget.value; edit((d) => { d.contact.email = v; }); }} error={err('contact.email')} />
          <TextInput label="Telefon" type="tel" id={fieldId('contact.phone')} value={draft.contact.phone} onChange={(e) => { const v = e.currentTarget.value; edit((d) => { d.contact.phone = v; }); }} error={err('contact.phone')} />
        </SimpleGrid>
      </FormSection>

      <FormSection id="reg-kind" title="Typ, form och period" description="Individinriktade och strukturövergripande insatser registreras var för sig i Uppföljning Finsam.">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NativeSelect label="Typ av insats" id={fieldId('kind')} data={KIND_OPTIONS} value={draft.kind} onChange={(e) => { const v = ApplicationKind.parse(e.currentTarget.value); edit((d) => { d.kind = v; }); }} />
          <NativeSelect label="Form" id={fieldId('form')} data={FORM_OPTIONS} value={draft.form} onChange={(e) => { const v = ApplicationForm.parse(e.currentTarget.value); edit((d) => { d.form = v; }); }} />
        </SimpleGrid>
        <Stack gap={4}>
          <Group align="flex-start" gap="md">
            <TextInput
              label="Startdatum"
              id={fieldId('period.from')}
              required
              description={DATE_HINT}
              placeholder="ÅÅÅÅ-MM-DD"
              inputMode="numeric"
              pattern={DATE_PATTERN}
              value={draft.period.from}
              onChange={(e) => { const v = e.currentTarget.value; edit((d) => { d.period.from = v; }); }}
              error={err('period.from')}
              w={260}
            />
            <TextInput
              label="Slutdatum"
              id={fieldId('period.to')}
              required
              description={DATE_HINT}
              placeholder="ÅÅÅÅ-MM-DD"
              inputMode="numeric"
              pattern={DATE_PATTERN}
              value={draft.period.to}
              onChange={(e) => { const v = e.currentTarget.value; edit((d) => { d.period.to = v; }); }}
              error={err('period.to')}
              w={260}
            />
          </Group>
        </Stack>
      </FormSection>
    </>
  );
}
