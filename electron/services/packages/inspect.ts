import { formatDateTime, formatFileSize } from '../../../shared/domain/format';
import { AppError } from '../../../shared/contract/errors';
import { shortCode } from '../../../shared/domain/log/signed-event';
import { readPackage } from './read';

export interface InspectResult {
  /** true: signature and hashes hold (exit 0); false: the package is refused (exit 1). */
  ok: boolean;
  lines: string[];
}

/**
 * What the CLI's `inspect <file.sbpaket>` prints. Without a data folder there
 * are no trusted keys, so the manifest is verified with the key inside the
 * package and its short code is printed for the user to compare by phone;
 * events signed by keys the package does not carry are counted, not refused.
 * With `trustedKeys` (a data folder) the sender is also reported as known.
 * Nothing is extracted: attachments are hashed while streaming and dropped.
 * A format-2 package is checked as it travels (signature, encrypted entries' hashes), not opened.
 */
export async function inspectPackage(path: string, opts: { trustedKeys?: (fingerprint: string) => string | null } = {}): Promise<InspectResult> {
  try {
    const read = await readPackage(path, {
      trustedKeys: opts.trustedKeys ?? (() => null),
      allowUnknownSender: true,
      allowUnverifiedEvents: true,
    });
    const { manifest, counts } = read;
    const lines = [
      `Paket: ${manifest.kind === 'invitation' ? 'inbjudan' : 'ändringar'}, paketformat ${manifest.format}`,
      `Samordningsförbund: ${manifest.forbundName} (${manifest.forbund})`,
      `Avsändare: ${manifest.sender.name} (${manifest.sender.device})`,
      `Avsändarens nyckel: ${shortCode(manifest.sender.key)}${opts.trustedKeys ? (read.sender.known ? ' (känd)' : ' (okänd på den här datorn)') : ' – jämför koden med avsändaren per telefon'}`,
      `Mottagare: ${manifest.recipients.length === 0 ? 'hela styrelsen' : manifest.recipients.map((r) => r.name).join(', ')}`,
      `Skapat: ${formatDateTime(manifest.createdAt)}`,
      read.sealedContent ? 'Händelser: krypterade' : `Händelser: ${counts.events}`,
      ...Object.entries(counts.eventsByType)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([type, n]) => `  ${type}: ${n}`),
      `Bilagor: ${counts.attachments}${counts.attachments > 0 ? ` (${formatFileSize(counts.attachmentBytes)})` : ''}`,
    ];
    if (read.newKeys.length > 0) lines.push(`Nya nycklar i paketet: ${read.newKeys.map((k) => shortCode(k.fingerprint)).join(', ')}`);
    if (read.unverifiedEvents > 0) {
      lines.push(`Händelser vars signatur kräver en nyckel som inte finns i paketet: ${read.unverifiedEvents} (kontrolleras vid import)`);
    }
    if (read.sealedContent) lines.push('Innehållet är krypterat till mottagarnas datorer: händelser och bilagor kan bara läsas i Styrelsebordet på en av dem.');
    lines.push('Signatur: giltig', 'Kontrollsummor: stämmer');
    return { ok: true, lines };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, lines: ['Paketet avvisas.', err.message] };
    throw err;
  }
}
