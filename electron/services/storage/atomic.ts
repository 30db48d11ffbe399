import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that a reader (or a crash) sees either the old content or
 * the new, never a mix: write a temp file in the same folder, fsync it,
 * rename it over the target, then fsync the folder so the rename survives a
 * power cut. Every file write in the data folder goes through here.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  await writeFileAtomicWith(path, (handle) => handle.writeFile(data));
}

/**
 * As writeFileAtomic, with the content written piece by piece by `fill` (the sealed-file layer encrypts chunk by chunk).
 * `durable: false` skips the two fsyncs, for scratch files that are removed or made durable later (a package's
 * extracted documents during a preview: 1 400 fsyncs were a third of a ten-year invitation's reading).
 */
export async function writeFileAtomicWith(path: string, fill: (handle: fs.FileHandle) => Promise<void>, opts: { durable?: boolean } = {}): Promise<void> {
  const durable = opts.durable ?? true;
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'wx', 0o600);
  try {
    await fill(handle);
    if (durable) await handle.sync();
  } catch (err) {
    await handle.close();
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await fs.rename(tmp, path);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  if (durable) await syncDir(dir);
}

/** fsync a folder; not supported on Windows, where rename is already durable enough. */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes temp files left by a write that was killed midway. */
export async function removeStaleTempFiles(dir: string): Promise<number> {
  let removed = 0;
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    if (name.startsWith('.') && name.endsWith('.tmp')) {
      await fs.rm(join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}
