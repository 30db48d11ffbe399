import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { headsOf } from '../../../../../shared/domain/events';
import { buildProtokoll, lastVersion, latestDraft, type DraftPart, type DraftRecord } from '../../../../../shared/domain/meetings';
import { api, userMessage } from '../../../api/client';
import { downloadBytes } from '../../../lib/download';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { appendEvent } from '../../../state/actions';
import { isPending, useFederation } from '../../../state/federation';
import { PendingNote } from '../../../components/PendingNote';
import { SavedFileLine } from '../../../components/SavedFile';
import { sendTo } from '../../../routes/router';
import { AnslagBox } from './AnslagBox';
import { AttestDialog, FeedbackDialog } from './JusteringDialogs';
import { ProtokollPreview } from './ProtokollPreview';
import { justeringRecipients, protokollActions, signerLines, urgentParagraphs } from './protokoll-view';

type Dialog = { kind: 'attest' | 'commented' | 'returned'; draft: DraftRecord } | null;

/** Protokoll och justering: draft, send, read, comment, send back, attest; when justerat the anslag dates and the signed PDF. */
export function ProtokollPanel({ meetingId }: { meetingId: string }) {
  const { state, me, pending } = useFederation();
  const m = state.meetings[meetingId]!;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const draft = latestDraft(m, 'whole');
  const a = protokollActions(state, m, me);
  const signers = signerLines(state, meetingId);

  async function makeDraft(part: DraftPart) {
    setBusy(`draft-${part}`);
    try {
      const version = lastVersion(m) + 1;
      await appendEvent('protokoll.drafted', { meetingId, version, part, document: buildProtokoll(state, meetingId, version, part) as unknown as Record<string, unknown> }, headsOf(state, meetingId));
      notifySuccess(part === 'whole' ? `Protokollsutkast version ${version}` : `Utdrag för § ${part}`, 'Skicka det för justering till ordföranden och justerarna.');
    } catch (err) {
      notifyError('Utkastet skapades inte', userMessage(err));
    } finally {
      setBusy(null);
    }
  }

  async function exportPdf(variant: 'full' | 'public', part: DraftPart = 'whole') {
    setBusy(`export-${variant}-${part}`);
    try {
      const file = await api['protokoll.export']({ meetingId, variant, ...(part === 'whole' ? {} : { part }) });
      downloadBytes(file.bytes, file.fileName, 'application/pdf');
      setExported(file.fileName);
      notifySuccess('Protokollet exporterades', `${file.fileName} sparades; en kopia finns i mappen för exporter.`);
    } catch (err) {
      notifyError('Protokollet kunde inte exporteras', userMessage(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" component="section" aria-labelledby="justering-heading">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h3" id="justering-heading">Justering</Title>
            {m.locked ? <Badge variant="dot" tt="none" color="green" size="lg">{`Justerat ${m.locked.date}`}</Badge> : draft ? <Badge variant="dot" tt="none" color={a.returned ? 'orange' : 'blue'} size="lg">{a.returned ? `Version ${draft.version} återsänd` : `Version ${draft.version} för justering`}</Badge> : <Badge variant="dot" tt="none" color="gray" size="lg">Inget utkast</Badge>}
          </Group>
          {a.draftBlocked && a.secretary && <Text size="sm" c="dimmed">{a.draftBlocked}</Text>}
          {a.secretary && !a.locked && (draft === undefined || a.returned) && (
            <Group>
              <Button disabled={!a.canDraft} loading={busy === 'draft-whole'} onClick={() => void makeDraft('whole')}>
                {draft ? 'Skapa rättat protokollsutkast' : 'Skapa protokollsutkast'}
              </Button>
            </Group>
          )}
          {a.secretary && draft && !a.returned && !a.locked && (
            <Group>
              <Button onClick={() => sendTo({ mode: 'persons', personIds: justeringRecipients(m, me) })} disabled={justeringRecipients(m, me).length === 0}>Skicka för justering</Button>
              <Text size="sm" c="dimmed">Till ordföranden och justerarna, som ett paket.</Text>
            </Group>
          )}
          {signers.current.length > 0 && (
            <List spacing={2} size="sm" aria-label="Justerare och status">
              {signers.current.map((s) => (
                <List.Item key={`${s.role}:${s.name}`} data-testid="signer-status">
                  {`${s.role}: ${s.name} – ${s.state}`}
                  {s.personId === me && s.attested && isPending(pending, 'protokoll.attested', { meetingId }) && <PendingNote />}
                </List.Item>
              ))}
            </List>
          )}
          {signers.invalid.length > 0 && (
            <List spacing={2} size="sm" c="orange.9" aria-label="Ogiltiga justeringar">
              {signers.invalid.map((t) => <List.Item key={t} data-testid="signer-invalid">{t}</List.Item>)}
            </List>
          )}
          {m.feedback.length > 0 && (
            <Stack gap={4}>
              <Text size="sm" fw={600}>Synpunkter</Text>
              {m.feedback.map((f) => (
                <Text size="sm" key={f.eventId} data-testid="feedback">{`${f.kind === 'returned' ? 'Återsänt' : 'Kommentar'} (version ${f.version}) av ${state.persons[f.personId]?.name ?? 'okänd'}: ${f.comment}`}</Text>
              ))}
            </Stack>
          )}
          {draft && a.attestRole && !a.locked && !a.returned && (
            <Group>
              {!a.attested && <Button onClick={() => setDialog({ kind: 'attest', draft })}>Justera protokollet</Button>}
              <Button variant="default" onClick={() => setDialog({ kind: 'commented', draft })}>Kommentera</Button>
              {!a.attested && <Button variant="default" color="orange" onClick={() => setDialog({ kind: 'returned', draft })}>Skicka tillbaka</Button>}
            </Group>
          )}
          <AnslagBox meetingId={meetingId} />
          {Object.keys(m.lockedParagraphs).map(Number).sort((x, y) => x - y).map((n) => <AnslagBox key={n} meetingId={meetingId} part={n} />)}
          {m.locked && (
            <Group>
              <Button loading={busy === 'export-full-whole'} onClick={() => void exportPdf('full')}>Exportera signerat protokoll</Button>
              <Button variant="default" loading={busy === 'export-public-whole'} onClick={() => void exportPdf('public')}>Exportera offentlig version</Button>
            </Group>
          )}
          {exported && <SavedFileLine fileName={exported} />}
        </Stack>
      </Paper>
      <UrgentParagraphs meetingId={meetingId} busy={busy} onDraft={(n) => void makeDraft(n)} onExport={(n) => void exportPdf('full', n)} onAttest={(d) => setDialog({ kind: 'attest', draft: d })} />
      {draft ? <ProtokollPreview doc={draft.document} /> : <Text c="dimmed">När mötet är avslutat skapar sekreteraren protokollsutkastet här. Det visas då som det kommer att se ut i protokollet.</Text>}
      {dialog?.kind === 'attest' && (
        <AttestDialog meetingId={meetingId} draft={dialog.draft} role={protokollActions(state, m, me, dialog.draft.part).attestRole ?? 'adjuster'} opened onClose={() => setDialog(null)} />
      )}
      {(dialog?.kind === 'commented' || dialog?.kind === 'returned') && <FeedbackDialog meetingId={meetingId} draft={dialog.draft} kind={dialog.kind} opened onClose={() => setDialog(null)} />}
    </Stack>
  );
}

/** §§ justerade omedelbart: drafted by the secretary at the meeting, attested by the chair and the justerare each with their own key, exported before the rest. */
function UrgentParagraphs({ meetingId, busy, onDraft, onExport, onAttest }: { meetingId: string; busy: string | null; onDraft(n: number): void; onExport(n: number): void; onAttest(d: DraftRecord): void }) {
  const { state, me } = useFederation();
  const m = state.meetings[meetingId]!;
  const urgent = urgentParagraphs(state, m);
  if (urgent.length === 0) return null;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="urgent-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="urgent-heading">Paragrafer som justeras omedelbart</Title>
        {urgent.map((u) => {
          const d = latestDraft(m, u.number);
          const a = protokollActions(state, m, me, u.number);
          const s = signerLines(state, meetingId, u.number);
          return (
            <Stack key={u.itemId} gap={4} role="group" aria-label={`§ ${u.number}`}>
              <Text fw={600}>{`§ ${u.number} ${u.title}`}{u.locked ? ` – justerad ${m.lockedParagraphs[String(u.number)]!.date}` : ''}</Text>
              {s.current.map((x) => <Text size="sm" key={`${x.role}:${x.name}`}>{`${x.role}: ${x.name} – ${x.state}`}</Text>)}
              <Group>
                {a.secretary && !u.locked && (!d || a.returned) && (
                  <Button size="sm" disabled={!a.canDraft} title={a.draftBlocked ?? undefined} loading={busy === `draft-${u.number}`} onClick={() => onDraft(u.number)}>{`Justera § ${u.number} omedelbart`}</Button>
                )}
                {d && a.attestRole && !a.attested && !u.locked && <Button size="sm" onClick={() => onAttest(d)}>{`Justera § ${u.number}`}</Button>}
                {u.locked && <Button size="sm" variant="default" loading={busy === `export-full-${u.number}`} onClick={() => onExport(u.number)}>{`Exportera utdrag § ${u.number}`}</Button>}
              </Group>
              {a.secretary && a.draftBlocked && !u.locked && <Text size="xs" c="dimmed">{a.draftBlocked}</Text>}
            </Stack>
          );
        })}
        <Text size="xs" c="dimmed">Ordföranden och justerarna justerar var och en med sin egen nyckel: på sina egna datorer efter ett paket, eller på den här datorn om det är ordföranden som för protokollet.</Text>
      </Stack>
    </Paper>
  );
}
