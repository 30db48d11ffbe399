import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { AppError } from '../../../shared/contract/errors';
import { parseEventLine } from '../identity/events';
import { wrapContentKey } from '../identity/encryption-key';
import type { DeviceIdentity } from '../identity/keys';
import { sealedSize, sealStream } from './entry-cipher';
import {
  attachmentEntryName,
  EVENTS_NAME,
  LIMITS,
  ManifestV1,
  ManifestV2,
  MANIFEST_NAME,
  wrapAad,
  type Manifest,
  packageFileName,
  SENDER_KEY_NAME,
  SIGNATURE_NAME,
  type Acks,
  type ManifestEntry,
} from './format';

export interface PackageProgress {
  done: number;
  /** Known total; grows while events are read from an async source. */
  total: number;
}

export interface WritePackageOptions {
  /** A folder: the file is named `<förbund>-<yyyy-mm-dd>-<sender>.sbpaket` (with `-2`, `-3`… if taken). */
  outDir?: string;
  /** Or an exact path the user chose; an existing file there is replaced atomically. */
  outPath?: string;
  identity: DeviceIdentity;
  forbund: { id: string; name: string };
  sender: { person: string; name: string };
  /** Empty = the whole board. */
  recipients: { person: string; name: string }[];
  kind: 'invitation' | 'changes';
  /** Signed event lines exactly as stored (JSON, no newline). */
  eventLines: AsyncIterable<string> | Iterable<string>;
  /** `open` reads a stored file through the sealed-file layer (its plaintext size and stream); without it, `path` is read as is. */
  attachments: AttachmentSource[];
  acks: Acks;
  /**
   * Format 2: encrypt every entry except manifest, signature and sender key to these devices (their
   * signing-key fingerprint and X25519 public key, base64). Absent: format 1 in clear (invitations).
   */
  encryptTo?: { fingerprint: string; x25519: string }[];
  now?: Date;
  onProgress?: (progress: PackageProgress) => void;
}

export interface AttachmentSource {
  sha256: string;
  path: string;
  open?: () => Promise<{ size: number; stream: NodeJS.ReadableStream }>;
}

export interface WrittenPackage {
  path: string;
  fileName: string;
  manifest: Manifest;
  counts: { events: number; eventsByType: Record<string, number>; attachments: number; attachmentBytes: number; packageBytes: number };
}

/**
 * Writes a signed package. Everything streams: event lines and attachment
 * files flow through a hashing tap into yazl and on to a temp file, so memory
 * stays flat whatever the size. The manifest needs every entry's size and
 * hash, so it is added last, once the taps have seen all bytes (readers find
 * it through the central directory; the order inside the ZIP does not
 * matter). The temp file is fsynced and renamed into place: a crash or an
 * error leaves either no package or a complete one, never a partial one.
 */
