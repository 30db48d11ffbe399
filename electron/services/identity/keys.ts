import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import { writeFileAtomic } from '../storage/atomic';
import { parseJsonOrNull } from '../storage/json';

/**
 * The device's own Ed25519 key pair. Each installation belongs to one person
 * and makes its own key; the private key never leaves this module: callers get
 * a `DeviceIdentity` that can sign, never the key itself (there is no getter,
 * and the KeyObject lives only in a closure).
 *
 * On disk, in the data folder:
 *   identity/device.json   public part: person, device name, public key, fingerprint
 *   identity/private.key   the PKCS#8 private key, sealed by a `SecretBox`
 */

/**
 * Seals the private key at rest. Electron passes a box backed by safeStorage
 * (the OS keychain); the browser host and the CLI use `plainSecretBox`, which
 * keeps the key readable inside the data folder, protected only by the file
 * mode 0600 and the folder's own permissions. `kind` is stored next to the
 * sealed bytes so a key sealed by one box is never fed to another.
 */
export interface SecretBox {
  readonly kind: string;
  seal(bytes: Uint8Array): Uint8Array;
  open(bytes: Uint8Array): Uint8Array;
}

export const plainSecretBox: SecretBox = {
  kind: 'plain',
  seal: (bytes) => Uint8Array.from(bytes),
  open: (bytes) => Uint8Array.from(bytes),
};

export interface DeviceIdentity {
  readonly person: string;
  readonly deviceName: string;
  readonly createdAt: string;
  /** SHA-256 (hex) of the SPKI DER public key; the `key` field of every event this device signs. */
  readonly fingerprint: string;
  readonly publicKeyPem: string;
  readonly publicKey: KeyObject;
  /** Raw 64-byte Ed25519 signature over exactly these bytes. */
  sign(bytes: Uint8Array): Uint8Array;
}

