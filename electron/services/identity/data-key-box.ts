import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic';
import { parseJsonOrNull } from '../storage/json';
import { encryptionKeyPath } from './encryption-key';
import type { SecretBox } from './keys';

/**
 * The browser host's and the CLI's seal for the private key: AES-256-GCM
 * (node:crypto) under the app lock's data key, which exists in memory only
 * while the app is unlocked. Sealed bytes: 12-byte IV, 16-byte tag, cipher text.
 * (Electron seals with the OS keychain instead.)
 */
export const DATA_KEY_BOX = 'datakey-aes-256-gcm';

export function dataKeySecretBox(key: Buffer): SecretBox {
  return {
    kind: DATA_KEY_BOX,
    seal: (bytes) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(bytes), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), data]);
    },
    open: (bytes) => {
      const all = Buffer.from(bytes);
      const decipher = createDecipheriv('aes-256-gcm', key, all.subarray(0, 12));
      decipher.setAuthTag(all.subarray(12, 28));
      return Buffer.concat([decipher.update(all.subarray(28)), decipher.final()]);
    },
  };
}

const PrivateFile = z.object({ format: z.literal(1), box: z.string().min(1), sealed: z.string().min(1) }).strict();
const privatePath = (dataDir: string) => join(dataDir, 'identity', 'private.key');

/** Which box sealed this installation's private key, or null without one. */
export async function privateKeySealedBy(dataDir: string): Promise<string | null> {
  const text = await fs.readFile(privatePath(dataDir), 'utf8').catch(() => null);
  const parsed = PrivateFile.safeParse(text === null ? null : parseJsonOrNull(text));
  return parsed.success ? parsed.data.box : null;
}

/**
 * Seals the private keys again, from one box to another, atomically (the old file stays whole until the new
 * one is in place): the signing key and, when there is one, the X25519 key for encrypted packages.
 */
export async function resealPrivateKey(dataDir: string, from: SecretBox, to: SecretBox): Promise<void> {
  for (const path of [privatePath(dataDir), encryptionKeyPath(dataDir)]) {
    const text = await fs.readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' && path !== privatePath(dataDir)) return null;
      throw err;
    });
    if (text === null) continue;
    const raw = parseJsonOrNull(text) as Record<string, unknown> | null;
    const parsed = PrivateFile.parse({ format: raw?.['format'], box: raw?.['box'], sealed: raw?.['sealed'] });
    if (parsed.box !== from.kind) continue;
    const der = from.open(Buffer.from(parsed.sealed, 'base64'));
    const sealed = Buffer.from(to.seal(der)).toString('base64');
    Buffer.from(der).fill(0);
    await writeFileAtomic(path, JSON.stringify({ ...raw, format: 1, box: to.kind, sealed }));
  }
}
