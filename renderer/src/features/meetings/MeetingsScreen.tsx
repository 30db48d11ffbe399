import { useEffect, useRef } from 'react';
import { LoadingEvents } from '../../components/LoadingEvents';
import { useFederation } from '../../state/federation';
import { useRoute } from '../../routes/router';
import { MeetingDetail } from './MeetingDetail';
import { MeetingForm } from './MeetingForm';
import { MeetingList } from './MeetingList';

/**
 * Sammanträden: the list, one meeting's page, or the full-page form. Which
 * one is the route, so other screens open a meeting with openMeeting(id)
 * (routes/router) and the form with openMeeting(null, 'new').
 */
export function MeetingsScreen() {
  const { state, ready } = useFederation();
  const route = useRoute();
  const meeting = route.section === 'meetings' && (route.meetingId !== null || route.mode === 'new') ? { id: route.meetingId, mode: route.mode } : null;
  const rootRef = useRef<HTMLDivElement>(null);
  const firstRender = useRef(true);
  const key = meeting ? `${meeting.id ?? ''}:${meeting.mode}` : 'list';

  // Moving between the list, a meeting and the form: focus goes to the new page's heading.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    rootRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [key]);

  if (!ready) return <LoadingEvents title="Sammanträden" />;
  const m = meeting?.id ? state.meetings[meeting.id] : undefined;
  let page;
  if (meeting?.mode === 'new') page = <MeetingForm meeting={null} />;
  else if (m && meeting?.mode === 'edit') page = <MeetingForm meeting={m} />;
  else if (m) page = <MeetingDetail meeting={m} />;
  else page = <MeetingList />;
  return <div ref={rootRef}>{page}</div>;
}
