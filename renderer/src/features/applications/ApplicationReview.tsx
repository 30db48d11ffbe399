import { Badge, Button, Grid, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconFileText, IconPencil } from '@tabler/icons-react';
import { memo, useState, type ReactNode } from 'react';
import {
  APPLICATION_FORM_LABEL,
  APPLICATION_KIND_LABEL,
  IMPLEMENTATION_KIND_LABEL,
  diffApplications,
  type Application,
} from '../../../../shared/domain/applications';
import { currentApplication, isBoardMember, isDirector, personName } from '../../../../shared/domain/events';
import { formatDate, formatDnr } from '../../../../shared/domain/format';
import { StoredPdfPanel } from '../../components/pdf/StoredPdfPanel';
import { PageTitle } from '../../components/PageTitle';
import { formatPeriod, organisationName, partyNames } from './application-rows';
import { today } from '../../lib/roster';
import { useFederationDerived, useFederationSelector, useMe } from '../../state/federation';
import { BudgetView } from './BudgetView';
import { DecisionHistory } from './DecisionHistory';
import { DirectorPanel } from './DirectorPanel';
import { MyReview } from './MyReview';
import { SummaryPdfButton } from './SummaryPdfButton';
import { formatDiffValue } from './diff-values';

/**
 * One ansökan: the structured data, its budget and attachments beside it, and the review.
 * Each part watches its own slice of the state (issue #16): a stance re-renders the review
 * panel that shows it, not the ansökan's text, budget or decisions (the store keeps an
 * unchanged version the same object, keep-equal.ts).
 */
export function ApplicationReview({ applicationId, onBack, onRevise }: { applicationId: string; onBack(): void; onRevise?: () => void }) {
  const me = useMe();
  const [openSha, setOpenSha] = useState<string | null>(null);
  const app = useFederationSelector((s) => currentApplication(s, applicationId));
  const previous = useFederationSelector((s) => {
    const a = s.applications[applicationId];
    return a && a.versions.length > 1 ? a.versions[a.current - 2] : undefined;
  });
  const date = today();
  const member = useFederationSelector((s) => me !== null && isBoardMember(s, me, date));
  const director = useFederationSelector((s) => me !== null && isDirector(s, me));
  if (!app) return null;
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
            <Details app={app} />
            <DecisionHistory applicationId={applicationId} />
            <BudgetView app={app} />
            <Attachments app={app} openSha={openSha} onOpen={setOpenSha} />
            {previous && <Changes before={previous} after={app} />}
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

const Details = memo(function Details({ app }: { app: Application }) {
  const c = app.contact;
  const t = app.targetGroup;
  const age = t.ageFrom !== null || t.ageTo !== null ? `${t.ageFrom ?? '–'}–${t.ageTo ?? '–'} år` : 'Inte angiven';
  const names = useFederationDerived(
    (s) => ({ contactOrg: c.organisationId ? organisationName(s, c.organisationId) : '', parties: partyNames(s, app).join(', '), owner: organisationName(s, app.ownerId) }),
    [app, c.organisationId],
  );
  const contact = [c.name, c.role, names.contactOrg, c.email, c.phone].filter((x) => x.trim() !== '').join(', ');
  return (
    <>
      <Section id="app-facts" title="Uppgifter om ansökan">
        <Facts
          items={[
            ['Diarienummer', app.registrationNumber],
            ['Inkom', app.receivedOn],
            ['Sökande parter', names.parties],
            ['Insatsägare', names.owner],
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
});

const Attachments = memo(function Attachments({ app, openSha, onOpen }: { app: Application; openSha: string | null; onOpen(sha: string): void }) {
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
});

const Changes = memo(function Changes({ before, after }: { before: Application; after: Application }) {
  const changes = diffApplications(before, after);
  // The values in words (organisations by name), the versions and who registered them.
  const shown = useFederationDerived(
    (s) => ({
      values: changes.map((c) => ({ from: formatDiffValue(s, c.field, c.from), to: formatDiffValue(s, c.field, c.to) })),
      versions: (s.applications[after.id]?.versions ?? []).map((v) => ({ version: v.version, receivedOn: v.receivedOn })),
      registeredBy: personName(s, s.applications[after.id]?.registeredBy ?? ''),
    }),
    [before, after],
  );
  return (
    <Section id="app-changes" title="Vad ändrades">
      <Text size="sm" c="dimmed">
        Skillnader mellan version {before.version} och version {after.version}. Registrerad av förbundschefen; tidigare versioner finns kvar.
      </Text>
      {changes.length === 0 ? (
        <Text>Inga ändringar i sak.</Text>
      ) : (
        <List spacing="xs">
          {changes.map((c, i) => {
            const { from, to } = shown.values[i]!;
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
        {shown.versions.map((v) => (
          <Badge key={v.version} variant="dot" color="gray" tt="none">Version {v.version}: inkom {formatDate(v.receivedOn)}</Badge>
        ))}
      </Group>
      <Text size="xs" c="dimmed">Registrerad av {shown.registeredBy}.</Text>
    </Section>
  );
});
