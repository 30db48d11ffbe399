import { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';

/**
 * The .sbpaket format (see docs/package-format.md). A package is a ZIP holding
 *   manifest.json   this schema, UTF-8 JSON
 *   manifest.sig    raw 64-byte Ed25519 signature of the exact bytes of manifest.json
 *   sender.pem      the sender's public key (SPKI PEM)
 *   events.jsonl    signed event lines (signed-event.ts), one per line
 *   attachments/<sha256>.pdf
 * The manifest lists every entry except the three above with size and SHA-256,
 * so one signature covers the whole package. Format 2 encrypts every listed
 * entry to the recipients' devices (entry-cipher.ts, encryption-key.ts): the
 * listing then describes the encrypted bytes and `keys` holds the content key
 * wrapped for each device that may open it.
 */
/** The highest format this version reads. It writes 2 (encrypted to the recipients) and 1 for invitations. */
export const PACKAGE_FORMAT = 2;
export const PACKAGE_EXTENSION = '.sbpaket';

export const MANIFEST_NAME = 'manifest.json';
export const SIGNATURE_NAME = 'manifest.sig';
export const SENDER_KEY_NAME = 'sender.pem';
export const EVENTS_NAME = 'events.jsonl';
export const META_ENTRIES = [MANIFEST_NAME, SIGNATURE_NAME, SENDER_KEY_NAME] as const;

const MB = 1024 * 1024;
/**
 * Caps against damaged and hostile packages. The reader enforces every one
 * while streaming, on the bytes it actually inflates, not on declared sizes.
 */
export const LIMITS = {
  /** Entries in the ZIP, all kinds together. */
  maxEntries: 20_000,
  maxManifestBytes: 8 * MB,
  maxSenderKeyBytes: 4096,
  signatureBytes: 64,
  /**
   * events.jsonl streams line by line on both sides, so its cap is about memory for the events
   * themselves, not the file: 1 GB is about a million events (99 000 events were just over the
   * 100 MB of earlier versions, so a long history could not be invited at all; issue #16).
   */
  maxEventsBytes: 1024 * MB,
  /** One event line (a body is at most 1 000 000 characters, see SignedEventLine). */
  maxEventLineBytes: 4 * MB,
  maxAttachmentBytes: 200 * MB,
  /** Everything inflated from one package. */
  maxTotalBytes: 2048 * MB,
  /** Inflated bytes per compressed byte, checked once an entry has inflated past `ratioFloorBytes`. */
  maxRatio: 200,
  ratioFloorBytes: 1 * MB,
  maxRecipients: 500,
  /** Wrapped content keys in a format-2 manifest (devices of every recipient and of the sender). */
  maxWrappedKeys: 5_000,
  maxAckKeys: 10_000,
  /**
   * Events that wait (held: their key is not accepted yet, or their past has
   * not arrived) per signing key on this laptop, and per package. Also the
   * most events a package may carry from keys this laptop has not accepted:
   * the reader stops there while streaming, so a flood costs nothing.
   */
  maxHeldPerKey: 1_000,
  maxHeldPerPackage: 5_000,
} as const;

export const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const AttachmentEntryName = /^attachments\/([0-9a-f]{64})\.pdf$/;
/** Every name a manifest may list; anything else in a package is refused. */
export const ListedEntryName = z.string().refine((n) => n === EVENTS_NAME || AttachmentEntryName.test(n), 'okänt filnamn');

export const ManifestEntry = z
  .object({
    name: ListedEntryName,
    size: z.number().int().nonnegative().max(LIMITS.maxAttachmentBytes),
    sha256: Hex64,
  })
  .strict()
  .refine((e) => (e.name === EVENTS_NAME ? e.size <= LIMITS.maxEventsBytes : attachmentSha(e.name) === e.sha256), 'bilagans namn och kontrollsumma stämmer inte');
export type ManifestEntry = z.infer<typeof ManifestEntry>;

/** Format 2: size and SHA-256 of the encrypted entry; the attachment's own hash (its name) is checked after decrypting. */
export const EncryptedManifestEntry = z
  .object({ name: ListedEntryName, size: z.number().int().nonnegative().max(sealedCap(LIMITS.maxAttachmentBytes)), sha256: Hex64 })
  .strict()
  .refine((e) => e.name !== EVENTS_NAME || e.size <= sealedCap(LIMITS.maxEventsBytes), 'för stor');

const B64 = (bytes: number) => z.string().length(4 * Math.ceil(bytes / 3)).regex(/^[A-Za-z0-9+/]+={0,2}$/);
/** The content key wrapped for one device (identity/encryption-key.ts). */
export const WrappedKeyEntry = z.object({ fingerprint: Hex64, ephemeral: B64(32), iv: B64(12), wrapped: B64(32), tag: B64(16) }).strict();

/**
 * What the sender's device holds, per signing key: the highest Lamport clock,
 * how many events of that key it holds, and a digest of their ids (sorted by
 * clock, then id). A later package to this sender sends, per key, only events
 * above `lamport` when its own count and digest up to there agree, and all of
 * that key's events otherwise — so a gap heals itself instead of persisting.
 */
export const AckEntry = z
  .object({
    lamport: z.number().int().nonnegative(),
    count: z.number().int().nonnegative(),
    digest: z.string().regex(/^[0-9a-f]{32}$/),
  })
  .strict();
export type AckEntry = z.infer<typeof AckEntry>;
export const Acks = z.record(Hex64, AckEntry).refine((a) => Object.keys(a).length <= LIMITS.maxAckKeys, 'för många nycklar');
export type Acks = z.infer<typeof Acks>;

const Person = z.object({ person: z.string().uuid(), name: z.string().min(1).max(200) }).strict();

export const ManifestV1 = z
  .object({
    format: z.literal(1),
    kind: z.enum(['invitation', 'changes']),
    forbund: z.string().uuid(),
    forbundName: z.string().min(1).max(200),
    sender: Person.extend({ key: Hex64, device: z.string().min(1).max(200) }).strict(),
    /** Empty means the whole board. */
    recipients: z.array(Person).max(LIMITS.maxRecipients),
    createdAt: z.string().datetime(),
    acks: Acks,
    entries: z.array(ManifestEntry).max(LIMITS.maxEntries),
  })
  .strict()
  .refine((m) => new Set(m.entries.map((e) => e.name)).size === m.entries.length, 'en fil står två gånger');
export type ManifestV1 = z.infer<typeof ManifestV1>;

export const ManifestV2 = z
  .object({
    format: z.literal(2),
    kind: z.literal('changes'),
    forbund: z.string().uuid(),
    forbundName: z.string().min(1).max(200),
    sender: Person.extend({ key: Hex64, device: z.string().min(1).max(200) }).strict(),
    recipients: z.array(Person).max(LIMITS.maxRecipients),
    createdAt: z.string().datetime(),
    acks: Acks,
    /** The content key, wrapped once per device that may open the package. */
    keys: z.array(WrappedKeyEntry).min(1).max(LIMITS.maxWrappedKeys),
    entries: z.array(EncryptedManifestEntry).max(LIMITS.maxEntries),
  })
  .strict()
  .refine((m) => new Set(m.entries.map((e) => e.name)).size === m.entries.length, 'en fil står två gånger')
  .refine((m) => new Set(m.keys.map((k) => k.fingerprint)).size === m.keys.length, 'en nyckel står två gånger');
export type ManifestV2 = z.infer<typeof ManifestV2>;

export type Manifest = ManifestV1 | ManifestV2;
/** The schema of the manifest's own format (1 or 2); anything else fails format 1's literal. */
export const manifestSchema = (raw: unknown) => ((raw as { format?: unknown } | null)?.format === 2 ? ManifestV2 : ManifestV1);

/** The additional authenticated data of every wrapped key: the manifest's förbund and creation time. */
export const wrapAad = (m: { forbund: string; createdAt: string }): Buffer => Buffer.from(`${m.forbund}\n${m.createdAt}`, 'utf8');

/** An encrypted entry's size cap: the plain cap plus the envelope (header and one tag per 64 KiB chunk). */
export function sealedCap(plain: number): number {
  return 24 + plain + Math.ceil(plain / 65536 + 1) * 16;
}

export function attachmentSha(name: string): string | null {
  return AttachmentEntryName.exec(name)?.[1] ?? null;
}
export const attachmentEntryName = (sha256: string): string => `attachments/${sha256}.pdf`;

/** The uncompressed-size cap for an entry by name; 0 means "not allowed here". */
export function capFor(name: string): number {
  if (name === MANIFEST_NAME) return LIMITS.maxManifestBytes;
  if (name === SIGNATURE_NAME) return LIMITS.signatureBytes;
  if (name === SENDER_KEY_NAME) return LIMITS.maxSenderKeyBytes;
  if (name === EVENTS_NAME) return sealedCap(LIMITS.maxEventsBytes);
  if (AttachmentEntryName.test(name)) return sealedCap(LIMITS.maxAttachmentBytes);
  return 0;
}

/**
 * Why an entry name is unsafe, or null. Stricter than yauzl's own check: we
 * also refuse `.` segments, empty segments, control characters and Windows
 * drive letters, and we see the raw name (yauzl would silently turn `\` into `/`).
 */
export function unsafeNameReason(name: string): string | null {
  if (name.length === 0 || name.length > 512) return 'tomt eller för långt filnamn';
  if (name.includes('\\')) return 'bakstreck i filnamnet';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'absolut sökväg';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'kontrolltecken i filnamnet';
  const parts = name.split('/');
  if (parts.includes('..')) return 'sökväg som pekar utanför paketet (..)';
  if (parts.some((p) => p === '' || p === '.')) return 'ogiltig sökväg';
  return null;
}

/** Refusal of a package: always `invalid_file`, always a Swedish sentence that says what to do. */
export function refuse(reason: string): AppError {
  return new AppError('invalid_file', `Paketet kunde inte importeras: ${reason}`);
}

export const RESEND = 'Be avsändaren skicka paketet igen.';
export const HOSTILE = 'Paketet kan vara skadligt – importera det inte och kontakta avsändaren.';

/** ASCII-folded, lower-case, hyphenated: `Samordningsförbundet Östra Skåne` → `samordningsforbundet-ostra-skane`. */
export function slug(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øØ]/g, 'o')
    .replace(/[æÆ]/g, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return folded || 'okand';
}

/** `<förbund>-<yyyy-mm-dd>-<sender>.sbpaket`; the date is the sender's local date. */
export function packageFileName(forbundName: string, senderName: string, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `${slug(forbundName)}-${date}-${slug(senderName)}${PACKAGE_EXTENSION}`;
}
