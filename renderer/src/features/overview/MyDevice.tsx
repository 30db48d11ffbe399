import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { ShortCode } from '../../components/ShortCode';
import { KEY_STATUS_COLOR, type PersonKeyStatus } from '../../lib/roster';
import { useSession } from '../../state/session-store';
import { useFederationSelector } from '../../state/federation';
import { go } from '../../routes/router';

const STATUS_TEXT: Record<PersonKeyStatus | 'rejected' | 'revoked', string> = {
  accepted: 'Godkänd',
  pending: 'Väntar på godkännande',
  missing: 'Inte registrerad ännu',
  rejected: 'Avvisad',
  revoked: 'Spärrad (förlorad dator)',
};

/** Groups of four, upper case: how the fingerprint is printed in every protokoll. */
const grouped = (hex: string): string => (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');

/** The förbund CA's fingerprint (issue #12): published by the förbund, printed in every protokoll, compared by telephone. */
function CaFingerprint() {
  const ca = useFederationSelector((s) => s.pki.ca);
  return (
    <Stack gap={2} mt="xs" data-testid="ca-fingerprint">
      <Text size="sm" fw={600}>Förbundets certifikatutfärdare (CA)</Text>
      {ca ? (
        <>
          <Text size="sm" ff="monospace" style={{ wordBreak: 'break-word' }}>{grouped(ca.fingerprint)}</Text>
          <Text size="sm" c="dimmed">Fingeravtrycket står i varje protokoll. Publicera det på förbundets webbplats så att den som får ett protokoll kan jämföra.</Text>
        </>
      ) : (
        <Text size="sm" c="dimmed">Ingen ännu: förbundschefens dator skapar den och den kommer med nästa paket.</Text>
      )}
    </Stack>
  );
}

/** This computer's key: its short code to read aloud, and whether the förbundschef has accepted it. */
export function MyDevice() {
  const session = useSession();
  const device = session?.device;
  // This key's record, watched as such (issue #16).
  const key = useFederationSelector((s) => (device ? s.keys[device.fingerprint] : undefined));
  if (!device) return null;
  const status: PersonKeyStatus | 'rejected' | 'revoked' = key ? key.status : 'missing';
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="my-device-heading">
      <Stack gap="xs">
        <Title order={2} size="h4" id="my-device-heading">
          Den här datorns nyckel
        </Title>
        <Group gap="md">
          <Text>
            Kod: <ShortCode code={device.shortCode} size="lg" />
          </Text>
          <Badge variant="dot" color={status === 'rejected' || status === 'revoked' ? 'red' : KEY_STATUS_COLOR[status]} tt="none" size="lg">
            {STATUS_TEXT[status]}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">Datorn: {device.deviceName}. Koden är densamma som förbundschefen ser när hen godkänner nyckeln.</Text>
        {status === 'pending' && (
          <Group justify="space-between" align="flex-end">
            <Text size="sm">
              Skicka ett paket till förbundschefen och ring hen för att jämföra koden. Dina ändringar gäller när nyckeln är godkänd.
            </Text>
            <Button variant="default" onClick={() => go('packages')}>Gå till Paket</Button>
          </Group>
        )}
        {status === 'rejected' && <Text size="sm">Förbundschefen har avvisat nyckeln. Kontakta förbundschefen.</Text>}
        <CaFingerprint />
      </Stack>
    </Paper>
  );
}
