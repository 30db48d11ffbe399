import type { Recipients } from '../../../shared/contract';

/**
 * Where the user is: one typed value per place in the app (issue #16,
 * "navigation as routes"). Pure: the store that holds the current route is
 * `router.ts`, the address it is mirrored to is `hash-route.ts`.
 */

/** The sections of the menu. */
export type Section = 'overview' | 'meetings' | 'applications' | 'delegations' | 'forbund' | 'packages' | 'documents' | 'about' | 'protokoll' | 'verify';

/** Sammanträden: view = a meeting's page (or the list when no meeting); new / edit = the full-page form. */
export type MeetingMode = 'view' | 'new' | 'edit';

export type Route =
  | { section: 'overview' | 'delegations' | 'forbund' | 'about' | 'verify' }
  /** The list (meetingId null, view), one meeting's page, or the form (meetingId null = a new meeting). */
  | { section: 'meetings'; meetingId: string | null; mode: MeetingMode }
  /** The list and the archive, or one meeting's minutes, protokoll and justering. */
  | { section: 'protokoll'; meetingId: string | null }
  /** The list, or one ansökan's review page. */
  | { section: 'applications'; applicationId: string | null }
  /** The PDFs on this computer, with one open in the reader (by SHA-256). */
  | { section: 'documents'; attachment: string | null }
  /** Paket, with the recipients an export starts with (e.g. the chair and the justerare from Protokoll). Not in the address. */
  | { section: 'packages'; recipients: Recipients | null };

/** A section's start: its list, nothing open. */
export function startOf(section: Section): Route {
  switch (section) {
    case 'meetings':
      return { section, meetingId: null, mode: 'view' };
    case 'protokoll':
      return { section, meetingId: null };
    case 'applications':
      return { section, applicationId: null };
    case 'documents':
      return { section, attachment: null };
    case 'packages':
      return { section, recipients: null };
    default:
      return { section };
  }
}

/** The item a route has open, if it has one that belongs in the address. A form is not an address of its own. */
export function openItemOf(route: Route): string | null {
  switch (route.section) {
    case 'meetings':
      return route.mode === 'view' ? route.meetingId : null;
    case 'protokoll':
      return route.meetingId;
    case 'applications':
      return route.applicationId;
    case 'documents':
      return route.attachment;
    default:
      return null;
  }
}

/** The route of a section with an item open (the item ignored where the section has none). */
export function withItem(section: Section, id: string | null): Route {
  switch (section) {
    case 'meetings':
      return { section, meetingId: id, mode: 'view' };
    case 'protokoll':
      return { section, meetingId: id };
    case 'applications':
      return { section, applicationId: id };
    case 'documents':
      return { section, attachment: id };
    default:
      return startOf(section);
  }
}
