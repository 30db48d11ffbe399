import { Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { currentApplication, type FederationState } from '../../../../shared/domain/events';
import { AGENDA_ITEM_KIND_LABEL, AgendaItemKind, matterOf, type AgendaItem } from '../../../../shared/domain/meetings';
import { formatDnr } from '../../../../shared/domain/format';
import { QUALIFIED_MATTER_LABEL, QualifiedMatter, fractionText, qualifiedRuleFor } from '../../../../shared/domain/forbund/ordning';

/** A document an item may list: shared with the board already, or an attachment of its ansökan (shared on save). */
export interface DocumentChoice {
  sha256: string;
  title: string;
  shared: boolean;
  confidential: boolean;
}

/** Shared documents, plus the attachments of the item's ansökan. */
export function documentChoices(state: FederationState, item: AgendaItem): DocumentChoice[] {
  const out = new Map<string, DocumentChoice>();
  for (const d of Object.values(state.documents)) out.set(d.sha256, { sha256: d.sha256, title: d.title || d.fileName, shared: true, confidential: d.confidential });
  const app = item.applicationId ? currentApplication(state, item.applicationId) : undefined;
  for (const a of app?.attachments ?? []) {
    if (!out.has(a.sha256)) out.set(a.sha256, { sha256: a.sha256, title: a.title || a.fileName, shared: false, confidential: a.confidential });
  }
  return [...out.values()].sort((a, b) => a.title.localeCompare(b.title, 'sv'));
}

/** What the förbundsordning asks of the item's decision: a qualified majority, or simple majority. */
function qualifiedDescription(state: FederationState, item: AgendaItem): string {
  const rule = qualifiedRuleFor(state, matterOf(item));
  return rule ? `Förbundsordningen kräver kvalificerad majoritet (${fractionText(rule)} av de beslutande) för beslutet.` : 'Beslutet fattas med enkel majoritet.';
}

const KIND_OPTIONS = AgendaItemKind.options.map((k) => ({ value: k, label: AGENDA_ITEM_KIND_LABEL[k] }));

interface Props {
  state: FederationState;
  item: AgendaItem;
  index: number;
  count: number;
  errors: { title?: string; proposal?: string } | undefined;
  presenters: { value: string; label: string }[];
  onChange(next: AgendaItem): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

/** One point of the föredragningslista: kind, rubrik and order at a glance, the rest on "Visa detaljer". */
export function AgendaItemFields({ state, item, index, count, errors, presenters, onChange, onMove, onRemove }: Props) {
  const [open, setOpen] = useState(false);
  const n = index + 1;
  const showDetails = open || !!errors?.proposal;
  const set = (over: Partial<AgendaItem>) => onChange({ ...item, ...over });
  const docs = documentChoices(state, item);
  const app = item.applicationId ? currentApplication(state, item.applicationId) : undefined;

  const changeKind = (kind: AgendaItemKind) => {
    // A title that was only the kind's name follows the kind; links that only fit one kind are dropped.
    const title = item.title === AGENDA_ITEM_KIND_LABEL[item.kind] ? AGENDA_ITEM_KIND_LABEL[kind] : item.title;
    set({
      kind,
      title,
      applicationId: kind === 'decision' ? item.applicationId : null,
      delegationDecisionIds: kind === 'delegationReport' ? item.delegationDecisionIds : [],
    });
  };

  return (
    <Paper withBorder p="sm" component="fieldset" className="assignment-fieldset" data-testid="agenda-item" aria-describedby={`item-${item.id}-kind`}>
      <legend className="visually-hidden">{`Punkt ${n}: ${item.title || AGENDA_ITEM_KIND_LABEL[item.kind]}`}</legend>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs" wrap="nowrap" style={{ flex: 1 }} align="flex-start">
            <Text fw={700} w={28} pt={30} aria-hidden>{n}.</Text>
            <TextInput
              label={`Rubrik, punkt ${n}`}
              value={item.title}
              onChange={(e) => set({ title: e.currentTarget.value })}
              error={errors?.title}
              maxLength={300}
              style={{ flex: 1 }}
            />
          </Group>
          <Group gap={4} pt={24} wrap="nowrap">
            <Button size="xs" variant="default" leftSection={<IconArrowUp size={14} aria-hidden />} disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Flytta upp punkt ${n}`}>
              Flytta upp
            </Button>
            <Button size="xs" variant="default" leftSection={<IconArrowDown size={14} aria-hidden />} disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`Flytta ned punkt ${n}`}>
              Flytta ned
            </Button>
            <Button size="xs" variant="default" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={onRemove} aria-label={`Ta bort punkt ${n}`}>
              Ta bort
            </Button>
          </Group>
        </Group>
        <Group gap="xs" pl={36} id={`item-${item.id}-kind`}>
          <Badge variant="dot" color="gray" tt="none">{AGENDA_ITEM_KIND_LABEL[item.kind]}</Badge>
          {item.dnr && <Text size="sm" c="dimmed">{item.dnr}</Text>}
          {app && <Text size="sm" c="dimmed">Gäller ansökan {formatDnr(app.registrationNumber)}</Text>}
          {item.delegationDecisionIds.length > 0 && <Text size="sm" c="dimmed">{item.delegationDecisionIds.length} delegationsbeslut</Text>}
          {item.confidential && <Badge variant="outline" color="red" tt="none">Sekretess</Badge>}
          <Button size="compact-sm" variant="subtle" onClick={() => setOpen((o) => !o)} aria-expanded={showDetails} aria-label={`${showDetails ? 'Dölj' : 'Visa'} detaljer för punkt ${n}`}>
            {showDetails ? 'Dölj detaljer' : 'Visa detaljer'}
          </Button>
        </Group>
        {showDetails && (
          <Stack gap="sm" pl={36}>
            <Group grow align="flex-start">
              <NativeSelect label={`Slag av punkt ${n}`} data={KIND_OPTIONS} value={item.kind} onChange={(e) => changeKind(e.currentTarget.value as AgendaItemKind)} />
              <TextInput label={`Diarienummer, punkt ${n}`} value={item.dnr ?? ''} onChange={(e) => set({ dnr: e.currentTarget.value })} maxLength={100} />
              <NativeSelect
                label={`Föredragande, punkt ${n}`}
                data={[{ value: '', label: 'Ingen angiven' }, ...presenters]}
                value={item.presenter ?? ''}
                onChange={(e) => set({ presenter: e.currentTarget.value || null })}
              />
            </Group>
            {(item.kind === 'decision' || item.kind === 'election') && (
              <NativeSelect
                label={`Slag av ärende enligt förbundsordningen, punkt ${n}`}
                description={qualifiedDescription(state, item)}
                data={[{ value: '', label: item.applicationId ? 'Ansökan om medel (beviljande av medel till insatser)' : 'Inget särskilt slag' }, ...QualifiedMatter.options.map((m) => ({ value: m, label: QUALIFIED_MATTER_LABEL[m] }))]}
                value={item.matter ?? ''}
                onChange={(e) => {
                  const m = QualifiedMatter.safeParse(e.currentTarget.value);
                  const { matter: _m, ...rest } = item;
                  onChange(m.success ? { ...rest, matter: m.data } : rest);
                }}
              />
            )}
            <Textarea
              label={`Ärendebeskrivning, punkt ${n}`}
              autosize
              minRows={2}
              maxLength={20_000}
              value={item.summary ?? ''}
              onChange={(e) => set({ summary: e.currentTarget.value })}
            />
            <Textarea
              label={`Förslag till beslut, punkt ${n}`}
              description={item.kind === 'decision' ? 'Skrivs som ”Styrelsen beslutar att …”.' : 'Lämna tomt för informationspunkter.'}
              autosize
              minRows={2}
              maxLength={5000}
              value={item.proposal ?? ''}
              onChange={(e) => set({ proposal: e.currentTarget.value })}
              error={errors?.proposal}
              required={item.kind === 'decision'}
            />
            <fieldset className="plain-fieldset">
              <legend className="fieldset-legend">{`Handlingar, punkt ${n}`}</legend>
              {docs.length === 0 ? (
                <Text size="sm" c="dimmed">Inga handlingar är delade med styrelsen. Dela PDF-handlingar under Handlingar.</Text>
              ) : (
                <Stack gap={4}>
                  {docs.map((d) => (
                    <Checkbox
                      key={d.sha256}
                      label={`${d.title}${d.confidential ? ' (sekretess)' : ''}${d.shared ? '' : ' – bilaga till ansökan, delas med styrelsen när du sparar'}`}
                      checked={item.documents.includes(d.sha256)}
                      onChange={(e) =>
                        set({ documents: e.currentTarget.checked ? [...item.documents, d.sha256] : item.documents.filter((x) => x !== d.sha256) })
                      }
                    />
                  ))}
                </Stack>
              )}
            </fieldset>
            <Checkbox
              label={`Punkt ${n} innehåller uppgifter som omfattas av sekretess`}
              description="Handlingarna lämnas ut i den offentliga versionen av protokollet först efter sekretessprövning."
              checked={item.confidential}
              onChange={(e) => set({ confidential: e.currentTarget.checked })}
            />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
