import { promises as fs } from 'node:fs';
import { createPublicKey, webcrypto } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import { plainFiles, type SealedFiles } from '../storage/sealed-file';
import { parseJsonOrNull } from '../storage/json';
import { EC_PARAMS, certFingerprint, createCa, parseCertificate, type CaIdentity, type CryptoKey, type ForbundName } from '../pki/x509';
import type { SecretBox } from './keys';

/**
 * The two P-256 private keys of issue #12, sealed at rest like the device
 * key (keys.ts) and never handed out of the main side:
 *
 *   identity/signing.json  this laptop's PDF-signing key (every laptop)
 *   identity/ca.json       the förbund CA key and its certificate (only the
 *                          förbundschef's laptop that set the förbund up)
 *
 * Keys are imported non-extractable after loading: the CryptoKey objects can
 * sign but cannot be exported again.
 */

const Sealed = z.object({ format: z.literal(1), box: z.string().min(1), sealed: z.string().min(1) }).strict();
const SigningFile = Sealed.extend({ publicKeyPem: z.string().min(1).max(1000) }).strict();
const CaFile = Sealed.extend({ certificate: z.string().min(1).max(12_000) }).strict();

const crypto = webcrypto;
const paths = (dataDir: string) => ({ signing: join(dataDir, 'identity', 'signing.json'), ca: join(dataDir, 'identity', 'ca.json') });
const damaged = (what: string) => new AppError('internal', `${what} kunde inte läsas. Återställ mappen identity från en säkerhetskopia.`);

async function readJson(path: string, files: SealedFiles): Promise<unknown> {
  // A sealed file that no longer opens is damaged; a locked app is not (that error goes on).
  const text = await files.readTextIfExists(path).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'invalid_file') return 'damaged';
    throw err;
  });
  return text === null ? null : (parseJsonOrNull(text) ?? 'damaged');
}

async function seal(box: SecretBox, key: CryptoKey): Promise<string> {
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', key));
  return Buffer.from(box.seal(pkcs8)).toString('base64');
}

async function unseal(box: SecretBox, file: z.infer<typeof Sealed>, what: string): Promise<CryptoKey> {
  if (file.box !== box.kind) throw new AppError('internal', `${what} är skyddad på ett annat sätt (${file.box}) än det här programmet använder (${box.kind}).`);
  try {
    const der = box.open(Buffer.from(file.sealed, 'base64'));
    return await crypto.subtle.importKey('pkcs8', der, EC_PARAMS, false, ['sign']);
  } catch {
    throw damaged(what);
  }
}

export interface SigningKey {
  privateKey: CryptoKey;
  publicKeyPem: string;
}

/** This laptop's PDF-signing key, made on first use. */
export async function loadOrCreateSigningKey(dataDir: string, box: SecretBox, files: SealedFiles = plainFiles): Promise<SigningKey> {
  const p = paths(dataDir);
  const raw = await readJson(p.signing, files);
  if (raw !== null) {
    const file = SigningFile.safeParse(raw);
    if (!file.success) throw damaged('Nyckeln för PDF-signaturer');
    return { privateKey: await unseal(box, file.data, 'Nyckeln för PDF-signaturer'), publicKeyPem: file.data.publicKeyPem };
  }
  const pair = (await crypto.subtle.generateKey(EC_PARAMS, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const spki = Buffer.from(await crypto.subtle.exportKey('spki', pair.publicKey));
  const publicKeyPem = createPublicKey({ key: spki, format: 'der', type: 'spki' }).export({ type: 'spki', format: 'pem' }).toString();
  await fs.mkdir(join(dataDir, 'identity'), { recursive: true, mode: 0o700 });
  await files.write(p.signing, JSON.stringify({ format: 1, box: box.kind, sealed: await seal(box, pair.privateKey), publicKeyPem }));
  return loadOrCreateSigningKey(dataDir, box, files);
}

/** The förbund CA, when this laptop holds it. */
export async function loadCa(dataDir: string, box: SecretBox, files: SealedFiles = plainFiles): Promise<CaIdentity | null> {
  const raw = await readJson(paths(dataDir).ca, files);
  if (raw === null) return null;
  const file = CaFile.safeParse(raw);
  const certDer = file.success ? new Uint8Array(Buffer.from(file.data.certificate, 'base64')) : null;
  const cert = certDer && parseCertificate(certDer);
  if (!file.success || !certDer || !cert) throw damaged('Förbundets CA-nyckel');
  return { privateKey: await unseal(box, file.data, 'Förbundets CA-nyckel'), cert, certDer, fingerprint: certFingerprint(certDer) };
}

/** Makes and stores the förbund CA; refuses to replace one (every certificate hangs on it). */
export async function createAndStoreCa(dataDir: string, box: SecretBox, forbund: ForbundName, now = new Date(), files: SealedFiles = plainFiles): Promise<CaIdentity> {
  if (await loadCa(dataDir, box, files)) throw new AppError('bad_request', 'Den här datorn har redan förbundets CA.');
  const ca = await createCa(forbund, now);
  await fs.mkdir(join(dataDir, 'identity'), { recursive: true, mode: 0o700 });
  await files.write(paths(dataDir).ca, JSON.stringify({ format: 1, box: box.kind, sealed: await seal(box, ca.privateKey), certificate: Buffer.from(ca.certDer).toString('base64') }));
  return (await loadCa(dataDir, box, files))!;
}
