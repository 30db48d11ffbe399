import { useEffect, useRef, useState } from 'react';
import { LoadingEvents } from '../../components/LoadingEvents';
import { useFederation } from '../../state/federation';
import { useUi } from '../../state/ui-store';
import { ApplicationList } from './ApplicationList';
import { ApplicationReview } from './ApplicationReview';

/** Ansökningar: the list, and one application's review page opened from it (a page, not a modal). */
export function ApplicationsScreen() {
  const { state, ready } = useFederation();
  const [openId, setOpenId] = useState<string | null>(() => useUi.getState().pendingApplication);
  useEffect(() => useUi.getState().openApplication(null), []);
  const rootRef = useRef<HTMLDivElement>(null);
  const firstRender = useRef(true);

  // Moving between the list and a review page: focus goes to the new page's heading.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    rootRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [openId]);

  if (!ready) return <LoadingEvents title="Ansökningar" />;
  const open = openId !== null && state.applications[openId] ? openId : null;
  return (
    <div ref={rootRef}>
      {open ? <ApplicationReview applicationId={open} onBack={() => setOpenId(null)} /> : <ApplicationList onOpen={setOpenId} />}
    </div>
  );
}
