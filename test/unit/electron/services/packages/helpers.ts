import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { signEvent, type SignedEvent } from '../../../../../electron/services/identity/events';
import { generateEphemeralIdentity, type DeviceIdentity } from '../../../../../electron/services/identity/keys';
import type { Manifest } from '../../../../../electron/services/packages/format';
import { computeAcks } from '../../../../../electron/services/packages/acks';
import { writePackage } from '../../../../../electron/services/packages/write';

export const FORBUND = randomUUID();
export const FORBUND_NAME = 'Samordningsförbundet Östra Skåne';
export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
export const tmp = (prefix = 'sb-pkg-') => mkdtempSync(join(tmpdir(), prefix));

export function person(name: string): DeviceIdentity & { name: string } {
  return { ...generateEphemeralIdentity({ person: randomUUID(), deviceName: `${name}s dator` }), name };
}

/** An event by `who`, signed by their device key. */
export function event(who: DeviceIdentity, type: string, lamport: number, payload: Record<string, unknown> = {}, forbund = FORBUND): SignedEvent {
  return signEvent(who, {
    v: 1,
    forbund,
    author: who.person,
    key: who.fingerprint,
    lamport,
    at: new Date(Date.UTC(2026, 2, 14, 9, 0, lamport % 60)).toISOString(),
    type,
    payload,
    prev: [],
  });
}

/**
 * A package of changes from `from` to `to` carrying `events` (and their acks), as a laptop exports one;
 * `over` sets what a test varies (attachments, encryption, progress, the time).
 */
export function writeChanges(
  outDir: string,
  from: DeviceIdentity & { name: string },
  to: { person: string; name: string },
  events: readonly SignedEvent[],
  over: Partial<Parameters<typeof writePackage>[0]> = {},
) {
  return writePackage({
    outDir,
    identity: from,
    forbund: { id: FORBUND, name: FORBUND_NAME },
    sender: { person: from.person, name: from.name },
    recipients: [{ person: to.person, name: to.name }],
    kind: 'changes',
    eventLines: events.map((e) => e.text),
    attachments: [],
    acks: computeAcks(events.map((e) => ({ id: e.id, key: e.body.key, lamport: e.body.lamport }))),
    ...over,
  });
}

/** A device announcing its own key: signed by the key it registers. */
export const keyRegistered = (who: DeviceIdentity, lamport = 1) =>
  event(who, 'key.registered', lamport, { publicKeyPem: who.publicKeyPem, deviceName: who.deviceName });

/** Bytes that look like a small PDF; packages never parse attachments, they only hash them. */
export function fakePdf(label: string, size = 50_000): Buffer {
  const body = Buffer.alloc(size);
  for (let i = 0; i < size; i++) body[i] = (i * 31 + label.length * 7 + label.charCodeAt(i % label.length)) & 0xff;
  return Buffer.concat([Buffer.from(`%PDF-1.7\n% ${label}\n`), body, Buffer.from('\n%%EOF\n')]);
}