const DeviceFile = z
  .object({
    format: z.literal(1),
    person: z.string().uuid(),
    deviceName: z.string().min(1).max(200),
    createdAt: z.string().datetime(),
    publicKeyPem: z.string().min(1).max(1000),
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

const PrivateFile = z.object({ format: z.literal(1), box: z.string().min(1), sealed: z.string().min(1) }).strict();

const toKey = (key: string | KeyObject): KeyObject => (typeof key === 'string' ? createPublicKey(key) : key);

/** SHA-256 (hex) of the public key's SPKI DER encoding: what events and manifests name a key by. */
export function fingerprint(publicKey: string | KeyObject): string {
  const der = toKey(publicKey).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}

export function publicKeyPem(publicKey: KeyObject): string {
  return toKey(publicKey).export({ type: 'spki', format: 'pem' }).toString();
}

/**
 * Parses a PEM public key and insists on Ed25519: a package could carry any
 * key type, and an RSA key must not be "verified" with a different algorithm.
 * Returns null for anything that is not an Ed25519 SPKI public key.
 */
export function parseEd25519PublicKey(pem: string): KeyObject | null {
  try {
    const key = createPublicKey({ key: pem, format: 'pem' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

/** Verifies a raw 64-byte Ed25519 signature; false (never a throw) for a malformed key or signature. */
export function verify(publicKey: string | KeyObject, bytes: Uint8Array, signature: Uint8Array): boolean {
  if (signature.byteLength !== 64) return false;
  try {
    const key = toKey(publicKey);
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return edVerify(null, bytes, key, signature);
  } catch {
    return false;
  }
}

/**
 * The same check on libuv's thread pool: verifying thousands of imported
 * events then uses every core and leaves the main process's event loop free.
 */
export function verifyAsync(publicKey: KeyObject, bytes: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (signature.byteLength !== 64 || publicKey.asymmetricKeyType !== 'ed25519') return Promise.resolve(false);
  return new Promise((resolve) => edVerify(null, bytes, publicKey, signature, (err, ok) => resolve(!err && ok)));
}

/** Builds the identity object around a private key that stays in this closure. */
function makeIdentity(privateKey: KeyObject, meta: { person: string; deviceName: string; createdAt: string }): DeviceIdentity {
  const publicKey = createPublicKey(privateKey);
  const pem = publicKeyPem(publicKey);
  const fp = fingerprint(publicKey);
  return Object.freeze({
    ...meta,
    fingerprint: fp,
    publicKeyPem: pem,
    publicKey,
    sign: (bytes: Uint8Array) => new Uint8Array(edSign(null, bytes, privateKey)),
  });
}

/** A key pair kept only in memory: for tests, benchmarks and one-off CLI runs. */
export function generateEphemeralIdentity(meta: { person: string; deviceName: string; createdAt?: string }): DeviceIdentity {
  const { privateKey } = generateKeyPairSync('ed25519');
  return makeIdentity(privateKey, { person: meta.person, deviceName: meta.deviceName, createdAt: meta.createdAt ?? new Date().toISOString() });
}

const paths = (dataDir: string) => ({
  dir: join(dataDir, 'identity'),
  device: join(dataDir, 'identity', 'device.json'),
  private: join(dataDir, 'identity', 'private.key'),
});

const damaged = (what: string) =>
  new AppError('internal', `Enhetens nyckel kunde inte läsas (${what}). Återställ mappen identity från en säkerhetskopia.`);

/** Loads the device identity, or null when this installation has none yet. */
export async function loadDeviceIdentity(dataDir: string, box: SecretBox): Promise<DeviceIdentity | null> {
  const p = paths(dataDir);
  const deviceText = await fs.readFile(p.device, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (deviceText === null) return null;
  const device = DeviceFile.safeParse(parseJsonOrNull(deviceText));
  if (!device.success) throw damaged('device.json är skadad');
  const priv = PrivateFile.safeParse(parseJsonOrNull(await fs.readFile(p.private, 'utf8').catch(() => '')));
  if (!priv.success) throw damaged('private.key saknas eller är skadad');
  if (priv.data.box !== box.kind) {
    throw new AppError('internal', `Enhetens nyckel är skyddad på ett annat sätt (${priv.data.box}) än det här programmet använder (${box.kind}).`);
  }
  let privateKey: KeyObject;
  try {
    const der = box.open(Buffer.from(priv.data.sealed, 'base64'));
    privateKey = createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
  } catch {
    throw damaged('private.key kunde inte öppnas');
  }
  const identity = makeIdentity(privateKey, { person: device.data.person, deviceName: device.data.deviceName, createdAt: device.data.createdAt });
  // The two files must describe the same key; a mismatch means one was replaced or restored alone.
  if (identity.fingerprint !== device.data.fingerprint) throw damaged('den privata och den publika nyckeln hör inte ihop');
  return identity;
}

/**
 * Makes and stores a new key pair. Refuses to overwrite an existing identity:
 * losing the private key would orphan every event this device has signed.
 * The private key is written before device.json, so a crash in between leaves
 * no identity (and the next run starts over) rather than a public half alone.
 */
export async function createDeviceIdentity(
  dataDir: string,
  box: SecretBox,
  meta: { person: string; deviceName: string; now?: Date },
): Promise<DeviceIdentity> {
  const p = paths(dataDir);
  if (await exists(p.device)) throw new AppError('bad_request', 'Den här installationen har redan en nyckel.');
  const { privateKey } = generateKeyPairSync('ed25519');
  const createdAt = (meta.now ?? new Date()).toISOString();
  const identity = makeIdentity(privateKey, { person: meta.person, deviceName: meta.deviceName, createdAt });
  const device = DeviceFile.parse({
    format: 1,
    person: meta.person,
    deviceName: meta.deviceName,
    createdAt,
    publicKeyPem: identity.publicKeyPem,
    fingerprint: identity.fingerprint,
  });
  await fs.mkdir(p.dir, { recursive: true, mode: 0o700 });
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  const sealed = Buffer.from(box.seal(new Uint8Array(der))).toString('base64');
  await writeFileAtomic(p.private, JSON.stringify({ format: 1, box: box.kind, sealed }));
  await writeFileAtomic(p.device, `${JSON.stringify(device, null, 2)}\n`);
  return identity;
}

export async function loadOrCreateDeviceIdentity(
  dataDir: string,
  box: SecretBox,
  meta: { person: string; deviceName: string; now?: Date },
): Promise<DeviceIdentity> {
  return (await loadDeviceIdentity(dataDir, box)) ?? createDeviceIdentity(dataDir, box, meta);
}

async function exists(path: string): Promise<boolean> {
  return fs.access(path).then(
    () => true,
    () => false,
  );
}

