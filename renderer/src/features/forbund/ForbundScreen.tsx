import { Alert, Stack } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { isDirector } from '../../../../shared/domain/events';
import { LoadingEvents } from '../../components/LoadingEvents';
import { HistoryDrawer } from '../../components/HistoryDrawer';
import { PageTitle } from '../../components/PageTitle';
import { subjectName } from '../../lib/roster';
import { useFederation } from '../../state/federation';
import { BoardFindings } from './BoardFindings';
import { FederationDetails } from './FederationDetails';
import { OrganisationsSection } from './OrganisationsSection';
import { PersonsSection } from './PersonsSection';
import { LostLaptopSection } from './LostLaptopSection';
import { OrdningSection } from './OrdningSection';

/** Förbundet: the förbund, its member organisations and its people, as the events say. */
export function ForbundScreen() {
  const { state, me, ready } = useFederation();
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const canEdit = me !== null && isDirector(state, me);
  const noOrganisations = Object.keys(state.organisations).length === 0;
  if (!ready) return <LoadingEvents title="Förbundet" />;
  return (
    <Stack gap="xl">
      <PageTitle>Förbundet</PageTitle>
      {!canEdit && (
        <Alert color="gray" icon={<IconLock size={20} aria-hidden />} title="Du kan läsa men inte ändra" role="region">
          Bara förbundschefen kan ändra förbundets uppgifter, medlemmar och styrelse. Du ser dem här som de är enligt de ändringar som finns på
          den här datorn.
        </Alert>
      )}
      <FederationDetails state={state} canEdit={canEdit} onHistory={setHistoryOf} />
      <OrdningSection state={state} canEdit={canEdit} />
      <OrganisationsSection state={state} canEdit={canEdit} primary={noOrganisations} onHistory={setHistoryOf} />
      <BoardFindings state={state} />
      <PersonsSection state={state} canEdit={canEdit} primary={!noOrganisations} onHistory={setHistoryOf} />
      {canEdit && <LostLaptopSection state={state} />}
      <HistoryDrawer subjectId={historyOf} title={historyOf ? subjectName(state, historyOf) : ''} onClose={() => setHistoryOf(null)} />
    </Stack>
  );
}
