import { createWriteStream, promises as fs } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import { compareEvents, shortCode, type VerifiedEvent } from '../../../shared/domain/log/signed-event';
import { kept, parseEventLine, verifyEventLine, verifyEventLineAsync } from '../identity/events';
import { fingerprint, parseEd25519PublicKey, verify } from '../identity/keys';
import {
  attachmentSha,
  EVENTS_NAME,
  HOSTILE,
  LIMITS,
  manifestSchema,
  MANIFEST_NAME,
  type Manifest,
  META_ENTRIES,
  PACKAGE_FORMAT,
  refuse,
  RESEND,
  SENDER_KEY_NAME,
  SIGNATURE_NAME,
} from './format';
import type { DeviceDecryptor } from '../identity/encryption-key';
import { decrypting, openContentKey } from './read-encrypted';
import type { PackageProgress } from './write';
import { isSystemError, openZip, readSmallEntry, streamEntry, type Budget, type OpenedZip, type ZipSource } from './zip-reader';

export interface ReadPackageOptions {
  /** The PEM of a key this installation already trusts, by fingerprint; null if unknown. */
  trustedKeys: (fingerprint: string) => string | null | Promise<string | null>;
  /** Refuse a package of any other förbund. */
  expectedForbund?: string;
  /** The name of the expected förbund, so a refusal can tell "another förbund with the same name" apart. */
  expectedForbundName?: string;
  /** Invitations: the sender's key arrives in the package itself; the user confirms it by its short code. */
  allowUnknownSender?: boolean;
  /** A laptop that belongs to no förbund yet: only an invitation can be its first package. */
  requireInvitation?: boolean;
  /** Where attachments are extracted (a folder under the data folder). Without it they are verified and discarded. */
  tempDir?: string;
  /**
   * Writes one extracted attachment (default: a plain file). The app passes the sealed-file layer, so a
   * confidential PDF is never in clear on disk while its package is previewed.
   */
  writeExtracted?: (target: string, bytes: Buffer) => Promise<void>;
  /**
   * Keys whose events apply here (accepted). When given, a package may carry
   * at most LIMITS.maxHeldPerPackage events signed by other keys; the reader
   * refuses it while streaming, before holding more of them in memory.
   */
  isAccepted?: (fingerprint: string) => boolean;
  /** `inspect` only: count events whose key is not available instead of refusing the package. */
  allowUnverifiedEvents?: boolean;
  /**
   * This device's X25519 key: opens a format-2 package addressed to it. Without one (or when the
   * package holds no copy of the content key for it) a format-2 package is refused as not for
   * this device, before any entry is inflated — except for `inspect` (allowUnverifiedEvents),
   * which then checks the signature and the encrypted entries' hashes only.
   */
  decryptor?: DeviceDecryptor | null;
  onProgress?: (progress: PackageProgress) => void;
}

export interface ReadPackage {
  manifest: Manifest;
  sender: { fingerprint: string; publicKeyPem: string; known: boolean };
  /** Every event in the package whose signature held, de-duplicated, in the total order of compareEvents. */
  events: VerifiedEvent[];
  /** Keys introduced by self-signed `key.registered` events in this package (shown in the preview). */
  newKeys: { fingerprint: string; publicKeyPem: string; person: string }[];
  /** Only with allowUnverifiedEvents: events left out because their key is unknown here. */
  unverifiedEvents: number;
  /** path is null when no tempDir was given. */
  attachments: { sha256: string; size: number; path: string | null }[];
  counts: { events: number; eventsByType: Record<string, number>; attachments: number; attachmentBytes: number };
  /** The extraction folder; remove it with dispose() once the attachments are stored. */
  extractDir: string | null;
  /** Format 2 read without the key to open it (inspect only): events and attachments were not decrypted. */
  sealedContent: boolean;
  dispose(): Promise<void>;
}

