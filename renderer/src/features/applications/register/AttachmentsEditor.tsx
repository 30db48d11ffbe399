import { Alert, Button, Checkbox, FileButton, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { formatPageCount } from '../../../../../shared/domain/format';
import { api, userMessage } from '../../../api/client';
import { fieldId } from './draft';
import { FormSection, type FormPart } from './form-kit';

interface Refused {
  fileName: string;
  message: string;
}

/**
 * PDF attachments: stored through the main side's check (which refuses empty,
 * corrupt and encrypted files with a Swedish message), then marked public or
 * confidential with the OSL provision.
 */
export function AttachmentsEditor({ draft, edit, err }: FormPart) {
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<Refused | null>(null);
  const [pages, setPages] = useState<Record<string, number>>({});

  async function add(files: File[]) {
    if (files.length === 0) return;
    setBusy(true);
    setRefused(null);
    try {
      for (const file of files) {
        try {
          const meta = await api['attachments.add']({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
          setPages((p) => ({ ...p, [meta.sha256]: meta.pageCount }));
          edit((d) => {
            if (d.attachments.some((a) => a.sha256 === meta.sha256)) return;
            d.attachments.push({ sha256: meta.sha256, fileName: meta.fileName, title: meta.fileName.replace(/\.pdf$/i, ''), confidential: false, oslReference: null });
          });
        } catch (e) {
          setRefused({ fileName: file.name, message: userMessage(e) });
        }
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormSection id="reg-attachments" title="Bilagor" description="Ansökan i original och andra handlingar som PDF. Markera bilagor som omfattas av sekretess och ange bestämmelsen i offentlighets- och sekretesslagen (OSL).">
      {refused && (
        <Alert color="red" title={`${refused.fileName} lades inte till`} role="alert" withCloseButton closeButtonLabel="Stäng meddelandet" onClose={() => setRefused(null)}>
          {refused.message}
        </Alert>
      )}
      {draft.attachments.length === 0 ? (
        <Text c="dimmed">Inga bilagor ännu.</Text>
      ) : (
        <Stack gap="sm">
          {draft.attachments.map((a, i) => (
            <Paper key={a.sha256} withBorder p="sm" role="group" aria-label={`Bilaga ${i + 1}: ${a.fileName}`} data-testid="attachment-draft">
              <Stack gap="xs">
                <Text size="sm" c="dimmed">
                  {a.fileName}
                  {pages[a.sha256] !== undefined && ` · ${formatPageCount(pages[a.sha256]!)}`}
                </Text>
                <TextInput id={fieldId(`attachments.${i}.title`)} label="Titel" value={a.title} onChange={(e) => { const v = e.currentTarget.value; edit((d) => { d.attachments[i]!.title = v; }); }} error={err(`attachments.${i}.title`) ?? err(`attachments.${i}`)} />
                <Checkbox
                  label="Omfattas av sekretess"
                  description="Ange då vilken bestämmelse i OSL som gäller. Sammanställningen nämner bara bilagans namn och bestämmelsen."
                  checked={a.confidential}
                  onChange={(e) => { const v = e.currentTarget.checked; edit((d) => { d.attachments[i]!.confidential = v; }); }}
                />
                {a.confidential && (
                  <TextInput
                    id={fieldId(`attachments.${i}.oslReference`)}
                    label="Bestämmelse i OSL"
                    required
                    placeholder="Till exempel OSL 26 kap. 1 §"
                    value={a.oslReference ?? ''}
                    onChange={(e) => { const v = e.currentTarget.value; edit((d) => { d.attachments[i]!.oslReference = v.trim() === '' ? null : v; }); }}
                    error={err(`attachments.${i}.oslReference`)}
                    maw={360}
                  />
                )}
                <Group>
                  <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => edit((d) => { d.attachments.splice(i, 1); })}>
                    Ta bort bilagan {a.fileName}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      <Group>
        <FileButton onChange={(files) => void add(files)} accept="application/pdf,.pdf" multiple>
          {(props) => (
            <Button {...props} variant="default" loading={busy} leftSection={<IconPaperclip size={16} aria-hidden />}>
              Lägg till PDF-bilaga
            </Button>
          )}
        </FileButton>
      </Group>
    </FormSection>
  );
}
