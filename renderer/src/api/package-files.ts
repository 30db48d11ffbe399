import { decodeWire, type Envelope, type PackagePreview } from '../../../shared/contract';
import { api, ApiError, hostToken } from './client';

/**
 * Package files in and out (issue #16: packages by path, not by bytes). The
 * renderer never holds a package's bytes and never names a path:
 * - Electron: the main side's dialogs (`packages.choose`, `packages.save`);
 *   a package opened outside the window arrives as an id (`packages.nextOpened`).
 * - Browser host: the chosen File streams as the raw body of an upload (the
 *   host seals it as it arrives) and the export is saved through a download
 *   address the host serves from its outgoing folder.
 */
export type IncomingPackage = { fileId: string; fileName: string };
/** A file the user chose in the browser, or a package the main side already holds. */
export type PickedPackage = File | IncomingPackage;

export const isDesktop = (): boolean => Boolean(window.styrelsebordet);
export const pickedName = (p: PickedPackage): string => (p instanceof File ? p.name : p.fileName);

/** Streams a chosen file to the browser host; the id `packages.preview` takes. */
export async function uploadPackage(file: File): Promise<IncomingPackage> {
  let response: Response;
  try {
    response = await fetch(`/upload/package?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${hostToken()}` },
      body: file,
    });
  } catch {
    throw new ApiError('offline', 'Filen kunde inte skickas till Styrelsebordets värd. Försök igen.');
  }
  let envelope: Envelope<IncomingPackage>;
  try {
    envelope = decodeWire(await response.text()) as Envelope<IncomingPackage>;
  } catch {
    throw new ApiError('internal', `Värden tog inte emot filen (${response.status}).`);
  }
  if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
  return envelope.value;
}

/** Reads a picked package for its preview: a browser file is uploaded first. */
export async function previewPicked(p: PickedPackage): Promise<PackagePreview> {
  const file = p instanceof File ? await uploadPackage(p) : p;
  return api['packages.preview']({ fileId: file.fileId });
}

/** Electron: the main side's open dialog; null when the user cancelled. */
export async function choosePackage(): Promise<IncomingPackage | null> {
  return (await api['packages.choose']({})).file;
}

/** Hands an exported package (by the name the export answered) to the user: the save dialog, or the browser's download. */
export async function savePackage(fileName: string): Promise<void> {
  if (isDesktop()) {
    await api['packages.save']({ fileName });
    return;
  }
  const a = document.createElement('a');
  a.href = `/download/package/${encodeURIComponent(fileName)}?token=${encodeURIComponent(hostToken())}`;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
}
