import { Alert, Badge, Drawer, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowsSplit2 } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { conflictsOf, type FederationState, type FieldChange, type HistoryEntry } from '../../../shared/domain/events';
import { api, userMessage } from '../api/client';
import { formatDateTime } from '../../../shared/domain/format';
import { formatValue } from '../lib/roster';
import { useFederation } from '../state/federation';

/**
 * The audit trail of one item: every version, who made it and when, and what
 * changed from → to. Conflicts about the item come first, saying what won.
 * The trail is asked of the main side when the drawer opens (and again when
 * the förbund changes): the renderer's state carries no audit trails.
 */
export function HistoryDrawer({ subjectId, title, onClose }: { subjectId: string | null; title: string; onClose(): void }) {
  const { state, eventCount } = useFederation();
  const [loaded, setLoaded] = useState<{ subjectId: string; entries: HistoryEntry[] } | { subjectId: string; error: string } | null>(null);
  useEffect(() => {
    if (!subjectId) return;
    let current = true;
    api['state.history']({ subjectId }).then(
      ({ entries }) => current && setLoaded({ subjectId, entries }),
      (err: unknown) => current && setLoaded({ subjectId, error: userMessage(err) }),
    );
    return () => {
      current = false;
    };
  }, [subjectId, eventCount]);
  const mine = loaded && loaded.subjectId === subjectId ? loaded : null;
  const entries = mine && 'entries' in mine ? mine.entries : [];
  const conflicts = subjectId ? conflictsOf(state, subjectId) : [];
  const winners = new Set(conflicts.map((c) => c.winner));
  const losers = new Set(conflicts.flatMap((c) => c.losers));
  return (
    <Drawer
      opened={subjectId !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={`Historik: ${title}`}
      styles={{ title: { fontSize: 'var(--mantine-h3-font-size)', fontWeight: 600 } }}
      closeButtonProps={{ 'aria-label': 'Stäng historiken' }}
    >
      <Stack gap="md">
        {conflicts.length > 0 && (
          <Alert color="orange" title="Samtidiga ändringar" icon={<IconArrowsSplit2 size={20} aria-hidden />} role="region">
            <Stack gap="xs">
              {conflicts.map((c) => (
                <Text key={`${c.field}-${c.winner}`} size="sm">
                  {c.explanation}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        {!mine && <Text c="dimmed" role="status">Historiken hämtas …</Text>}
        {mine && 'error' in mine && (
          <Alert color="red" title="Historiken kunde inte visas">
            {mine.error}
          </Alert>
        )}
        {mine && 'entries' in mine && entries.length === 0 && <Text c="dimmed">Ingen historik finns för det här ännu.</Text>}
        <ol className="history-list" aria-label="Versioner, äldst först">
          {entries.map((e) => (
            <Paper key={e.eventId} withBorder p="sm" component="li">
              <Entry state={state} entry={e} won={winners.has(e.eventId)} lost={losers.has(e.eventId)} />
            </Paper>
          ))}
        </ol>
      </Stack>
    </Drawer>
  );
}

function Entry({ state, entry, won, lost }: { state: FederationState; entry: HistoryEntry; won: boolean; lost: boolean }) {
  return (
    <Stack gap={4}>
      <Group gap="xs" justify="space-between">
        <Title order={3} size="h5">{entry.label}</Title>
        {won && <Badge variant="dot" color="green" tt="none">Vann vid samtidig ändring</Badge>}
        {lost && <Badge variant="dot" color="orange" tt="none">Ersattes av en samtidig ändring</Badge>}
      </Group>
      <Text size="sm" c="dimmed">
        {formatDateTime(entry.at)} · {entry.authorName}
      </Text>
      {entry.changes.length > 0 ? (
        <List size="sm" spacing={2}>
          {entry.changes.map((c) => (
            <List.Item key={c.field}>{changeText(state, c)}</List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm">Inga fält ändrades.</Text>
      )}
    </Stack>
  );
}

/** `namn: Anna Andersson → Anna Berg`, or `namn: Anna Andersson` when the field is new. */
export function changeText(state: FederationState, c: FieldChange): string {
  const label = c.label[0]!.toUpperCase() + c.label.slice(1);
  const to = formatValue(state, c.field, c.to);
  return c.from === null ? `${label}: ${to}` : `${label}: ${formatValue(state, c.field, c.from)} → ${to}`;
}
