import { Stack } from '@mantine/core';
import { isDirector } from '../../../../shared/domain/events';
import { LoadingEvents } from '../../components/LoadingEvents';
import { PageTitle } from '../../components/PageTitle';
import { useFederation } from '../../state/federation';
import { useSession } from '../../state/session-store';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { InvitationsPanel } from './InvitationsPanel';

/** Paket: send changes, invite people, and take in what others sent. */
export function PackagesScreen() {
  const { state, me, ready } = useFederation();
  const director = me !== null && isDirector(state, me);
  const unsent = useSession()?.sync.unsent ?? 0;
  if (!ready) return <LoadingEvents title="Paket" />;
  return (
    <Stack gap="xl">
      <PageTitle>Paket</PageTitle>
      {/* One primary action: sending when own changes wait, else receiving. */}
      <ImportPanel primary={unsent === 0} director={director} />
      <ExportPanel primary={unsent > 0} />
      {director && <InvitationsPanel />}
    </Stack>
  );
}
