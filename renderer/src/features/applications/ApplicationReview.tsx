import { Badge, Button, Grid, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconFileText, IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import {
  APPLICATION_FORM_LABEL,
  APPLICATION_KIND_LABEL,
  IMPLEMENTATION_KIND_LABEL,
  diffApplications,
  type Application,
} from '../../../../shared/domain/applications';
import { currentApplication, isBoardMember, isDirector, personName, type FederationState } from '../../../../shared/domain/events';
import { formatDate, formatDnr } from '../../../../shared/domain/format';
import { StoredPdfPanel } from '../../components/pdf/StoredPdfPanel';
import { PageTitle } from '../../components/PageTitle';
import { formatPeriod, organisationName, partyNames } from './application-rows';
import { today } from '../../lib/roster';
import { useFederation } from '../../state/federation';
import { BudgetView } from './BudgetView';
import { DecisionHistory } from './DecisionHistory';
import { DirectorPanel } from './DirectorPanel';
import { MyReview } from './MyReview';
import { SummaryPdfButton } from './SummaryPdfButton';
import { formatDiffValue } from './diff-values';

/** One ansökan: the structured data, its budget and attachments beside it, and the review. */
export function ApplicationReview({ applicationId, onBack, onRevise }: { applicationId: string; onBack(): void; onRevise?: () => void }) {
  const { state, me } = useFederation();
  const [openSha, setOpenSha] = useState<string | null>(null);
  const app = currentApplication(state, applicationId);
  const appState = state.applications[applicationId];
  if (!app || !appState) return null;
  const date = today();
  const member = me !== null && isBoardMember(state, me, date);
  const director = me !== null && isDirector(state, me);
  const opened = app.attachments.find((a) => a.sha256 === openSha) ?? null;

  return (
    <Stack gap="lg">
      <Group>
        <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack}>
          Tillbaka till listan
        </Button>
        <SummaryPdfButton applicationId={applicationId} />
        {onRevise && <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={onRevise}>Registrera ny version</Button>}
      </Group>
      <Stack gap={4}>
        <PageTitle>{app.name}</PageTitle>
        <Text c="dimmed" mt={-12}>
          {formatDnr(app.registrationNumber)} · version {app.version} · inkom {app.receivedOn}
        </Text>
      </Stack>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: opened ? 6 : 7 }}>
          <Stack gap="lg">
            <Details state={state} app={app} />
            <DecisionHistory state={state} applicationId={applicationId} />
            <BudgetView state={state} app={app} />
            <Attachments app={app} openSha={openSha} onOpen={setOpenSha} />
            {appState.versions.length > 1 && <Changes state={state} before={appState.versions[appState.current - 2]!} after={app} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: opened ? 6 : 5 }}>
          <Stack gap="lg">
            {opened && <StoredPdfPanel sha256={opened.sha256} fileName={opened.fileName} title={opened.title} noun={{ label: 'Bilaga', definite: 'bilagan' }} onClose={() => setOpenSha(null)} />}
            {director && <DirectorPanel applicationId={applicationId} />}
            {member && me && <MyReview applicationId={applicationId} me={me} />}
            {!member && !director && (
              <Paper withBorder p="lg">
                <Text size="sm">Du har inget styrelseuppdrag i dag och kan därför inte ta ställning till ansökan eller ställa frågor om den.</Text>
              </Paper>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>{title}</Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** A text written by the applicant, kept as written (line breaks included); a dash when empty. */
function Prose({ text }: { text: string }) {
  return text.trim() === '' ? <Text c="dimmed">Inget angivet.</Text> : <Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Text>;
}

function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="application-facts" style={{ display: 'grid', gridTemplateColumns: 'minmax(10rem, max-content) 1fr', gap: '0.35rem 1rem', margin: 0 }}>
      {items.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt style={{ fontWeight: 600 }}>{term}</dt>
          <dd style={{ margin: 0 }}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Details({ state, app }: { state: FederationState; app: Application }) {
  const c = app.contact;
  const t = app.targetGroup;
  const age = t.ageFrom !== null || t.ageTo !== null ? `${t.ageFrom ?? '–'}–${t.ageTo ?? '–'} år` : 'Inte angiven';
  const contact = [c.name, c.role, c.organisationId ? organisationName(state, c.organisationId) : '', c.email, c.phone].filter((x) => x.trim() !== '').join(', ');
  return (
    <>
      <Section id="app-facts" title="Uppgifter om ansökan">
        <Facts
          items={[
            ['Diarienummer', app.registrationNumber],
            ['Inkom', app.receivedOn],
            ['Sökande parter', partyNames(state, app).join(', ')],
            ['Insatsägare', organisationName(state, app.ownerId)],
            ['Kontaktperson', contact || 'Inte angiven'],
            ['Typ av insats', APPLICATION_KIND_LABEL[app.kind]],
            ['Form', APPLICATION_FORM_LABEL[app.form]],
            ['Period', formatPeriod(app.period)],
          ]}
        />
      </Section>
      <Section id="app-background" title="Bakgrund och problembeskrivning">
        <Prose text={app.background} />
      </Section>
      <Section id="app-purpose" title="Syfte och mål">
        <Prose text={app.purpose} />
        {app.goals.length > 0 && (
          <>
            <Title order={3} size="h4">Mål</Title>
            <List spacing="xs">
              {app.goals.map((g, i) => (
                <List.Item key={i}>
                  {g.text}
                  {g.target && <Text size="sm" c="dimmed">Mätbart mål: {g.target}</Text>}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Section>
      <Section id="app-target" title="Målgrupp">
        <Facts
          items={[
            ['Ålder', age],
            ['Område', t.area || 'Inte angivet'],
            ['Antal deltagare', t.participants !== null ? String(t.participants) : 'Inte angivet'],
          ]}
        />
        {t.description.trim() !== '' && <Prose text={t.description} />}
      </Section>
      <Section id="app-activities" title="Aktiviteter">
        <Prose text={app.activities} />
      </Section>
      <Section id="app-governance" title="Organisation och styrning">
        <Prose text={app.governance} />
      </Section>
      <Section id="app-ordinary" title="Relation till ordinarie verksamhet">
        <Prose text={app.relationToOrdinary} />
      </Section>
      <Section id="app-followup" title="Uppföljning och utvärdering">
        <Prose text={app.followUp.text} />
        {app.followUp.nationalSystemReference && <Text size="sm">Referens i Uppföljning Finsam: {app.followUp.nationalSystemReference}</Text>}
      </Section>
      <Section id="app-implementation" title="Implementeringsplan">
        {app.implementation.kind && <Text fw={600}>{IMPLEMENTATION_KIND_LABEL[app.implementation.kind]}</Text>}
        <Prose text={app.implementation.text} />
      </Section>
      <Section id="app-risks" title="Risker">
        <Prose text={app.risks} />
      </Section>
    </>
  );
}

function Attachments({ app, openSha, onOpen }: { app: Application; openSha: string | null; onOpen(sha: string): void }) {
  return (
    <Section id="app-attachments" title="Bilagor">
      {app.attachments.length === 0 ? (
        <Text c="dimmed">Ansökan har inga bilagor.</Text>
      ) : (
        <Stack gap="xs">
          {app.attachments.map((a) => (
            <Group key={a.sha256} justify="space-between" wrap="nowrap">
              <Stack gap={0}>
                <Text fw={500}>{a.title || a.fileName}</Text>
                <Text size="sm" c="dimmed">
                  {a.fileName}
                  {a.confidential && ` · sekretess (${a.oslReference ?? 'OSL'})`}
                </Text>
              </Stack>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconFileText size={14} aria-hidden />}
                onClick={() => onOpen(a.sha256)}
                aria-pressed={openSha === a.sha256}
                aria-label={`Visa bilagan ${a.title || a.fileName}`}
              >
                Visa
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}

function Changes({ state, before, after }: { state: FederationState; before: Application; after: Application }) {
  const changes = diffApplications(before, after);
  return (
    <Section id="app-changes" title="Vad ändrades">
      <Text size="sm" c="dimmed">
        Skillnader mellan version {before.version} och version {after.version}. Registrerad av förbundschefen; tidigare versioner finns kvar.
      </Text>
      {changes.length === 0 ? (
        <Text>Inga ändringar i sak.</Text>
      ) : (
        <List spacing="xs">
          {changes.map((c) => {
            const from = formatDiffValue(state, c.field, c.from);
            const to = formatDiffValue(state, c.field, c.to);
            return (
              <List.Item key={c.field}>
                <Text span fw={600}>{c.label[0]?.toUpperCase() + c.label.slice(1)}</Text>
                {from !== null && to !== null && (
                  <Text span>: från {from} till {to}</Text>
                )}
              </List.Item>
            );
          })}
        </List>
      )}
      <Group gap="xs">
        {state.applications[after.id]?.versions.map((v) => (
          <Badge key={v.version} variant="dot" color="gray" tt="none">Version {v.version}: inkom {formatDate(v.receivedOn)}</Badge>
        ))}
      </Group>
      <Text size="xs" c="dimmed">Registrerad av {personName(state, state.applications[after.id]?.registeredBy ?? '')}.</Text>
    </Section>
  );
}
