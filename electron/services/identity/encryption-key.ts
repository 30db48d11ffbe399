import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import { writeFileAtomic } from '../storage/atomic';
import { parseJsonOrNull } from '../storage/json';
import type { SecretBox } from './keys';

/**
 * The device's X25519 key pair for packages encrypted to their recipients
 * (format 2, docs/package-format.md). It lives next to the Ed25519 signing
 * key and is sealed by the same `SecretBox`; the private half never leaves
 * this module: callers get a `DeviceDecryptor` that can unwrap a content key
 * addressed to this device, never the key itself.
 *
 * On disk: `identity/encryption.key` = { format, box, sealed (PKCS#8 DER), fingerprint, x25519 }
 * where `fingerprint` is the device's signing key and `x25519` the raw public key (base64).
 *
 * Wrapping a content key for one device (all node:crypto):
 *   ephemeral X25519 pair; secret = X25519(ephemeral, device)
 *   wrap key = HKDF-SHA256(secret, salt = ephemeral public ‖ device public, info "styrelsebordet/package/v2")
 *   wrapped = AES-256-GCM(wrap key, 12-byte random iv, content key, AAD)
 */
export interface WrappedKey {
  /** The signing-key fingerprint of the device this copy is for. */
  fingerprint: string;
  /** Base64: the ephemeral X25519 public key (32 bytes), the IV (12), the wrapped key (32), the GCM tag (16). */
  ephemeral: string;
  iv: string;
  wrapped: string;
  tag: string;
}

export interface DeviceDecryptor {
  /** The device's signing-key fingerprint: how a package names the copy for this device. */
  readonly fingerprint: string;
  /** Raw X25519 public key, base64 (what key.encryption.registered announces). */
  readonly x25519: string;
  /** The content key, or null when this copy does not open (damaged, or not for this key). */
  unwrap(w: WrappedKey, aad: Uint8Array): Buffer | null;
}

const INFO = Buffer.from('styrelsebordet/package/v2');
const X25519_SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');

/** A raw 32-byte X25519 public key (base64) as a KeyObject, or null when it is not one. */
export function x25519PublicKey(raw: string): KeyObject | null {
  const bytes = Buffer.from(raw, 'base64');
  if (bytes.length !== 32 || bytes.toString('base64') !== raw) return null;
  try {
    return createPublicKey({ key: Buffer.concat([X25519_SPKI_PREFIX, bytes]), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

const rawOf = (key: KeyObject): Buffer => Buffer.from(key.export({ type: 'spki', format: 'der' })).subarray(X25519_SPKI_PREFIX.length);

function wrapKeyFor(secret: Buffer, ephemeralRaw: Buffer, deviceRaw: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.concat([ephemeralRaw, deviceRaw]), INFO, 32));
}

/** Wraps a 32-byte content key for one device's X25519 key (raw, base64). */
export function wrapContentKey(contentKey: Buffer, device: { fingerprint: string; x25519: string }, aad: Uint8Array): WrappedKey {
  const devicePublic = x25519PublicKey(device.x25519);
  if (!devicePublic) throw new Error(`wrapContentKey: not an X25519 key for ${device.fingerprint.slice(0, 12)}`);
  const eph = generateKeyPairSync('x25519');
  const ephRaw = rawOf(eph.publicKey);
  const secret = diffieHellman({ privateKey: eph.privateKey, publicKey: devicePublic });
  const key = wrapKeyFor(secret, ephRaw, rawOf(devicePublic));
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(aad);
  const wrapped = Buffer.concat([c.update(contentKey), c.final()]);
  return { fingerprint: device.fingerprint, ephemeral: ephRaw.toString('base64'), iv: iv.toString('base64'), wrapped: wrapped.toString('base64'), tag: c.getAuthTag().toString('base64') };
}

function makeDecryptor(privateKey: KeyObject, fingerprint: string): DeviceDecryptor {
  const publicKey = createPublicKey(privateKey);
  const ownRaw = rawOf(publicKey);
  return Object.freeze({
    fingerprint,
    x25519: ownRaw.toString('base64'),
    unwrap(w: WrappedKey, aad: Uint8Array): Buffer | null {
      try {
        const eph = x25519PublicKey(w.ephemeral);
        const iv = Buffer.from(w.iv, 'base64');
        const tag = Buffer.from(w.tag, 'base64');
        if (!eph || iv.length !== 12 || tag.length !== 16) return null;
        const secret = diffieHellman({ privateKey, publicKey: eph });
        const d = createDecipheriv('aes-256-gcm', wrapKeyFor(secret, rawOf(eph), ownRaw), iv);
        d.setAAD(aad);
        d.setAuthTag(tag);
        const key = Buffer.concat([d.update(Buffer.from(w.wrapped, 'base64')), d.final()]);
        return key.length === 32 ? key : null;
      } catch {
        return null;
      }
    },
  });
}

/** An X25519 pair kept only in memory: tests and benchmarks. */
export function generateEphemeralDecryptor(fingerprint: string): DeviceDecryptor {
  return makeDecryptor(generateKeyPairSync('x25519').privateKey, fingerprint);
}

const KeyFile = z
  .object({ format: z.literal(1), box: z.string().min(1), sealed: z.string().min(1), fingerprint: z.string().regex(/^[0-9a-f]{64}$/), x25519: z.string() })
  .strict();

export const encryptionKeyPath = (dataDir: string) => join(dataDir, 'identity', 'encryption.key');

/**
 * Loads this device's X25519 key, making it on first use. It belongs to the
 * signing key `fingerprint`: a file made for another signing key (an identity
 * restored alone) is replaced by a new pair, which the device then registers.
 */
export async function loadOrCreateDecryptor(dataDir: string, box: SecretBox, fingerprint: string): Promise<DeviceDecryptor> {
  const path = encryptionKeyPath(dataDir);
  const text = await fs.readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (text !== null) {
    const file = KeyFile.safeParse(parseJsonOrNull(text));
    if (!file.success) throw new AppError('internal', 'Datorns krypteringsnyckel (identity/encryption.key) är skadad. Återställ mappen identity från en säkerhetskopia.');
    if (file.data.fingerprint === fingerprint) {
      if (file.data.box !== box.kind) {
        throw new AppError('internal', `Datorns krypteringsnyckel är skyddad på ett annat sätt (${file.data.box}) än det här programmet använder (${box.kind}).`);
      }
      try {
        const der = box.open(Buffer.from(file.data.sealed, 'base64'));
        const decryptor = makeDecryptor(createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' }), fingerprint);
        Buffer.from(der.buffer, der.byteOffset, der.byteLength).fill(0);
        if (decryptor.x25519 === file.data.x25519) return decryptor;
      } catch {
        // falls through to the refusal below
      }
      throw new AppError('internal', 'Datorns krypteringsnyckel kunde inte öppnas. Återställ mappen identity från en säkerhetskopia.');
    }
  }
  const { privateKey } = generateKeyPairSync('x25519');
  const decryptor = makeDecryptor(privateKey, fingerprint);
  await fs.mkdir(join(dataDir, 'identity'), { recursive: true, mode: 0o700 });
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  const sealed = Buffer.from(box.seal(new Uint8Array(der))).toString('base64');
  der.fill(0);
  await writeFileAtomic(path, JSON.stringify({ format: 1, box: box.kind, sealed, fingerprint, x25519: decryptor.x25519 }));
  return decryptor;
}
