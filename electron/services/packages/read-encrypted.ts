import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../shared/contract/errors';
import type { DeviceDecryptor } from '../identity/encryption-key';
import { openStream } from './entry-cipher';
import { refuse, RESEND, wrapAad, type ManifestV2 } from './format';

/** Format 2 on the reading side (docs/package-format.md): this device's copy of the content key, and decrypting entries. */

/**
 * The content key of a format-2 package, from the copy wrapped for this device. None → the package is
 * not for this device (refused before any entry is inflated). A copy that does not open → damaged.
 */
export function openContentKey(manifest: ManifestV2, senderKnown: boolean, decryptor: DeviceDecryptor | null, inspectOnly: boolean): Buffer | null {
  const mine = decryptor ? manifest.keys.find((k) => k.fingerprint === decryptor.fingerprint) : undefined;
  if (!mine) {
    if (inspectOnly) return null;
    const to = manifest.recipients.length === 0 ? 'hela styrelsen' : manifest.recipients.map((r) => r.name).join(', ');
    throw new AppError(
      'invalid_file',
      `Paketet är inte till dig. Det är krypterat till ${to}, och den här datorn kan inte öppna det. Kontrollera att du valt rätt fil, eller be ${manifest.sender.name} skicka ett nytt paket till dig${senderKnown ? '' : ' (din dator kan behöva godkännas först)'}.`,
    );
  }
  const key = decryptor!.unwrap(mine, wrapAad(manifest));
  if (!key) throw refuse(`nyckeln till paketets innehåll kan inte öppnas med den här datorns nyckel. ${RESEND}`);
  return key;
}

/** Decrypts an entry on its way to `sink`, counting and hashing the plain bytes. */
export function decrypting(contentKey: Buffer, name: string, sink: (source: AsyncIterable<Buffer>) => Promise<void>) {
  const hash = createHash('sha256');
  let size = 0;
  const damaged = () => refuse(`den krypterade filen ”${name}” är skadad. ${RESEND}`);
  return {
    size: () => size,
    sha256: () => hash.digest('hex'),
    sink: async (source: AsyncIterable<Buffer>) => {
      // pipeline(): an error on either side (a refusal upstream, a bad tag here) tears down the other.
      await pipeline(source, openStream(contentKey, name, damaged), async (plain: AsyncIterable<Buffer>) => {
        await sink(
          (async function* () {
            for await (const chunk of plain) {
              hash.update(chunk);
              size += chunk.length;
              yield chunk;
            }
          })(),
        );
      });
    },
  };
}

