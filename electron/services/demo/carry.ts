import type { Handlers, Input, Output, PackagePreview } from '../../../shared/contract';
import type { PackageFiles } from '../packages/package-files';

/**
 * The demo, the CLI and tests carry packages between installations like a USB stick, through the same
 * ways the app has (issue #16: packages by path, not by bytes): an export's
 * file is read from the sender's outgoing folder (the browser host's
 * download), and a preview of bytes first uploads them into the receiver's
 * sealed incoming files (the browser host's upload), then previews by id.
 */
export type Carried = { fileName: string; bytes: Uint8Array };
type Exported<M extends 'packages.export' | 'invitations.export'> = Output<M> & { bytes: Buffer };

export type WithUsb<H extends Handlers = Handlers> = Omit<H, 'packages.export' | 'invitations.export' | 'packages.preview'> & {
  'packages.export'(input: Input<'packages.export'>): Promise<Exported<'packages.export'>>;
  'invitations.export'(input: Input<'invitations.export'>): Promise<Exported<'invitations.export'>>;
  'packages.preview'(input: Carried | Input<'packages.preview'>): Promise<PackagePreview>;
  packageFiles: PackageFiles;
};

/** The plain bytes of an exported package, as the download serves them. */
export async function exportedBytes(files: PackageFiles, fileName: string): Promise<Buffer> {
  const opened = await files.openOutgoing(fileName);
  if (!opened) throw new Error(`no outgoing package ${fileName}`);
  const chunks: Buffer[] = [];
  for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Uploads bytes as the browser host's upload endpoint does; the id for `packages.preview`. */
export async function upload(files: PackageFiles, carried: Carried): Promise<string> {
  const { fileId } = await files.receive([carried.bytes], carried.fileName, carried.bytes.length);
  return fileId;
}

export function withUsb<H extends Handlers>(handlers: H, packageFiles: PackageFiles): WithUsb<H> {
  const out = Object.create(handlers) as Record<string, unknown>;
  Object.assign(out, handlers);
  out['packageFiles'] = packageFiles;
  for (const m of ['packages.export', 'invitations.export'] as const) {
    out[m] = async (input: never) => {
      const result = await (handlers[m] as (i: never) => Promise<{ fileName: string }>)(input);
      return { ...result, bytes: await exportedBytes(packageFiles, result.fileName) };
    };
  }
  out['packages.preview'] = async (input: Carried | { fileId: string }) =>
    handlers['packages.preview']('fileId' in input ? input : { fileId: await upload(packageFiles, input) });
  return out as unknown as WithUsb<H>;
}
