import { Button, Card, Container, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBuildingCommunity, IconMailOpened, IconPresentation } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { Session } from '../../../../shared/contract';
import { api, userMessage } from '../../api/client';
import { ShortCode } from '../../components/ShortCode';
import { notifyError, notifySuccess } from '../../lib/notify';
import { adoptSession } from '../../state/actions';
import { InvitationImport } from './InvitationImport';
import { SetupForm } from './SetupForm';
import { VerifyPanel } from '../meetings/verify/VerifyPanel';

type Mode = 'choose' | 'setup' | 'invitation' | 'verify';

/** The first run: this installation belongs to no förbund yet. Three ways in. */
export function FirstRunScreen({ session }: { session: Session }) {
  const [mode, setMode] = useState<Mode>('choose');
  return (
    <main className="first-run" id="innehall">
      <Container size="lg" py={48}>
        <Stack gap="xl">
          <Stack gap="xs">
            <Title order={1}>Välkommen till Styrelsebordet</Title>
            <Text size="lg" maw={720}>
              Styrelsebordet är samordningsförbundets styrelserum på den egna datorn: förbundets medlemmar och styrelse, handlingar och
              protokoll – även utan nätverk. Välj hur du vill börja.
            </Text>
          </Stack>
          {mode === 'choose' && <Choices onChoose={setMode} />}
          {mode === 'setup' && <SetupForm onCancel={() => setMode('choose')} />}
          {mode === 'invitation' && <InvitationImport onCancel={() => setMode('choose')} />}
          {mode === 'choose' && (
            <Group gap="sm">
              <Text>Har du fått ett protokoll från ett samordningsförbund?</Text>
              <Button variant="subtle" onClick={() => setMode('verify')}>Kontrollera protokoll</Button>
            </Group>
          )}
          {mode === 'verify' && (
            <Stack gap="sm">
              <VerifyPanel ownCa={null} title={<Title order={2}>Kontrollera ett protokoll</Title>} />
              <Group>
                <Button variant="default" onClick={() => setMode('choose')}>Tillbaka</Button>
              </Group>
            </Stack>
          )}
          <DeviceNote session={session} />
        </Stack>
      </Container>
    </main>
  );
}

function Choices({ onChoose }: { onChoose(mode: Mode): void }) {
  const [demoBusy, setDemoBusy] = useState(false);
  const loadDemo = async () => {
    setDemoBusy(true);
    try {
      const session = await api['demo.load']({});
      await adoptSession(session);
      notifySuccess('Demoförbundet är inläst', `Du utforskar ${session.forbund?.name ?? 'ett demoförbund'}. Allt i det är påhittat.`);
    } catch (err) {
      notifyError('Demoförbundet kunde inte läsas in', userMessage(err));
      setDemoBusy(false);
    }
  };
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
      <Choice icon={<IconBuildingCommunity size={28} aria-hidden />} title="Nytt förbund" action={<Button onClick={() => onChoose('setup')}>Sätt upp ett nytt förbund</Button>}>
        För förbundschefen. Ange förbundets namn och organisationsnummer och dig själv som förbundschef. Medlemmar och styrelse lägger du till
        sedan.
      </Choice>
      <Choice
        icon={<IconMailOpened size={28} aria-hidden />}
        title="Inbjudan"
        action={<Button variant="default" onClick={() => onChoose('invitation')}>Importera en inbjudan</Button>}
      >
        Har du fått en inbjudningsfil (.sbpaket) från förbundschefen? Importera den, jämför koden med förbundschefen och bekräfta vem du är.
      </Choice>
      <Choice
        icon={<IconPresentation size={28} aria-hidden />}
        title="Demoförbund"
        action={<Button variant="default" loading={demoBusy} onClick={() => void loadDemo()}>Utforska ett demoförbund</Button>}
      >
        Prova Styrelsebordet med ett påhittat förbund: medlemmar, styrelse och några ändringar att titta på. Inget skickas någonstans. Demoförbundet
        har ingen PIN-kod och sparas okrypterat på datorn – lägg inga riktiga handlingar i det.
      </Choice>
    </SimpleGrid>
  );
}

function Choice({ icon, title, action, children }: { icon: ReactNode; title: string; action: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-label={title}>
      <Stack gap="sm" h="100%" justify="space-between">
        <Stack gap="xs">
          {icon}
          <Title order={2} size="h3">{title}</Title>
          <Text>{children}</Text>
        </Stack>
        <div>{action}</div>
      </Stack>
    </Card>
  );
}

function DeviceNote({ session }: { session: Session }) {
  if (session.device) {
    return (
      <Text c="dimmed">
        Den här datorns kod: <ShortCode code={session.device.shortCode} />
      </Text>
    );
  }
  return (
    <Text c="dimmed" size="sm" maw={720}>
      Den här datorn får sin egen nyckel när du sätter upp ett förbund eller går med genom en inbjudan. Nyckelns kod visas sedan i Översikt, så
      att ni kan jämföra den per telefon.
    </Text>
  );
}
