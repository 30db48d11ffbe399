import { Alert, Button, FileButton, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconFileCertificate } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import type { Output } from '../../../../../shared/contract';
import { api, userMessage } from '../../../api/client';
import { checkProtokoll, useIncoming } from '../../../state/incoming-files';

type Result = Output<'protokoll.verify'>;
type Step = { kind: 'idle' } | { kind: 'checking'; fileName: string } | { kind: 'done'; fileName: string; result: Result } | { kind: 'failed'; fileName: string; message: string };

const grouped = (hex: string): string => (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');

/**
 * "Kontrollera ett protokoll": drop or pick a PDF; the main side runs the same
 * check as `cli verify` (PAdES against the förbund CA, the attestations, the
 * embedded files, the page text, annotations and metadata) and this screen
 * shows OK with the signers, or every reason it fails. Also on the first-run
 * screen, for someone outside any förbund (no own CA: they type the one the
 * förbund publishes).
 */
export function VerifyPanel({ ownCa, title }: { ownCa: string | null; title: ReactNode }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [ca, setCa] = useState('');
  const [last, setLast] = useState<{ fileName: string; bytes: Uint8Array } | null>(null);
  const incoming = useIncoming((s) => s.incomingProtokoll);

  const check = async (file: { fileName: string; bytes: Uint8Array }, caFingerprint = ca) => {
    setLast(file);
    setStep({ kind: 'checking', fileName: file.fileName });
    try {
      const result = await api['protokoll.verify']({ bytes: file.bytes, ...(caFingerprint.trim() ? { caFingerprint: caFingerprint.trim() } : {}) });
      setStep({ kind: 'done', fileName: file.fileName, result });
    } catch (err) {
      setStep({ kind: 'failed', fileName: file.fileName, message: userMessage(err) });
    }
  };
  const pick = async (file: File) => check({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });

  // A PDF opened with "Arkiv → Kontrollera ett protokoll…" is checked at once.
  useEffect(() => {
    if (!incoming) return;
    checkProtokoll(null);
    void check(incoming);
  }, [incoming]);

  return (
    <Stack gap="lg" maw={860}>
      {title}
      <Text>
        Välj ett protokoll (PDF) från Styrelsebordet. Programmet kontrollerar PDF-signaturen mot förbundets certifikatutfärdare (CA), justeringarna, de bifogade filerna och att
        sidornas text är den som justerades. Filen sparas inte.
      </Text>
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Group>
            <FileButton onChange={(f) => f && void pick(f)} accept="application/pdf,.pdf">
              {(props) => (
                <Button {...props} loading={step.kind === 'checking'} leftSection={<IconFileCertificate size={18} aria-hidden />}>
                  Välj protokoll
                </Button>
              )}
            </FileButton>
          </Group>
          <Dropzone
            onDrop={(files) => files[0] && void pick(files[0])}
            loading={step.kind === 'checking'}
            multiple={false}
            activateOnClick={false}
            tabIndex={-1}
            inputProps={{ 'aria-label': 'Protokoll att kontrollera', tabIndex: -1 }}
            aria-label="Släpp protokollet här"
            data-testid="drop-protokoll"
          >
            <Text ta="center" size="sm" c="dimmed" py="xs">
              …eller dra PDF-filen hit
            </Text>
          </Dropzone>
          <TextInput
            label="Förbundets CA-fingeravtryck"
            description={
              ownCa
                ? `Tomt: ditt förbunds CA (${grouped(ownCa).slice(0, 19)} …). Fyll i ett annat förbunds fingeravtryck för att kontrollera deras protokoll.`
                : 'Fyll i fingeravtrycket som förbundet publicerar (64 tecken, mellanslag går bra).'
            }
            value={ca}
            onChange={(e) => setCa(e.currentTarget.value)}
            maxLength={200}
          />
          {last && step.kind !== 'checking' && (
            <Group>
              <Button variant="default" onClick={() => void check(last)}>
                Kontrollera igen
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
      {step.kind === 'checking' && (
        <Text role="status">{step.fileName} kontrolleras …</Text>
      )}
      {step.kind === 'failed' && (
        <Alert color="red" title={`${step.fileName} kunde inte kontrolleras`} data-testid="verify-result">
          {step.message}
        </Alert>
      )}
      {step.kind === 'done' && <VerifyResult fileName={step.fileName} result={step.result} />}
    </Stack>
  );
}

function VerifyResult({ fileName, result }: { fileName: string; result: Result }) {
  const ca = result.trustedCa ?? result.caFingerprint;
  return (
    <Alert color={result.ok ? 'green' : 'red'} title={result.ok ? 'Protokollet håller' : 'Protokollet håller inte'} data-testid="verify-result" data-ok={result.ok}>
      <Stack gap="sm">
        <Text size="sm">
          {fileName}
          {result.title ? `: ${result.title}` : ''}
        </Text>
        {!result.ok && (
          <div>
            <Title order={2} size="h5">
              Det här stämmer inte
            </Title>
            <List size="sm" spacing={4}>
              {result.problems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          </div>
        )}
        {result.ok && result.signers.length > 0 && (
          <div>
            <Title order={2} size="h5">
              Justerat av
            </Title>
            <List size="sm" spacing={4} data-testid="verify-signers">
              {result.signers.map((s) => (
                <List.Item key={`${s.fingerprint}-${s.time}`}>
                  {s.name}, {s.role.toLowerCase()}, {s.time} (svensk tid)
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {result.ok && result.sealedBy.length > 0 && (
          <Text size="sm">
            Signerat i PDF-filen av {result.sealedBy.map((s) => `${s.name} (${s.role}, ${s.time})`).join(', ')}.
          </Text>
        )}
        {ca && (
          <Text size="sm">
            {result.trustedCa ? 'Kontrollerat mot förbundets CA' : 'Protokollet anger CA:n'} <Text span ff="monospace">{grouped(ca)}</Text>
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
