import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowsSplit2, IconClockPause } from '@tabler/icons-react';
import { useState } from 'react';
import { personName, plainReason, type FederationState } from '../../../../shared/domain/events';
import { formatDate } from '../../../../shared/domain/format';
import { shortCode } from '../../../../shared/domain/log/signed-event';
import { HistoryDrawer } from '../../components/HistoryDrawer';
import { ShortCode } from '../../components/ShortCode';
import { eventLabel, subjectName } from '../../lib/roster';

/** Events kept aside until their key is accepted, grouped by key. */
export function HeldEvents({ state }: { state: FederationState }) {
  const groups = new Map<string, { author: string; keyStatus: 'pending' | 'unknown'; count: number }>();
  for (const h of state.held) {
    const g = groups.get(h.fingerprint) ?? { author: h.author, keyStatus: h.keyStatus, count: 0 };
    g.count++;
    groups.set(h.fingerprint, g);
  }
  if (groups.size === 0) return null;
  return (
    <Alert color="yellow" title="Väntar på godkännande" icon={<IconClockPause size={20} aria-hidden />} role="region">
      <Text size="sm" mb="xs">
        Ändringar från nycklar som förbundschefen ännu inte har godkänt hålls tillbaka. De gäller så snart nyckeln är godkänd.
      </Text>
      <List size="sm" spacing="xs">
        {[...groups].map(([fp, g]) => (
          <List.Item key={fp}>
            {personName(state, g.author)}: {g.count === 1 ? '1 ändring' : `${g.count} ändringar`} väntar på godkännande, nyckel <ShortCode code={shortCode(fp)} />
            {g.keyStatus === 'unknown' ? ' (nyckelns registrering har inte kommit hit ännu)' : ''}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** Events without authority or with bad content: kept, never applied, with the Swedish reason. */
export function RefusedEvents({ state }: { state: FederationState }) {
  const [showAll, setShowAll] = useState(false);
  if (state.refused.length === 0) return null;
  const shown = showAll ? state.refused : state.refused.slice(-10);
  return (
    <Alert color="red" title="Avvisade ändringar" icon={<IconAlertTriangle size={20} aria-hidden />} role="region">
      <Text size="sm" mb="xs">Ändringarna nedan finns sparade men tillämpas inte. Skälet står vid varje ändring.</Text>
      <List size="sm" spacing="xs">
        {shown.map((r) => (
          <List.Item key={r.eventId}>
            <Text span fw={600} size="sm">{eventLabel(r.type)}</Text> från {personName(state, r.author)}, {formatDate(r.at)}: {plainReason(r.type, r.reason)}
          </List.Item>
        ))}
      </List>
      {state.refused.length > shown.length && (
        <Button variant="subtle" color="dark" size="xs" mt="xs" onClick={() => setShowAll(true)}>
          Visa alla {state.refused.length}
        </Button>
      )}
    </Alert>
  );
}

/** Concurrent changes: what happened and what won, with the item's history a click away. */
export function Conflicts({ state }: { state: FederationState }) {
  const [open, setOpen] = useState<string | null>(null);
  if (state.conflicts.length === 0) return null;
  return (
    <Alert color="orange" title="Samtidiga ändringar" icon={<IconArrowsSplit2 size={20} aria-hidden />} role="region">
      <Stack gap="xs">
        {state.conflicts.map((c) => (
          <Stack key={`${c.subject}-${c.field}-${c.winner}`} gap={2} align="flex-start">
            <Text size="sm">
              <strong>{subjectName(state, c.subject)}</strong>: {c.explanation}
            </Text>
            <Button variant="subtle" color="dark" size="xs" px={0} onClick={() => setOpen(c.subject)}>
              Visa historik för {subjectName(state, c.subject)}
            </Button>
          </Stack>
        ))}
      </Stack>
      <HistoryDrawer subjectId={open} title={open ? subjectName(state, open) : ''} onClose={() => setOpen(null)} />
    </Alert>
  );
}
