import { Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { IMPLEMENTATION_KIND_LABEL, ImplementationKind } from '../../../../../shared/domain/applications';
import { fieldId } from './draft';
import { FormSection, toNullable, type FormPart } from './form-kit';

type TextPath = 'background' | 'purpose' | 'activities' | 'governance' | 'relationToOrdinary' | 'risks';

function Prose({ path, label, description, draft, edit, err }: FormPart & { path: TextPath; label: string; description?: string }) {
  return (
    <Textarea
      id={fieldId(path)}
      label={label}
      description={description}
      autosize
      minRows={3}
      maxRows={16}
      value={draft[path]}
      onChange={(e) => { const v = e.currentTarget.value; edit((d) => { d[path] = v; }); }}
      error={err(path)}
    />
  );
}

/** Bakgrund, syfte, mål, målgrupp, aktiviteter, organisation och styrning, relation till ordinarie verksamhet. */
export function ContentSections(part: FormPart) {
  const { draft, edit, err } = part;
  const t = draft.targetGroup;
  return (
    <>
      <FormSection id="reg-background" title="Bakgrund och problembeskrivning">
        <Prose {...part} path="background" label="Bakgrund och problembeskrivning" description="Behovet insatsen svarar mot, gärna med koppling till förbundets behovsanalys." />
      </FormSection>

      <FormSection id="reg-purpose" title="Syfte och mål">
        <Prose {...part} path="purpose" label="Syfte" />
        <Stack gap="sm">
          {draft.goals.map((g, i) => (
            <Paper key={i} withBorder p="sm" role="group" aria-label={`Mål ${i + 1}`}>
              <Stack gap="xs">
                <Textarea id={fieldId(`goals.${i}.text`)} label={`Mål ${i + 1}`} autosize minRows={1} value={g.text} onChange={(e) => { const v = e.currentTarget.value; edit((d) => { d.goals[i]!.text = v; }); }} error={err(`goals.${i}.text`)} />
                <TextInput
                  id={fieldId(`goals.${i}.target`)}
                  label="Mätbart mål"
                  description="Till exempel: 50 % av deltagarna i arbete eller studier efter 12 månader."
                  value={g.target}
                  onChange={(e) => { const v = e.currentTarget.value; edit((d) => { d.goals[i]!.target = v; }); }}
                  error={err(`goals.${i}.target`)}
                />
                <Group>
                  <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => edit((d) => { d.goals.splice(i, 1); })}>
                    Ta bort mål {i + 1}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          ))}
          <Group>
            <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => edit((d) => { d.goals.push({ text: '', target: '' }); })}>
              Lägg till mål
            </Button>
          </Group>
        </Stack>
      </FormSection>

      <FormSection id="reg-target" title="Målgrupp">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <NumberInput id={fieldId('targetGroup.ageFrom')} label="Ålder från (år)" min={0} max={120} allowDecimal={false} value={t.ageFrom ?? ''} onChange={(v) => edit((d) => { d.targetGroup.ageFrom = toNullable(v); })} error={err('targetGroup.ageFrom')} />
          <NumberInput id={fieldId('targetGroup.ageTo')} label="Ålder till (år)" min={0} max={120} allowDecimal={false} value={t.ageTo ?? ''} onChange={(v) => edit((d) => { d.targetGroup.ageTo = toNullable(v); })} error={err('targetGroup.ageTo')} />
          <NumberInput id={fieldId('targetGroup.participants')} label="Antal deltagare" min={0} allowDecimal={false} thousandSeparator=" " value={t.participants ?? ''} onChange={(v) => edit((d) => { d.targetGroup.participants = toNullable(v); })} error={err('targetGroup.participants')} />
        </SimpleGrid>
        <TextInput id={fieldId('targetGroup.area')} label="Område" description="Kommun, stadsdel eller annat område där deltagarna bor." value={t.area} onChange={(e) => { const v = e.currentTarget.value; edit((d) => { d.targetGroup.area = v; }); }} error={err('targetGroup.area')} />
        <Textarea id={fieldId('targetGroup.description')} label="Beskrivning av målgruppen" autosize minRows={2} value={t.description} onChange={(e) => { const v = e.currentTarget.value; edit((d) => { d.targetGroup.description = v; }); }} error={err('targetGroup.description')} />
      </FormSection>

      <FormSection id="reg-activities" title="Aktiviteter">
        <Prose {...part} path="activities" label="Aktiviteter och genomförande" />
      </FormSection>
      <FormSection id="reg-governance" title="Organisation och styrning">
        <Prose {...part} path="governance" label="Organisation och styrning" description="Styrgrupp, projektgrupp, referensgrupp, processledare (omfattning i procent)." />
      </FormSection>
      <FormSection id="reg-ordinary" title="Relation till ordinarie verksamhet">
        <Prose {...part} path="relationToOrdinary" label="Relation till ordinarie verksamhet" description="Hur insatsen kompletterar parternas ordinarie arbete. Finsam finansierar inte ordinarie verksamhet." />
      </FormSection>
    </>
  );
}

/** Uppföljning och utvärdering, implementeringsplan, risker. */
export function ClosingSections(part: FormPart) {
  const { draft, edit, err } = part;
  return (
    <>
      <FormSection id="reg-followup" title="Uppföljning och utvärdering">
        <Textarea id={fieldId('followUp.text')} label="Uppföljning och utvärdering" description="Indikatorer, extern utvärdering, delrapporter och ekonomisk redovisning." autosize minRows={3} value={draft.followUp.text} onChange={(e) => { const v = e.currentTarget.value; edit((d) => { d.followUp.text = v; }); }} error={err('followUp.text')} />
        <TextInput
          id={fieldId('followUp.nationalSystemReference')}
          label="Referens i Uppföljning Finsam"
          description="Bara insatsens referens i det nationella uppföljningssystemet. Uppgifter om enskilda deltagare hör aldrig hemma här."
          value={draft.followUp.nationalSystemReference ?? ''}
          onChange={(e) => { const v = e.currentTarget.value; edit((d) => { d.followUp.nationalSystemReference = v.trim() === '' ? null : v; }); }}
          error={err('followUp.nationalSystemReference')}
          maw={420}
        />
      </FormSection>
      <FormSection id="reg-implementation" title="Implementeringsplan" description="Vilket implementeringsalternativ som valts och vem som tar över ansvar och finansiering.">
        <NativeSelect
          id={fieldId('implementation.kind')}
          label="Implementeringsalternativ"
          data={[{ value: '', label: 'Inte valt ännu' }, ...ImplementationKind.options.map((k) => ({ value: k, label: IMPLEMENTATION_KIND_LABEL[k] }))]}
          value={draft.implementation.kind ?? ''}
          onChange={(e) => { const v = ImplementationKind.safeParse(e.currentTarget.value); edit((d) => { d.implementation.kind = v.success ? v.data : null; }); }}
          maw={420}
        />
        <Textarea id={fieldId('implementation.text')} label="Implementeringsplan" autosize minRows={3} value={draft.implementation.text} onChange={(e) => { const v = e.currentTarget.value; edit((d) => { d.implementation.text = v; }); }} error={err('implementation.text')} />
      </FormSection>
      <FormSection id="reg-risks" title="Risker">
        <Prose {...part} path="risks" label="Risker" description="Frivilligt, till exempel en SWOT-analys i korthet." />
      </FormSection>
    </>
  );
}
