import { create } from 'zustand';
import { go } from '../routes/router';

/** A file the user opened outside the window (double-click, the menu), waiting for the screen that handles it. */
export interface IncomingFile {
  fileName: string;
  bytes: Uint8Array;
}

interface Incoming {
  /** A package, waiting for its preview under Paket. */
  incomingPackage: IncomingFile | null;
  /** A PDF opened with "Arkiv → Kontrollera ett protokoll…", waiting for the check. */
  incomingProtokoll: IncomingFile | null;
}

export const useIncoming = create<Incoming>(() => ({ incomingPackage: null, incomingProtokoll: null }));

/** Opening a package takes the user to Paket, where its preview appears; null when it has been taken. */
export function receivePackage(file: IncomingFile | null): void {
  useIncoming.setState({ incomingPackage: file });
  if (file) go('packages');
}

/** Opening a protokoll takes the user to Kontrollera protokoll; null when it has been taken. */
export function checkProtokoll(file: IncomingFile | null): void {
  useIncoming.setState({ incomingProtokoll: file });
  if (file) go('verify');
}