export function writeAttachment(dir: string, bytes: Buffer): { sha256: string; path: string } {
  const sha = sha256(bytes);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${sha}.pdf`);
  writeFileSync(path, bytes);
  return { sha256: sha, path };
}

export interface RawEntry {
  name: string;
  data?: Buffer;
  stream?: Readable;
  /** Put it in the manifest (default true for non-meta names); false to leave it unlisted. */
  listed?: boolean;
  /** Override what the manifest says about it. */
  listedAs?: { size?: number; sha256?: string };
  mode?: number;
  compressionLevel?: number;
}

export interface RawOptions {
  signer: DeviceIdentity & { name: string };
  entries: RawEntry[];
  manifest?: (m: Record<string, unknown>) => void;
  /** Replace these equal-length byte strings everywhere in the finished ZIP (for names yazl refuses to write). */
  renames?: [string, string][];
  /** After signing: replace the manifest bytes or signature. */
  tamperManifest?: (bytes: Buffer) => Buffer;
  tamperSignature?: (sig: Buffer) => Buffer;
  senderPem?: string;
  omit?: ('manifest.json' | 'manifest.sig' | 'sender.pem')[];
}

/**
 * Builds a package by hand, entry by entry, so tests can produce every kind of
 * broken or hostile package. Streams go straight into the ZIP (the bomb never
 * sits in memory); the manifest lists the sizes and hashes of the data given.
 */
export async function rawPackage(dir: string, opts: RawOptions): Promise<string> {
  const zip = new yazl.ZipFile();
  const listed: { name: string; size: number; sha256: string }[] = [];
  for (const e of opts.entries) {
    const options = { mode: e.mode ?? 0o100644, compressionLevel: e.compressionLevel ?? 6, mtime: new Date(Date.UTC(2026, 2, 14)) };
    if (e.data) zip.addBuffer(e.data, e.name, options);
    else zip.addReadStream(e.stream!, e.name, options);
    if (e.listed !== false) {
      listed.push({ name: e.name, size: e.listedAs?.size ?? e.data?.length ?? 0, sha256: e.listedAs?.sha256 ?? (e.data ? sha256(e.data) : '0'.repeat(64)) });
    }
  }
  const manifest: Record<string, unknown> = {
    format: 1,
    kind: 'changes',
    forbund: FORBUND,
    forbundName: FORBUND_NAME,
    sender: { person: opts.signer.person, name: opts.signer.name, key: opts.signer.fingerprint, device: opts.signer.deviceName },
    recipients: [],
    createdAt: '2026-03-14T09:00:00.000Z',
    acks: {},
    entries: listed,
  } satisfies Manifest;
  opts.manifest?.(manifest);
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
  const sig = Buffer.from(opts.signer.sign(manifestBytes));
  const omit = new Set(opts.omit ?? []);
  if (!omit.has('sender.pem')) zip.addBuffer(Buffer.from(opts.senderPem ?? opts.signer.publicKeyPem), 'sender.pem');
  if (!omit.has('manifest.json')) zip.addBuffer(opts.tamperManifest ? opts.tamperManifest(manifestBytes) : manifestBytes, 'manifest.json');
  if (!omit.has('manifest.sig')) zip.addBuffer(opts.tamperSignature ? opts.tamperSignature(sig) : sig, 'manifest.sig');
  zip.end();
  const path = join(dir, `${Math.random().toString(36).slice(2)}.sbpaket`);
  await pipeline(zip.outputStream, createWriteStream(path));
  if (opts.renames) {
    let bytes: Buffer = readFileSync(path);
    for (const [from, to] of opts.renames) bytes = replaceAll(bytes, Buffer.from(from), Buffer.from(to));
    writeFileSync(path, bytes);
  }
  return path;
}

export function replaceAll(bytes: Buffer, from: Buffer, to: Buffer): Buffer {
  if (from.length !== to.length) throw new Error('replaceAll: lengths differ');
  const out = Buffer.from(bytes);
  for (let i = out.indexOf(from); i !== -1; i = out.indexOf(from, i + from.length)) to.copy(out, i);
  return out;
}

/** Sets the uncompressed size an entry declares in the central directory: a ZIP that lies about its sizes. */
export function patchDeclaredSize(path: string, name: string, size: number): void {
  const bytes = readFileSync(path);
  const nameBytes = Buffer.from(name);
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]); // central directory file header
  for (let i = bytes.indexOf(signature); i !== -1; i = bytes.indexOf(signature, i + 4)) {
    const nameLength = bytes.readUInt16LE(i + 28);
    if (bytes.subarray(i + 46, i + 46 + nameLength).equals(nameBytes)) {
      bytes.writeUInt32LE(size, i + 24);
      writeFileSync(path, bytes);
      return;
    }
  }
  throw new Error(`patchDeclaredSize: ${name} not found`);
}

/**
 * A ZIP with `count` empty stored entries, written by hand: yazl slows down
 * quadratically with tens of thousands of entries, and this needs no data.
 */
export function manyEntriesZip(path: string, count: number): void {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const name = Buffer.from(`f${i}`);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, name);
    central.push(cd, name);
    offset += local.length + name.length;
  }
  const cdBytes = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Math.min(count, 0xffff), 8);
  eocd.writeUInt16LE(Math.min(count, 0xffff), 10);
  eocd.writeUInt32LE(cdBytes.length, 12);
  eocd.writeUInt32LE(offset, 16);
  writeFileSync(path, Buffer.concat([...locals, cdBytes, eocd]));
}
