import { create } from 'zustand';
import type { Recipients } from '../../../shared/contract';

/** The sections of the app. Only sections that work are listed; later issues add theirs. */
export type Section = 'overview' | 'meetings' | 'applications' | 'delegations' | 'forbund' | 'packages' | 'documents' | 'about' | 'protokoll' | 'verify';

/** view = the meeting's page; new / edit = the full-page form (id null for a new meeting). */
export type MeetingMode = 'view' | 'new' | 'edit';

interface UiState {
  section: Section;
  /** The attachment open in the viewer, by SHA-256. */
  openAttachment: string | null;
  /** A package the user opened outside the window (double-click, menu), waiting for its preview. */
  incomingPackage: { fileName: string; bytes: Uint8Array } | null;
  /** The meeting open under Protokoll (För protokoll and justering); null = the list and the archive. */
  minutesMeetingId: string | null;
  /** Recipients the Paket screen's export starts with (e.g. the chair and the justerare); null = its default. */
  packageRecipients: Recipients | null;
  /** Opens a meeting's minutes and protokoll (from Sammanträden or the Protokoll list); null goes back to the list. */
  minutesFor(meetingId: string | null): void;
  /** Goes to Paket with these recipients chosen. */
  sendTo(recipients: Recipients): void;
  /**
   * Sammanträden: the meeting open there (null = the list) and how. Other
   * screens (minutes, protokoll, Översikt) open a meeting with openMeeting(id).
   */
  meeting: { id: string | null; mode: MeetingMode } | null;
  go(section: Section): void;
  openMeeting(id: string | null, mode?: MeetingMode): void;
  /** An ansökan to open when Ansökningar mounts (a link from Översikt), taken once. */
  pendingApplication: string | null;
  openApplication(applicationId: string | null): void;
  /** The ansökan whose page Ansökningar shows now (null = its list); mirrored to the address. */
  applicationOpen: string | null;
  showingApplication(applicationId: string | null): void;
  open(sha256: string | null): void;
  receivePackage(file: { fileName: string; bytes: Uint8Array } | null): void;
  /** A PDF the user opened with "Arkiv → Kontrollera ett protokoll…", waiting for the check. */
  incomingProtokoll: { fileName: string; bytes: Uint8Array } | null;
  checkProtokoll(file: { fileName: string; bytes: Uint8Array } | null): void;
}

/** UI and session state only; data lives in Dexie and on the main side. */
export const useUi = create<UiState>((set) => ({
  section: 'overview',
  openAttachment: null,
  incomingPackage: null,
  minutesMeetingId: null,
  packageRecipients: null,
  minutesFor: (meetingId) => set(meetingId ? { minutesMeetingId: meetingId, section: 'protokoll' } : { minutesMeetingId: null }),
  sendTo: (recipients) => set({ packageRecipients: recipients, section: 'packages' }),
  meeting: null,
  // Choosing Sammanträden in the navigation shows its list, not the meeting last open.
  // Choosing a section always shows its start: Sammanträden and Protokoll their lists (Ansökningar remounts).
  go: (section) =>
    set(section === 'meetings' ? { section, meeting: null } : section === 'protokoll' ? { section, minutesMeetingId: null } : section === 'applications' ? { section, applicationOpen: null } : { section }),
  openMeeting: (id, mode = 'view') => set({ section: 'meetings', meeting: id === null && mode !== 'new' ? null : { id, mode } }),
  pendingApplication: null,
  applicationOpen: null,
  showingApplication: (applicationId) => set({ applicationOpen: applicationId }),
  openApplication: (applicationId) => set(applicationId ? { pendingApplication: applicationId, section: 'applications' } : { pendingApplication: null }),
  open: (sha256) => set({ openAttachment: sha256 }),
  // Opening a package takes the user to Paket, where its preview appears.
  receivePackage: (file) => set(file ? { incomingPackage: file, section: 'packages' } : { incomingPackage: null }),
  incomingProtokoll: null,
  checkProtokoll: (file) => set(file ? { incomingProtokoll: file, section: 'verify' } : { incomingProtokoll: null }),
}));
