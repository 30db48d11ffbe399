import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import { writeFileAtomic } from '../storage/atomic';
import { parseJsonOrNull } from '../storage/json';

/**
 * The app lock: a PIN or passphrase chosen at set-up, asked at every start
 * and after an idle time. It seals a random 256-bit data key with AES-256-GCM
 * under a key derived from the PIN with scrypt (node:crypto; no hand-rolled
 * crypto): a PIN is right exactly when the data key opens, and the key is
 * held in memory only while unlocked.
 *
 * Five wrong tries in a row, and every further try waits: 30 s, doubling, at
 * most 15 minutes. The count lives in `lock.json`, so a restart does not
 * reset it. A demonstration förbund (fictional data) needs no PIN.
 */

export const MIN_PIN_LENGTH = 6;
export const FREE_TRIES = 5;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;
/** scrypt cost: about 0.1 s and 32 MB on a laptop; parameters are stored, so they can grow later. */
const KDF = { N: 2 ** 15, r: 8, p: 1 } as const;

const B64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const SealedKey = z.object({ iv: B64, tag: B64, data: B64 });
const LockFile = z.union([
  z.object({
    version: z.literal(1),
    kdf: z.object({ name: z.literal('scrypt'), N: z.number().int().min(2 ** 14).max(2 ** 20), r: z.number().int().min(8).max(32), p: z.number().int().min(1).max(4), salt: B64 }),
    /** The data key sealed by the PIN; absent when it is wrapped by the OS keychain as well (`osWrapped`). */
    sealedKey: SealedKey.optional(),
    /** Electron: `sealedKey` wrapped by the OS keychain (safeStorage), so a copy of the disk alone cannot be used to guess the PIN. */
    osWrapped: z.object({ kind: z.string().min(1).max(40), data: B64 }).optional(),
    idleMinutes: z.number().int().min(1).max(240),
    failures: z.number().int().min(0),
    blockedUntil: z.string().datetime().nullable(),
  }).refine((f) => !f.sealedKey !== !f.osWrapped, 'exactly one of sealedKey and osWrapped'),
  z.object({ version: z.literal(1), demo: z.literal(true) }),
]);
type LockFile = z.infer<typeof LockFile>;
type Sealed = Extract<LockFile, { kdf: unknown }>;

export interface LockStatus {
  /** A PIN is set for this installation. */
  configured: boolean;
  locked: boolean;
  /** Seconds to wait before the next try (0 = may try now). */
  retryAfterSeconds: number;
  idleMinutes: number;
  /** Demonstration installation: no PIN asked. */
  demo: boolean;
}

export interface AppLock {
  status(): LockStatus;
  setup(pin: string, idleMinutes: number): Promise<void>;
  unlock(pin: string): Promise<void>;
  lock(): void;
  /** Marks this installation as the demonstration förbund (no PIN). */
  markDemo(): Promise<void>;
  /** True when calls must be refused; locks first if the idle time has passed. */
  isLocked(): boolean;
  /** A call the person made (not a background poll): restarts the idle time. */
  touch(): void;
  /** The data key, only while unlocked. */
  dataKey(): Buffer | null;
}

let kdfTotalMs = 0;
/** Milliseconds spent in the PIN's scrypt in this process so far: lets `npm run bench` leave the KDF out exactly. */
export const kdfMillis = (): number => kdfTotalMs;

const derive = (pin: string, salt: Buffer, kdf: { N: number; r: number; p: number }): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const options: ScryptOptions = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r };
    const started = performance.now();
    scrypt(pin.normalize('NFC'), salt, 32, options, (err, key) => {
      kdfTotalMs += performance.now() - started;
      if (err) reject(err);
      else resolve(key);
    });
  });

const waitFor = (failures: number): number =>
  failures < FREE_TRIES ? 0 : Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_TRIES));

/**
 * The OS's own seal (Electron's safeStorage: Keychain, DPAPI, libsecret) around
 * the PIN-sealed data key. Wired in electron/main only; null where there is none.
 */
export interface KeyWrap {
  kind: string;
  wrap(bytes: Uint8Array): Uint8Array;
  unwrap(bytes: Uint8Array): Uint8Array;
}

