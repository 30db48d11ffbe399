import type { Readable } from 'node:stream';

/**
 * What the browser host serves beside the contract (issue #16: packages by
 * path, not by bytes): uploads streamed into sealed incoming files
 * (incoming.ts), and downloads of exported packages by name (outgoing.ts).
 * Electron uses its own dialogs instead; the demo and tests carry packages
 * between installations through these (demo/carry.ts).
 */
export interface PackageFiles {
  receive(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, fileName: string, announced: number | null): Promise<{ fileId: string; fileName: string }>;
  /** The plain bytes of an exported package; null when there is none by that name. */
  openOutgoing(fileName: string): Promise<{ size: number; stream: Readable } | null>;
}
