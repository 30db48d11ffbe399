import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { AppError, type Envelope } from '../../shared/contract';
import { isSafeFileName } from '../../shared/domain/safe-text';
import { MAX_UPLOAD_BYTES } from '../services/packages/incoming';
import type { PackageFiles } from '../services/packages/package-files';

/**
 * The browser host's package routes (issue #16: packages by path, not by
 * bytes). The contract never carries a package:
 * - `POST /upload/package?name=<file name>`: the chosen file as the raw body
 *   (application/octet-stream, bearer token, own origin, as every call). A
 *   Content-Length over the cap is refused before a byte is read; a body that
 *   grows past it is cut off mid-stream; either way nothing is left on disk.
 *   The file is sealed as it arrives (sealed-upload.ts). Answers an envelope
 *   with the id `packages.preview` takes.
 * - `GET /download/package/<file name>`: an exported package from the outgoing
 *   folders, by the name the export answered (no folders, no links).
 */
export const UPLOAD_PATH = '/upload/package';
export const DOWNLOAD_PREFIX = '/download/package/';

type SendEnvelope = (res: ServerResponse, envelope: Envelope<unknown>) => void;
type Send = (res: ServerResponse, status: number, type: string, body: string | Buffer, extra?: Record<string, string>) => void;

export async function servePackageUpload(req: IncomingMessage, res: ServerResponse, url: URL, files: PackageFiles, sendEnvelope: SendEnvelope): Promise<void> {
  const fail = (err: AppError) => {
    // The rest of a refused body is never read: the connection closes.
    if (!req.complete) res.setHeader('Connection', 'close');
    sendEnvelope(res, { ok: false, error: { code: err.code, message: err.message } });
    if (!req.complete) req.pause();
  };
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/octet-stream') return fail(new AppError('bad_request', 'Filen ska skickas som application/octet-stream.'));
  const name = url.searchParams.get('name') ?? '';
  if (!isSafeFileName(name) || name.length > 255) return fail(new AppError('bad_request', 'Filnamnet avvisades. Byt namn på filen och försök igen.'));
  const header = req.headers['content-length'];
  const announced = header === undefined ? null : Number(header);
  if (announced !== null && !Number.isSafeInteger(announced)) return fail(new AppError('bad_request', 'Begäran hade fel format och avvisades.'));
  if (announced !== null && announced > MAX_UPLOAD_BYTES) return fail(new AppError('too_large', `Filen är för stor för att importeras (högst ${MAX_UPLOAD_BYTES / 1024 / 1024 / 1024} GB). Kontrollera att du valt rätt fil.`));
  try {
    sendEnvelope(res, { ok: true, value: await files.receive(req, name, announced) });
  } catch (err) {
    if (err instanceof AppError) return fail(err);
    throw err;
  }
}

export async function servePackageDownload(res: ServerResponse, url: URL, files: PackageFiles, send: Send): Promise<void> {
  let name: string;
  try {
    name = decodeURIComponent(url.pathname.slice(DOWNLOAD_PREFIX.length));
  } catch {
    return send(res, 400, 'text/plain; charset=utf-8', 'Fel filnamn');
  }
  if (!isSafeFileName(name) || !name.endsWith('.sbpaket')) return send(res, 404, 'text/plain; charset=utf-8', 'Finns inte');
  let opened: Awaited<ReturnType<PackageFiles['openOutgoing']>>;
  try {
    opened = await files.openOutgoing(name);
  } catch (err) {
    if (err instanceof AppError && err.code === 'locked') return send(res, 423, 'text/plain; charset=utf-8', err.message);
    throw err;
  }
  if (!opened) return send(res, 404, 'text/plain; charset=utf-8', 'Paketet finns inte längre. Skapa det igen.');
  res.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': String(opened.size),
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  });
  await pipeline(opened.stream, res);
}
