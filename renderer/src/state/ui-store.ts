import { create } from 'zustand';

/** The sections of the app. Only sections that work are listed; later issues add theirs. */
export type Section = 'overview' | 'meetings' | 'applications' | 'forbund' | 'packages' | 'documents' | 'about';

/** view = the meeting's page; new / edit = the full-page form (id null for a new meeting). */
export type MeetingMode = 'view' | 'new' | 'edit';

interface UiState {
  section: Section;
  /** The attachment open in the viewer, by SHA-256. */
  openAttachment: string | null;
  /** A package the user opened outside the window (double-click, menu), waiting for its preview. */
  incomingPackage: { fileName: string; bytes: Uint8Array } | null;
  /**
   * Sammanträden: the meeting open there (null = the list) and how. Other
   * screens (minutes, protokoll, Översikt) open a meeting with openMeeting(id).
   */
  meeting: { id: string | null; mode: MeetingMode } | null;
  go(section: Section): void;
  openMeeting(id: string | null, mode?: MeetingMode): void;
  open(sha256: string | null): void;
  receivePackage(file: { fileName: string; bytes: Uint8Array } | null): void;
}

/** UI and session state only; data lives in Dexie and on the main side. */
export const useUi = create<UiState>((set) => ({
  section: 'overview',
  openAttachment: null,
  incomingPackage: null,
  meeting: null,
  // Choosing Sammanträden in the navigation shows its list, not the meeting last open.
  go: (section) => set(section === 'meetings' ? { section, meeting: null } : { section }),
  openMeeting: (id, mode = 'view') => set({ section: 'meetings', meeting: id === null && mode !== 'new' ? null : { id, mode } }),
  open: (sha256) => set({ openAttachment: sha256 }),
  // Opening a package takes the user to Paket, where its preview appears.
  receivePackage: (file) => set(file ? { incomingPackage: file, section: 'packages' } : { incomingPackage: null }),
}));