export async function openAppLock(dataDir: string, now: () => number = Date.now, keyWrap: KeyWrap | null = null): Promise<AppLock> {
  const path = join(dataDir, 'lock.json');
  const text = await fs.readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  let file: LockFile | null = null;
  if (text !== null) {
    const parsed = LockFile.safeParse(parseJsonOrNull(text));
    // A damaged lock file must not open the app: it stays locked and says so.
    if (!parsed.success) throw new Error(`Låsfilen ${path} är skadad. Styrelsebordet startar inte utan den; återställ den från en säkerhetskopia.`);
    file = parsed.data;
  }
  let key: Buffer | null = null;
  let lastActivity = now();
  const save = (next: LockFile) => writeFileAtomic(path, JSON.stringify(next, null, 2)).then(() => void (file = next));
  const sealed = (): Sealed | null => (file && 'kdf' in file ? file : null);

  function lock(): void {
    key?.fill(0);
    key = null;
  }

  function isLocked(): boolean {
    const s = sealed();
    if (!s) return false;
    if (key && now() - lastActivity > s.idleMinutes * 60_000) lock();
    return key === null;
  }

  return {
    status() {
      const s = sealed();
      const blocked = s?.blockedUntil ? Math.max(0, Date.parse(s.blockedUntil) - now()) : 0;
      return {
        configured: s !== null,
        locked: isLocked(),
        retryAfterSeconds: Math.ceil(blocked / 1000),
        idleMinutes: s?.idleMinutes ?? 10,
        demo: file !== null && 'demo' in file,
      };
    },

    async setup(pin, idleMinutes) {
      if (sealed()) throw new AppError('forbidden', 'Det finns redan en PIN-kod för den här datorn.');
      if (pin.normalize('NFC').length < MIN_PIN_LENGTH) throw new AppError('bad_request', `PIN-koden ska ha minst ${MIN_PIN_LENGTH} tecken.`);
      const dataKey = randomBytes(32);
      const salt = randomBytes(16);
      const kek = await derive(pin, salt, KDF);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', kek, iv);
      const data = Buffer.concat([cipher.update(dataKey), cipher.final()]);
      kek.fill(0);
      const sealedKey = { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
      await save({
        version: 1,
        kdf: { name: 'scrypt', ...KDF, salt: salt.toString('base64') },
        ...(keyWrap
          ? { osWrapped: { kind: keyWrap.kind, data: Buffer.from(keyWrap.wrap(Buffer.from(JSON.stringify(sealedKey)))).toString('base64') } }
          : { sealedKey }),
        idleMinutes,
        failures: 0,
        blockedUntil: null,
      });
      key = dataKey;
      lastActivity = now();
    },

    async unlock(pin) {
      const s = sealed();
      if (!s) return;
      const blocked = s.blockedUntil ? Date.parse(s.blockedUntil) - now() : 0;
      if (blocked > 0) {
        throw new AppError('locked', `För många felaktiga försök. Vänta ${Math.ceil(blocked / 1000)} sekunder och försök sedan igen.`);
      }
      const sealedKey = unwrapSealedKey(s, keyWrap);
      const kek = await derive(pin, Buffer.from(s.kdf.salt, 'base64'), s.kdf);
      try {
        const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(sealedKey.iv, 'base64'));
        decipher.setAuthTag(Buffer.from(sealedKey.tag, 'base64'));
        key = Buffer.concat([decipher.update(Buffer.from(sealedKey.data, 'base64')), decipher.final()]);
      } catch {
        const failures = s.failures + 1;
        const wait = waitFor(failures);
        await save({ ...s, failures, blockedUntil: wait > 0 ? new Date(now() + wait).toISOString() : null });
        const left = FREE_TRIES - failures;
        throw new AppError(
          'locked',
          wait > 0
            ? `Fel PIN-kod. Vänta ${Math.ceil(wait / 1000)} sekunder innan du försöker igen.`
            : `Fel PIN-kod. ${left} försök kvar innan du måste vänta.`,
        );
      } finally {
        kek.fill(0);
      }
      lastActivity = now();
      if (s.failures > 0 || s.blockedUntil) await save({ ...s, failures: 0, blockedUntil: null });
    },

    lock,

    async markDemo() {
      if (!sealed()) await save({ version: 1, demo: true });
    },

    isLocked,

    touch() {
      lastActivity = now();
    },

    dataKey: () => key,
  };
}

/** The PIN-sealed data key, unwrapped from the OS keychain when it was wrapped there. Not a wrong PIN: no try is counted. */
function unwrapSealedKey(s: Sealed, keyWrap: KeyWrap | null): z.infer<typeof SealedKey> {
  if (s.sealedKey) return s.sealedKey;
  const wrapped = s.osWrapped;
  if (!wrapped || !keyWrap || keyWrap.kind !== wrapped.kind) {
    throw new AppError('locked', 'Nyckeln till Styrelsebordets data är skyddad av datorns nyckelring, som inte går att nå. Logga in på datorn som samma användare och försök igen.');
  }
  let parsed: ReturnType<typeof SealedKey.safeParse>;
  try {
    parsed = SealedKey.safeParse(parseJsonOrNull(Buffer.from(keyWrap.unwrap(Buffer.from(wrapped.data, 'base64'))).toString('utf8')));
  } catch {
    throw new AppError('locked', 'Datorns nyckelring kunde inte öppna nyckeln till Styrelsebordets data. Logga in på datorn som samma användare och försök igen.');
  }
  if (!parsed.success) throw new AppError('internal', 'Låsfilens nyckel är skadad. Återställ lock.json från en säkerhetskopia.');
  return parsed.data;
}