const EXTRACT_PREFIX = 'import-';
export const NOT_AN_INVITATION = 'det är ingen inbjudan. Den första filen du importerar ska vara inbjudan från förbundschefen.';
const VERIFY_BATCH = 256;

/**
 * Reads and verifies a package without changing anything outside `tempDir`.
 * Order: ZIP structure and names → manifest, sender key and signature →
 * förbund and known key → listing → contents (hashes, sizes, caps) → events
 * (schema, förbund, signatures). Any failure refuses the whole package with
 * a Swedish reason and removes everything extracted so far.
 */
export async function readPackage(path: ZipSource, opts: ReadPackageOptions): Promise<ReadPackage> {
  let extractDir: string | null = null;
  let opened: OpenedZip | null = null;
  try {
    opened = await openZip(path);
    const budget: Budget = { total: 0 };
    const meta = await readHeader(opened, budget, opts);
    const { manifest } = meta;

    // Listing: the signed manifest must describe the ZIP exactly.
    for (const name of opened.entries.keys()) {
      if (!(META_ENTRIES as readonly string[]).includes(name) && !manifest.entries.some((e) => e.name === name)) {
        throw refuse(`paketet innehåller filen ”${name}” som inte finns i innehållsförteckningen. ${RESEND}`);
      }
    }
    for (const e of manifest.entries) {
      const item = opened.entries.get(e.name);
      if (!item) throw refuse(`filen ”${e.name}” står i innehållsförteckningen men saknas i paketet. ${RESEND}`);
      if (item.entry.uncompressedSize !== e.size) throw refuse(`storleken på ”${e.name}” stämmer inte med innehållsförteckningen. ${RESEND}`);
    }
    if (opts.requireInvitation && manifest.kind !== 'invitation') throw refuse(NOT_AN_INVITATION);
    const contentKey = manifest.format === 2 ? openContentKey(manifest, meta.senderKnown, opts.decryptor ?? null, opts.allowUnverifiedEvents === true) : null;
    const sealedContent = manifest.format === 2 && !contentKey;
    const total = manifest.entries.reduce((n, e) => n + e.size, 0);
    if (total > LIMITS.maxTotalBytes) throw refuse(`paketet är för stort (över ${LIMITS.maxTotalBytes / 1024 / 1024} MB). ${HOSTILE}`);
    let done = 0;
    let reported = 0;
    budget.onBytes = (n) => {
      done += n;
      if (opts.onProgress && (done - reported >= 1024 * 1024 || done === total)) {
        reported = done;
        opts.onProgress({ done, total });
      }
    };

    if (opts.tempDir) {
      await fs.mkdir(opts.tempDir, { recursive: true });
      extractDir = await fs.mkdtemp(join(opts.tempDir, EXTRACT_PREFIX));
    }
    const parsed: ParsedEvents = new Map();
    const unaccepted = opts.isAccepted ? { count: 0, isAccepted: opts.isAccepted } : null;
    const attachments: ReadPackage['attachments'] = [];
    for (const e of manifest.entries) {
      const item = opened.entries.get(e.name)!;
      const sha = attachmentSha(e.name);
      const target = extractDir && sha ? join(extractDir, `${sha}.pdf`) : null;
      const sink = sealedContent ? writeTo(null) : e.name === EVENTS_NAME ? eachLine((no, text) => addEvent(parsed, no, text, manifest.forbund, unaccepted)) : writeTo(target, opts.writeExtracted);
      const plain = contentKey ? decrypting(contentKey, e.name, sink) : null;
      const got = await streamEntry(opened, item, budget, e.size, plain?.sink ?? sink);
      if (got.sha256 !== e.sha256) throw refuse(`kontrollsumman för ”${e.name}” stämmer inte. ${RESEND}`);
      const size = plain ? plain.size() : got.size;
      if (sha && plain && plain.sha256() !== sha) throw refuse(`kontrollsumman för ”${e.name}” stämmer inte. ${RESEND}`);
      // Sealed content (inspect without the key): listed by name, with the encrypted size, never extracted.
      if (sha) attachments.push({ sha256: sha, size, path: sealedContent ? null : target });
    }
    opened.close();
    opened = null;

    const verified = await verifyEvents(parsed, meta, opts);
    // The parsed lines (with each body's text) are not needed now, but `dispose` below shares this scope's
    // closure context with the line reader that filled the map, and would keep it alive for the whole import.
    parsed.clear();
    const eventsByType: Record<string, number> = {};
    for (const ev of verified.events) eventsByType[ev.body.type] = (eventsByType[ev.body.type] ?? 0) + 1;
    const dir = extractDir;
    return {
      manifest,
      sender: { fingerprint: manifest.sender.key, publicKeyPem: meta.senderPem, known: meta.senderKnown },
      ...verified,
      attachments,
      counts: { events: verified.events.length, eventsByType, attachments: attachments.length, attachmentBytes: attachments.reduce((n, a) => n + a.size, 0) },
      extractDir: dir,
      sealedContent,
      dispose: async () => {
        if (dir) await fs.rm(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    opened?.close();
    if (extractDir) await fs.rm(extractDir, { recursive: true, force: true });
    if (err instanceof AppError) throw err;
    if (isSystemError(err) && err.code === 'ENOSPC') throw new AppError('internal', 'Paketet kunde inte importeras: disken är full. Frigör utrymme och försök igen.');
    if (isSystemError(err)) throw new AppError('internal', `Paketet kunde inte importeras: filen kunde inte läsas eller skrivas (${err.code}).`);
    throw err;
  }
}

interface Header {
  manifest: Manifest;
  senderPem: string;
  senderKey: KeyObject;
  senderKnown: boolean;
}

/** Manifest, sender key and signature: everything that must hold before any large entry is inflated. */
async function readHeader(opened: OpenedZip, budget: Budget, opts: ReadPackageOptions): Promise<Header> {
  const get = (name: string, what: string) => {
    const item = opened.entries.get(name);
    if (!item) throw refuse(`${what} (${name}) saknas i paketet. ${RESEND}`);
    return readSmallEntry(opened, item, budget);
  };
  const manifestBytes = await get(MANIFEST_NAME, 'innehållsförteckningen');
  const sig = await get(SIGNATURE_NAME, 'signaturen');
  const pemBytes = await get(SENDER_KEY_NAME, 'avsändarens nyckel');

  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    throw refuse(`innehållsförteckningen (manifest.json) är skadad. ${RESEND}`);
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > PACKAGE_FORMAT) {
    throw refuse(`paketet är skapat av en nyare version av Styrelsebordet (paketformat ${format}; den här versionen läser format ${PACKAGE_FORMAT}). Uppdatera programmet och importera paketet igen.`);
  }
  const parsed = manifestSchema(raw).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (fältet ${issue.path.join('.')})` : '';
    throw refuse(`innehållsförteckningen (manifest.json) följer inte paketformatet${where}. ${RESEND}`);
  }
  const manifest = parsed.data;

  const senderPem = pemBytes.toString('utf8');
  const senderKey = parseEd25519PublicKey(senderPem);
  if (!senderKey) throw refuse(`avsändarens nyckel (sender.pem) är ogiltig. ${RESEND}`);
  if (fingerprint(senderKey) !== manifest.sender.key) throw refuse(`avsändarens nyckel (sender.pem) stämmer inte med innehållsförteckningen. ${RESEND}`);
  if (!verify(senderKey, manifestBytes, sig)) throw refuse(`signaturen stämmer inte. ${RESEND}`);

  if (opts.expectedForbund && manifest.forbund !== opts.expectedForbund) {
    if (opts.expectedForbundName !== undefined && manifest.forbundName.trim() === opts.expectedForbundName.trim()) {
      // Two förbund can share a name (two demo installations, a förbund set up twice): say so, or the refusal makes no sense.
      throw refuse(
        `paketet gäller ett annat förbund med samma namn (”${manifest.forbundName}”). Det skapades på en dator som inte hör till ditt förbund, till exempel ett annat demoförbund. Kontrollera att du valt rätt fil.`,
      );
    }
    throw refuse(`paketet gäller ett annat samordningsförbund (”${manifest.forbundName}”). Kontrollera att du valt rätt fil.`);
  }
  const trustedPem = await opts.trustedKeys(manifest.sender.key);
  const trusted = trustedPem ? parseEd25519PublicKey(trustedPem) : null;
  // The trusted key is looked up by fingerprint; equal fingerprints mean the same SPKI bytes, hence the same key.
  const senderKnown = trusted !== null && fingerprint(trusted) === manifest.sender.key;
  if (!senderKnown && !opts.allowUnknownSender) {
    throw refuse(`avsändarens nyckel (kod ${shortCode(manifest.sender.key)}) är okänd på den här datorn. Be ${manifest.sender.name} om en inbjudan eller att registrera sin nyckel, och jämför koden per telefon.`);
  }
  return { manifest, senderPem, senderKey, senderKnown };
}

/** A sink that splits events.jsonl into lines as it streams, never holding more than one partial line. */
function eachLine(onLine: (no: number, text: string) => void) {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let no = 0;
  const push = (buf: Buffer) => {
    no++;
    if (buf.length === 0 || (buf.length === 1 && buf[0] === 13)) return;
    let text: string;
    try {
      text = utf8.decode(buf);
    } catch {
      throw refuse(`rad ${no} i events.jsonl är inte giltig UTF-8-text. ${RESEND}`);
    }
    onLine(no, text);
  };
  return async (source: AsyncIterable<Buffer>) => {
    let carry: Buffer[] = [];
    let carried = 0;
    for await (const chunk of source) {
      let start = 0;
      for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
        const piece = chunk.subarray(start, nl);
        push(carried ? Buffer.concat([...carry, piece]) : piece);
        carry = [];
        carried = 0;
        start = nl + 1;
      }
      if (start < chunk.length) {
        carry.push(chunk.subarray(start));
        carried += chunk.length - start;
        if (carried > LIMITS.maxEventLineBytes) throw refuse(`rad ${no + 1} i events.jsonl är för lång. ${HOSTILE}`);
      }
    }
    if (carried) push(Buffer.concat(carry));
  };
}

/** A sink that writes to a new file (fsynced before close, see `flush`), or just drains when there is no target. */
function writeTo(target: string | null, write?: (target: string, bytes: Buffer) => Promise<void>) {
  return async (source: AsyncIterable<Buffer>) => {
    if (!target) {
      for await (const _chunk of source) void _chunk;
      return;
    }
    if (write) {
      // One attachment (≤ 200 MB, the package's own cap) in memory, then sealed in one write.
      const chunks: Buffer[] = [];
      for await (const chunk of source) chunks.push(chunk);
      await write(target, Buffer.concat(chunks));
      return;
    }
    // A write stream lets reading the next chunk overlap with writing this one.
    await pipeline(source, createWriteStream(target, { flags: 'wx', mode: 0o600, flush: true, highWaterMark: 1024 * 1024 }));
  };
}

type ParsedEvents = Map<string, { no: number; event: VerifiedEvent }>;

/** Parses one line as it streams in (schema and förbund); duplicates collapse by id. */
function addEvent(parsed: ParsedEvents, no: number, text: string, forbund: string, unaccepted: { count: number; isAccepted: (fp: string) => boolean } | null): void {
  const p = parseEventLine(text);
  if (!p.ok) throw refuse(`händelse nr ${no} i paketet är felaktig: ${p.detail}. ${RESEND}`);
  if (p.body.forbund !== forbund) throw refuse(`händelse nr ${no} i paketet hör till ett annat samordningsförbund. ${HOSTILE}`);
  if (unaccepted && !unaccepted.isAccepted(p.body.key) && ++unaccepted.count > LIMITS.maxHeldPerPackage) {
    throw refuse(
      `händelse nr ${no}: paketet har fler än ${LIMITS.maxHeldPerPackage} händelser från nycklar som inte är godkända här (de skulle få vänta). ${HOSTILE}`,
    );
  }
  if (!parsed.has(p.id)) parsed.set(p.id, { no, event: { id: p.id, body: p.body, line: p.line } });
}

/**
 * Checks every event's signature. Keys are resolved from the
 * installation's trusted keys, then the sender's key (already verified
 * against the manifest), then self-signed `key.registered` events in the
 * package: their payload's `publicKeyPem` must have the fingerprint the event
 * names as `key` and must verify the event's own signature. Whether that
 * person may register a key is the domain's authority rule, checked at apply.
 */
async function verifyEvents(parsed: ParsedEvents, header: Header, opts: ReadPackageOptions) {
  const keys = new Map<string, KeyObject | null>();
  if (header.senderKnown || opts.allowUnknownSender) keys.set(header.manifest.sender.key, header.senderKey);
  const resolve = async (fp: string): Promise<KeyObject | null> => {
    if (!keys.has(fp)) {
      const pem = await opts.trustedKeys(fp);
      const key = pem ? parseEd25519PublicKey(pem) : null;
      keys.set(fp, key && fingerprint(key) === fp ? key : null);
    }
    return keys.get(fp) ?? null;
  };

  const newKeys: ReadPackage['newKeys'] = [];
  for (const { event } of parsed.values()) {
    if (event.body.type !== 'key.registered' || (await resolve(event.body.key))) continue;
    const pem = event.body.payload['publicKeyPem'];
    const key = typeof pem === 'string' ? parseEd25519PublicKey(pem) : null;
    if (key && fingerprint(key) === event.body.key && verifyEventLine(event.line, key)) {
      keys.set(event.body.key, key);
      newKeys.push({ fingerprint: event.body.key, publicKeyPem: pem as string, person: event.body.author });
    }
  }

  const events: VerifiedEvent[] = [];
  let unverifiedEvents = 0;
  const pending: { no: number; event: VerifiedEvent; key: KeyObject }[] = [];
  for (const { no, event } of parsed.values()) {
    const key = await resolve(event.body.key);
    if (key) {
      pending.push({ no, event, key });
    } else if (opts.allowUnverifiedEvents) {
      unverifiedEvents++;
    } else {
      throw refuse(`händelse nr ${no} är signerad med en okänd nyckel (kod ${shortCode(event.body.key)}). Importera först ett paket som registrerar den nyckeln, eller be avsändaren skicka paketet igen.`);
    }
  }
  // Signatures are checked in batches on the thread pool: all cores, and the event loop stays responsive.
  for (let i = 0; i < pending.length; i += VERIFY_BATCH) {
    const batch = pending.slice(i, i + VERIFY_BATCH);
    const results = await Promise.all(batch.map((p) => verifyEventLineAsync(p.event.line, p.key)));
    const bad = results.indexOf(false);
    if (bad !== -1) throw refuse(`händelse nr ${batch[bad]!.no} har en ogiltig signatur. ${RESEND}`);
    // Verified: kept without the body's text from here on (identity/events.ts).
    for (const p of batch) events.push(kept(p.event));
  }
  events.sort(compareEvents);
  return { events, newKeys, unverifiedEvents };
}

/** Removes extraction folders left by an import that was killed midway; call at startup. */
export async function removeStaleExtractions(tempDir: string): Promise<number> {
  let removed = 0;
  for (const name of await fs.readdir(tempDir).catch(() => [] as string[])) {
    if (name.startsWith(EXTRACT_PREFIX)) {
      await fs.rm(join(tempDir, name), { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}
