import { Alert, Button, Checkbox, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { PackagePreview } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/domain/format';
import { api, userMessage } from '../../api/client';
import { PackagePicker } from '../packages/PackagePicker';
import { previewPicked, type PickedPackage } from '../../api/package-files';
import { focusNextPageTitle } from '../../lib/focus-request';
import { ShortCode } from '../../components/ShortCode';
import { notifySuccess } from '../../lib/notify';
import { adoptSession } from '../../state/actions';

/** Joining a förbund: read the invitation, compare the sender's code by phone, say who you are. */
export function InvitationImport({ onCancel }: { onCancel(): void }) {
  const [preview, setPreview] = useState<PackagePreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [preview]);

  const read = async (file: PickedPackage) => {
    setBusy(true);
    setFailure(null);
    try {
      setPreview(await previewPicked(file));
    } catch (err) {
      setFailure(userMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="xl" radius="md" maw={720} component="section" aria-labelledby="invitation-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="invitation-heading" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
          {preview ? `Inbjudan till ${preview.forbund.name}` : 'Importera en inbjudan'}
        </Title>
        {failure && (
          <Alert color="red" title="Inbjudan kunde inte läsas" role="alert">
            {failure}
          </Alert>
        )}
        {preview ? (
          <InvitationPreview
            preview={preview}
            onCancel={() => {
              setPreview(null);
              void api['packages.cancel']({ previewId: preview.previewId }).catch(() => undefined);
            }}
          />
        ) : (
          <>
            <Text>Välj filen som förbundschefen skickade (den slutar på .sbpaket). Inget ändras förrän du har bekräftat vem du är.</Text>
            <PackagePicker buttonLabel="Välj inbjudningsfil" dropText="…eller dra inbjudningsfilen hit" busy={busy} onFile={(f) => void read(f)} />
            <Group>
              <Button variant="default" onClick={onCancel}>Tillbaka</Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function InvitationPreview({ preview, onCancel }: { preview: PackagePreview; onCancel(): void }) {
  // An invitation made for one person names them: preselected and not to be changed (issue #15 item 3).
  const invited = preview.recipients.length === 1 ? preview.roster.find((r) => r.personId === preview.recipients[0]!.personId) : undefined;
  const [who, setWho] = useState<string | null>(invited?.personId ?? (preview.roster.length === 1 ? preview.roster[0]!.personId : null));
  const [codeChecked, setCodeChecked] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  if (preview.kind !== 'invitation') {
    return (
      <Stack gap="md">
        <Alert color="yellow" title="Det här är inte en inbjudan">
          Filen är ett ändringspaket från {preview.sender.name}. För att gå med i ett förbund behöver du en inbjudan: be förbundschefen skapa en åt
          dig under Paket.
        </Alert>
        <Group>
          <Button variant="default" onClick={onCancel}>Välj en annan fil</Button>
        </Group>
      </Stack>
    );
  }

  const join = async () => {
    setSubmitted(true);
    if (!who || !codeChecked) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await api['packages.apply']({ previewId: preview.previewId, asPerson: who });
      // The whole screen changes (PIN, then Översikt): the first page title takes the focus.
      focusNextPageTitle();
      await adoptSession(result.session);
      notifySuccess(
        `Du har gått med i ${preview.forbund.name}`,
        'Förbundets ansökningar, sammanträden och handlingar finns nu på den här datorn. Skicka ett paket till förbundschefen så att din nyckel kan godkännas.',
      );
    } catch (err) {
      setFailure(userMessage(err));
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <Text>
        Från <strong>{preview.sender.name}</strong>, skapad {formatDate(preview.createdAt)}. Signaturen stämmer.
      </Text>
      <Paper withBorder p="md" bg="var(--mantine-color-default-hover)">
        <Stack gap={4}>
          <Text size="sm">Avsändarens kod</Text>
          <ShortCode code={preview.sender.shortCode} size="xl" />
          <Text fw={600}>Jämför koden med förbundschefen per telefon</Text>
          <Text size="sm" c="dimmed">Ring förbundschefen och be hen läsa upp sin kod. Om koderna skiljer sig: avbryt och be om en ny inbjudan.</Text>
        </Stack>
      </Paper>
      <Checkbox
        label="Koden stämmer med den som förbundschefen läste upp"
        checked={codeChecked}
        onChange={(e) => setCodeChecked(e.currentTarget.checked)}
        error={submitted && !codeChecked ? 'Jämför koden innan du går med.' : undefined}
      />
      {invited ? (
        <Paper withBorder p="md" data-testid="invited-person">
          <Text size="sm">Inbjudan gäller</Text>
          <Text fw={600}>{invited.name}</Text>
          {invited.description && <Text size="sm">{invited.description}</Text>}
          <Text size="sm" c="dimmed" mt={4}>Är det inte du? Avbryt och be förbundschefen om en inbjudan i ditt namn.</Text>
        </Paper>
      ) : (
      <Radio.Group
        label="Vem är du?"
        description="Välj dig själv i förbundets register."
        value={who}
        onChange={setWho}
        required
        error={submitted && !who ? 'Välj vem du är.' : undefined}
      >
        <Stack gap="xs" mt="xs">
          {preview.roster.map((p) => (
            <Radio key={p.personId} value={p.personId} label={p.name} description={p.description} />
          ))}
        </Stack>
      </Radio.Group>
      )}
      {failure && (
        <Alert color="red" title="Du kunde inte gå med" role="alert">
          {failure}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void join()} loading={busy}>Gå med i förbundet</Button>
        <Button variant="default" onClick={onCancel} disabled={busy}>Avbryt</Button>
      </Group>
    </Stack>
  );
}