export async function writePackage(opts: WritePackageOptions): Promise<WrittenPackage> {
  const now = opts.now ?? new Date();
  if (opts.sender.person !== opts.identity.person) throw new Error('writePackage: sender is not the device’s person');
  if (!opts.outPath === !opts.outDir) throw new Error('writePackage: give exactly one of outDir and outPath');
  const target = opts.outPath ?? (await freePath(opts.outDir!, packageFileName(opts.forbund.name, opts.sender.name, now)));
  const files = await statAttachments(opts.attachments);
  let total = files.reduce((n, f) => n + f.size, 0) + (Array.isArray(opts.eventLines) ? (opts.eventLines as string[]).reduce((n, l) => n + Buffer.byteLength(l) + 1, 0) : 0);
  let done = 0;
  let reported = -Infinity;
  const progress = (bytes: number, grow = false) => {
    done += bytes;
    if (grow) total = Math.max(total, done);
    if (opts.onProgress && (done - reported >= 1024 * 1024 || done === total)) {
      reported = done;
      opts.onProgress({ done, total });
    }
  };

  const contentKey = opts.encryptTo ? randomBytes(32) : null;
  if (opts.encryptTo && opts.kind === 'invitation') throw new Error('writePackage: an invitation is never encrypted (the new member has no key yet)');
  if (opts.encryptTo && opts.encryptTo.length === 0) throw new Error('writePackage: an encrypted package needs at least one device to open it');
  /** Plain bytes pass `plainTap` (hash check, progress); with a content key they are sealed and `listedTap` lists the sealed bytes. */
  const chain = (source: Readable, name: string, plainTap: Transform): { stream: Readable; listed: Promise<ManifestEntry> } => {
    if (!contentKey) return { stream: source.pipe(plainTap), listed: Promise.resolve(null as never) };
    const seal = sealStream(contentKey, name);
    const listedTap = tap(name, null, () => undefined);
    for (const s of [seal, listedTap.stream]) {
      s.on('error', fail);
      streams.push(s);
    }
    return { stream: source.pipe(plainTap).pipe(seal).pipe(listedTap.stream), listed: listedTap.result };
  };

  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  // `flush: true` fsyncs the file before the stream closes, so the rename below never exposes unwritten data.
  const out = createWriteStream(tmp, { flags: 'wx', mode: 0o600, flush: true });
  const zip = new yazl.ZipFile();
  const streams: { destroy(): void }[] = [];
  let fail: (err: unknown) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => (fail = reject));
  failure.catch(() => undefined);
  const guard = <T>(p: Promise<T>) => Promise.race([p, failure]);
  zip.on('error', fail);

  streams.push(out);
  try {
    const written = pipeline(zip.outputStream as NodeJS.ReadableStream, out);
    written.catch(fail);
    const mtime = now;

    // events.jsonl: checked line by line so we never sign something recipients would refuse.
    const eventsByType: Record<string, number> = {};
    const seen = new Set<string>();
    const eventSource = Readable.from(checkedLines(opts.eventLines, opts.forbund.id, seen, eventsByType), { objectMode: false });
    const eventsTap = tap(EVENTS_NAME, null, (n) => progress(n, true), LIMITS.maxEventsBytes);
    streams.push(eventSource, eventsTap.stream);
    eventSource.on('error', fail);
    eventsTap.stream.on('error', fail);
    const eventsChain = chain(eventSource, EVENTS_NAME, eventsTap.stream);
    // Encrypted bytes do not deflate: sealed entries are stored.
    zip.addReadStream(eventsChain.stream, EVENTS_NAME, { mtime, compress: !contentKey });

    // Attachments are stored, not deflated: PDFs are mostly compressed already, and
    // storing keeps export and import near the speed of a plain copy.
    const attachmentTaps = files.map((f) => {
      const t = tap(attachmentEntryName(f.sha256), f.sha256, progress);
      t.stream.on('error', fail);
      streams.push(t.stream);
      const name = attachmentEntryName(f.sha256);
      let listed: Promise<ManifestEntry> = t.result;
      zip.addReadStreamLazy(name, { mtime, compress: false, size: contentKey ? sealedSize(f.size) : f.size }, (cb) => {
        const opened = f.open ? f.open().then((o) => o.stream as Readable) : Promise.resolve(createReadStream(f.path, { highWaterMark: 1024 * 1024 }));
        opened.then(
          (source) => {
            streams.push(source);
            source.on('error', (err: NodeJS.ErrnoException) => fail(err.code === 'ENOENT' ? missingAttachment(f.sha256) : err));
            const c = chain(source, name, t.stream);
            if (contentKey) listed = c.listed;
            cb(null, c.stream);
          },
          (err: NodeJS.ErrnoException) => fail(err.code === 'ENOENT' ? missingAttachment(f.sha256) : err),
        );
      });
      // The listing is known once this entry's plain tap has seen every byte (and the sealed tap after it).
      return t.result.then(() => listed);
    });

    const plainEntries: ManifestEntry[] = await guard(Promise.all([eventsTap.result, ...attachmentTaps]));
    const entries = contentKey ? await guard(Promise.all([eventsChain.listed, ...plainEntries.slice(1)])) : plainEntries;
    const common = {
      kind: opts.kind,
      forbund: opts.forbund.id,
      forbundName: opts.forbund.name,
      sender: { person: opts.sender.person, name: opts.sender.name, key: opts.identity.fingerprint, device: opts.identity.deviceName },
      recipients: opts.recipients,
      createdAt: now.toISOString(),
      acks: opts.acks,
    };
    const manifest: Manifest = contentKey
      ? ManifestV2.parse({ ...common, kind: 'changes', format: 2, keys: opts.encryptTo!.map((d) => wrapContentKey(contentKey, d, wrapAad(common))), entries } satisfies ManifestV2)
      : ManifestV1.parse({ ...common, format: 1, entries } satisfies ManifestV1);
    contentKey?.fill(0);
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    zip.addBuffer(Buffer.from(opts.identity.publicKeyPem, 'utf8'), SENDER_KEY_NAME, { mtime });
    zip.addBuffer(manifestBytes, MANIFEST_NAME, { mtime });
    zip.addBuffer(Buffer.from(opts.identity.sign(manifestBytes)), SIGNATURE_NAME, { mtime, compress: false });
    zip.end();
    await guard(written);
    await fs.rename(tmp, target);
    await syncDir(dirname(target));
    const packageBytes = (await fs.stat(target)).size;
    return {
      path: target,
      fileName: basename(target),
      manifest,
      counts: { events: seen.size, eventsByType, attachments: files.length, attachmentBytes: files.reduce((n, f) => n + f.size, 0), packageBytes },
    };
  } catch (err) {
    for (const s of streams) s.destroy();
    (zip.outputStream as Readable).destroy?.();
    await new Promise<void>((r) => (out.closed ? r() : out.once('close', () => r())));
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

/** Yields each line plus `\n`, refusing lines that are not valid signed events of this förbund. */
async function* checkedLines(lines: AsyncIterable<string> | Iterable<string>, forbund: string, seen: Set<string>, byType: Record<string, number>) {
  let batch: string[] = [];
  let batchChars = 0;
  for await (const text of lines) {
    const parsed = parseEventLine(text);
    if (!parsed.ok || text.includes('\n')) throw new Error(`writePackage: invalid event line (${parsed.ok ? 'newline' : parsed.detail})`);
    if (parsed.body.forbund !== forbund) throw new Error('writePackage: event of another förbund');
    if (seen.has(parsed.id)) continue;
    seen.add(parsed.id);
    byType[parsed.body.type] = (byType[parsed.body.type] ?? 0) + 1;
    batch.push(text);
    batchChars += text.length + 1;
    // ~64 KB chunks: one small write per event would cost more in stream overhead than in deflate.
    if (batchChars >= 64 * 1024) {
      yield Buffer.from(`${batch.join('\n')}\n`, 'utf8');
      batch = [];
      batchChars = 0;
    }
  }
  if (batch.length > 0) yield Buffer.from(`${batch.join('\n')}\n`, 'utf8');
}

/** A pass-through that hashes and counts; with an expected hash it fails the write on a mismatch. */
function tap(name: string, expectedSha: string | null, onBytes: (n: number) => void, cap = Infinity): { stream: Transform; result: Promise<ManifestEntry> } {
  const hash = createHash('sha256');
  let size = 0;
  let resolve: (e: ManifestEntry) => void = () => undefined;
  const result = new Promise<ManifestEntry>((r) => (resolve = r));
  const stream = new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
      hash.update(chunk);
      size += chunk.length;
      if (size > cap) return cb(new AppError('too_large', 'Paketet blev för stort: för många händelser i ett paket. Skicka ändringarna i flera paket.'));
      onBytes(chunk.length);
      cb(null, chunk);
    },
    flush(cb: TransformCallback) {
      const sha256 = hash.digest('hex');
      if (expectedSha !== null && sha256 !== expectedSha) {
        return cb(new AppError('invalid_file', `Bilagan ${expectedSha.slice(0, 12)} har ändrats på disken sedan den lades till. Paketet skapades inte.`));
      }
      resolve({ name, size, sha256 });
      cb();
    },
  });
  return { stream, result };
}

