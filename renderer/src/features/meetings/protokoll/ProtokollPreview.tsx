import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { formatAmount, formatDnr } from '../../../../../shared/domain/format';
import type { AttendanceLine, ProtokollDocument, ProtokollVote } from '../../../../../shared/domain/meetings';

/** The draft as a reader sees it: the same content, in the same order, as the signed PDF. */
export function ProtokollPreview({ doc }: { doc: ProtokollDocument }) {
  const time = (t: string | null) => (t ? t.replace(':', '.') : '…');
  return (
    <Paper withBorder p="xl" component="article" aria-label={`Protokoll version ${doc.version}`} data-testid="protokoll-preview">
      <Stack gap="md">
        <Stack gap={0}>
          <Text size="sm" c="dimmed">{doc.forbund.name} · {doc.forbund.orgNr}</Text>
          <Title order={2} size="h3">{`Sammanträdesprotokoll, ${doc.organ.toLowerCase()}`}</Title>
          <Text size="sm">
            {doc.meeting.date}, kl. {time(doc.meeting.startTime)}–{time(doc.meeting.endTime)}, {doc.meeting.place}
            {doc.meeting.distanceParticipation ? ' (med deltagande på distans)' : ''} · {`§§ ${doc.paragraphRange.from}–${doc.paragraphRange.to}`} · version {doc.version}
          </Text>
        </Stack>
        <Attendance title="Beslutande" lines={doc.attendance.deciding} />
        {doc.attendance.substitutesNotServing.length > 0 && <Attendance title="Ersättare som inte tjänstgör" lines={doc.attendance.substitutesNotServing} />}
        {doc.attendance.others.length > 0 && <Attendance title="Övriga deltagande" lines={doc.attendance.others} />}
        {doc.paragraphs.map((p) => (
          <Stack key={p.number} gap={4} component="section" aria-label={`§ ${p.number}`}>
            <Title order={3} size="h5">{`§ ${p.number} ${p.title}`}{p.dnr ? ` (${formatDnr(p.dnr)})` : ''}</Title>
            {p.summary && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{p.summary}</Text>}
            {p.basis.length > 0 && <Text size="sm">Beslutsunderlag: {p.basis.join('; ')}</Text>}
            {p.proposal && <Text size="sm">Förslag till beslut: {p.proposal}</Text>}
            {p.jav.map((j) => <Text size="sm" key={j.personId}>{j.text}</Text>)}
            {p.quorumNote && <Text size="sm">{p.quorumNote}</Text>}
            {p.motions.length > 0 && <Text size="sm">Yrkanden: {p.motions.map((x) => x.text).join(' ')}</Text>}
            {p.vote && (
              <Text size="sm">
                {p.vote.closed
                  ? `Sluten omröstning: ${p.vote.proposition} ${p.vote.yes} ja, ${p.vote.no} nej, ${p.vote.abstain} blanka. ${p.vote.result}`
                  : <>Omröstning: {p.vote.proposition} Ja: {names(p.vote.votes, 'ja')}. Nej: {names(p.vote.votes, 'nej')}.{p.vote.abstain > 0 ? ` Avstår: ${names(p.vote.votes, 'avstar')}.` : ''} {p.vote.result}</>}
              </Text>
            )}
            <Text size="sm" fw={600}>
              Beslut: {p.decision.text}
              {p.decision.amountKr !== null ? ` Beviljat belopp: ${formatAmount(p.decision.amountKr)}` : ''}
              {p.decision.period ? `, ${p.decision.period.from} – ${p.decision.period.to}.` : ''}
            </Text>
            {p.reservations.map((r) => <Text size="sm" key={r.personId}>{r.text}</Text>)}
            {p.notes.map((n, i) => <Text size="sm" key={i}>Protokollsanteckning: {n.text.includes(n.name) ? n.text : `${n.name}: ${n.text}`}</Text>)}
            {p.urgent && <Text size="sm" fs="italic">Paragrafen justeras omedelbart.</Text>}
            {p.sendTo.length > 0 && <Text size="sm" c="dimmed">Expedieras till: {p.sendTo.join(', ')}</Text>}
          </Stack>
        ))}
        <Stack gap={2}>
          <Text size="sm">Justering: {doc.justering.date}, {doc.justering.place}. Förvaras: {doc.storage}.</Text>
          <Text size="sm">
            Ordförande: {doc.signatories.chair.name}. Justerare: {doc.signatories.adjusters.map((a) => a.name).join(', ') || '–'}.
            {doc.signatories.secretary ? ` Sekreterare: ${doc.signatories.secretary.name}.` : ''}
          </Text>
        </Stack>
      </Stack>
    </Paper>
  );
}

const names = (votes: ProtokollVote['votes'], v: string): string =>
  votes.filter((x) => x.vote === v).map((x) => x.name).join(', ') || '–';

function Attendance({ title, lines }: { title: string; lines: AttendanceLine[] }) {
  return (
    <Table aria-label={title} verticalSpacing={2} withRowBorders={false}>
      <Table.Caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600 }}>{title}</Table.Caption>
      <Table.Thead>
        <Table.Tr><Table.Th>Namn</Table.Th><Table.Th>Roll</Table.Th><Table.Th>Organisation</Table.Th><Table.Th>Paragrafer</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((l) => (
          <Table.Tr key={`${l.personId}:${l.role}`}>
            <Table.Td>{l.name}{l.distance ? ' (på distans)' : ''}</Table.Td>
            <Table.Td>{l.role}</Table.Td>
            <Table.Td>{l.organisation ?? ''}</Table.Td>
            <Table.Td>{l.paragraphs ?? 'alla'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
