import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconCloudCheck, IconCloudUp } from '@tabler/icons-react';
import type { Session } from '../../../shared/contract';
import { formatDate } from '../../../shared/domain/format';
import { roleLabel } from '../lib/roster';
import { useFederationSelector, useMe } from '../state/federation';
import { useSession } from '../state/session-store';

/**
 * "3 ändringar väntar på att skickas" / "Skickat – väntar på svar" / "Allt är skickat".
 * A package file being made is not the same as it arriving: "Allt är skickat"
 * only once a recipient's own package says they hold every change of mine.
 */
export function unsentText(unsent: number, unconfirmed = 0): string {
  if (unsent > 0) return unsent === 1 ? '1 ändring väntar på att skickas' : `${unsent} ändringar väntar på att skickas`;
  if (unconfirmed > 0) return 'Paket skapat – väntar på svar från mottagaren';
  return 'Allt är skickat';
}

/** "Senast importerat: 2026-03-12 från Förbundschefen", or nothing before the first import. */
export function lastImportText(sync: Session['sync']): string | null {
  return sync.lastImport ? `Senast importerat: ${formatDate(sync.lastImport.at)} från ${sync.lastImport.from}` : null;
}

/** Who is signed in and the sync state, in the header. */
export function HeaderStatus() {
  const session = useSession();
  // My name and role are watched as such (issue #16): the header renders again when the session's counts change (a stance not yet sent), not for every change of the state.
  const me = useMe();
  const person = useFederationSelector((s) => (me ? s.persons[me] : undefined));
  const role = useFederationSelector((s) => (me ? roleLabel(s, me) : ''));
  if (!session) return null;
  const unsent = session.sync.unsent;
  const imported = lastImportText(session.sync);
  // Status above, who is signed in below: one narrow column, so the header holds from 1024 px.
  return (
    <Group gap="lg" wrap="nowrap" visibleFrom="sm">
      <Stack gap={2} align="flex-end">
        <Badge
          variant="outline"
          color="gray"
          c="var(--mantine-color-text)"
          size="md"
          tt="none"
          fw={500}
          leftSection={
            unsent > 0 || session.sync.unconfirmed > 0 ? (
              <IconCloudUp size={16} aria-hidden color="var(--mantine-color-orange-8)" />
            ) : (
              <IconCloudCheck size={16} aria-hidden color="var(--mantine-color-green-8)" />
            )
          }
          data-testid="sync-state"
        >
          {unsentText(unsent, session.sync.unconfirmed)}
        </Badge>
        {person && (
          <Text size="sm" data-testid="signed-in" title={imported ?? undefined}>
            <Text span fw={600}>{person.name}</Text> · {role}
          </Text>
        )}
        {imported && (
          <Text size="xs" c="dimmed" visibleFrom="lg">
            {imported}
          </Text>
        )}
      </Stack>
    </Group>
  );
}
