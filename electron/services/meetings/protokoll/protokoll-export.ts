import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { AppError, type Input, type Output } from '../../../../shared/contract';
import type { FederationState } from '../../../../shared/domain/events';
import type { SignedEventLine } from '../../../../shared/domain/log/signed-event';
import { plainFiles, type SealedFiles } from '../../storage/sealed-file';
import { protokollExportInput, type ProtokollExportInput } from './export-input';

/** Renders the gathered input to PDF bytes (meetings/protokoll/protokoll-pdf.ts). */
export type ProtokollRenderer = (input: ProtokollExportInput, variant: 'signed' | 'public') => Promise<{ fileName: string; bytes: Uint8Array }>;

export interface ProtokollExportDeps {
  state(): FederationState;
  lineOf(eventId: string): SignedEventLine | null;
  exportsDir: string;
  render: ProtokollRenderer | null;
  /** The kept copy goes through the data folder's sealed-file layer. */
  files?: SealedFiles;
}

/** `protokoll.export`: the signed (or public) protokoll of a justerat meeting; a copy is kept in the exports folder. */
export function createProtokollExport(deps: ProtokollExportDeps) {
  return async ({ meetingId, variant, part }: Input<'protokoll.export'>): Promise<Output<'protokoll.export'>> => {
    const input = protokollExportInput(deps.state(), deps.lineOf, meetingId, part ?? 'whole');
    if (!deps.render) throw new AppError('internal', 'Den här versionen av Styrelsebordet kan ännu inte skapa det signerade protokollet som PDF.');
    const out = await deps.render(input, variant === 'full' ? 'signed' : 'public');
    const fileName = part !== undefined && part !== 'whole' ? out.fileName.replace(/\.pdf$/, `-utdrag-paragraf-${part}.pdf`) : out.fileName;
    // What the app produced is part of the record: keep a copy.
    await fs.mkdir(deps.exportsDir, { recursive: true });
    await (deps.files ?? plainFiles).write(join(deps.exportsDir, fileName), out.bytes);
    return { fileName, bytes: out.bytes };
  };
}
