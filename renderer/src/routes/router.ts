import { create } from 'zustand';
import type { Recipients } from '../../../shared/contract';
import { startOf, type MeetingMode, type Route, type Section } from './route';

/**
 * The current route: the one source of where the user is. Screens read it
 * with `useRoute()` and move with the functions below; `hash-route.ts`
 * mirrors it to the address so Back, Forward and reload work.
 */
export const useRouter = create<{ route: Route }>(() => ({ route: startOf('overview') }));

export const useRoute = (): Route => useRouter((s) => s.route);

export function currentRoute(): Route {
  return useRouter.getState().route;
}

export function navigate(route: Route): void {
  useRouter.setState({ route });
}

/** A section from its start (the menu): Sammanträden and Protokoll show their lists, Ansökningar its list. */
export const go = (section: Section): void => navigate(startOf(section));

/** Sammanträden: a meeting's page, the form for it (edit), the form for a new one (null, 'new'), or the list (null). */
export const openMeeting = (meetingId: string | null, mode: MeetingMode = 'view'): void =>
  navigate({ section: 'meetings', meetingId: mode === 'new' ? null : meetingId, mode: meetingId === null && mode === 'edit' ? 'view' : mode });

/** Protokoll: a meeting's minutes and justering, or (null) the list and the archive. */
export const minutesFor = (meetingId: string | null): void => navigate({ section: 'protokoll', meetingId });

/** Ansökningar: one ansökan's review page, or (null) the list. */
export const openApplication = (applicationId: string | null): void => navigate({ section: 'applications', applicationId });

/** Handlingar with one PDF open in the reader, or (null) none. */
export const openAttachment = (sha256: string | null): void => navigate({ section: 'documents', attachment: sha256 });

/** Paket, with these recipients chosen for the export. */
export const sendTo = (recipients: Recipients): void => navigate({ section: 'packages', recipients });
