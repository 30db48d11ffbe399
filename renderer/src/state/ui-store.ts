import { create } from 'zustand';

/** The sections of the app. Only sections that work are listed; later issues add theirs. */
export type Section = 'overview' | 'applications' | 'forbund' | 'packages' | 'documents' | 'about';

interface UiState {
  section: Section;
  /** The attachment open in the viewer, by SHA-256. */
  openAttachment: string | null;
  /** A package the user opened outside the window (double-click, menu), waiting for its preview. */
  incomingPackage: { fileName: string; bytes: Uint8Array } | null;
  /** An ansökan to open when Ansökningar mounts (a link from Översikt), taken once. */
  pendingApplication: string | null;
  go(section: Section): void;
  openApplication(applicationId: string | null): void;
  open(sha256: string | null): void;
  receivePackage(file: { fileName: string; bytes: Uint8Array } | null): void;
}

/** UI and session state only; data lives in Dexie and on the main side. */
export const useUi = create<UiState>((set) => ({
  section: 'overview',
  openAttachment: null,
  incomingPackage: null,
  pendingApplication: null,
  go: (section) => set({ section }),
  openApplication: (applicationId) => set(applicationId ? { pendingApplication: applicationId, section: 'applications' } : { pendingApplication: null }),
  open: (sha256) => set({ openAttachment: sha256 }),
  // Opening a package takes the user to Paket, where its preview appears.
  receivePackage: (file) => set(file ? { incomingPackage: file, section: 'packages' } : { incomingPackage: null }),
}));