async function statAttachments(list: AttachmentSource[]): Promise<(AttachmentSource & { size: number })[]> {
  const unique = new Map(list.map((a) => [a.sha256, a]));
  const out = [];
  for (const a of [...unique.values()].sort((x, y) => (x.sha256 < y.sha256 ? -1 : 1))) {
    if (!/^[0-9a-f]{64}$/.test(a.sha256)) throw new Error(`writePackage: bad attachment hash ${a.sha256}`);
    const stat = await fs.stat(a.path).catch(() => null);
    if (!stat?.isFile()) throw missingAttachment(a.sha256);
    const size = a.open ? await a.open().then((o) => ((o.stream as Readable).destroy(), o.size)) : stat.size;
    if (size > LIMITS.maxAttachmentBytes) throw new AppError('too_large', `Bilagan ${a.sha256.slice(0, 12)} är för stor för ett paket (över 200 MB).`);
    out.push({ ...a, size });
  }
  if (out.length + 4 > LIMITS.maxEntries) throw new AppError('too_large', 'För många bilagor för ett paket.');
  return out;
}

const missingAttachment = (sha: string) =>
  new AppError('not_found', `Bilagan ${sha.slice(0, 12)} finns inte längre på den här datorn. Paketet skapades inte.`);

/** `name.sbpaket`, else `name-2.sbpaket`, … : an earlier package of the same day is never replaced. */
async function freePath(dir: string, fileName: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const stem = fileName.replace(/\.sbpaket$/, '');
  for (let n = 1; ; n++) {
    const candidate = join(dir, n === 1 ? fileName : `${stem}-${n}.sbpaket`);
    if (!(await fs.stat(candidate).catch(() => null))) return candidate;
  }
}

async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const h = await fs.open(dir, 'r');
  await h.sync().finally(() => h.close());
}
