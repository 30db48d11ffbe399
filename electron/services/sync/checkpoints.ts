import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { RoundSnapshot } from '../../../shared/domain/events/round-snapshot';
import { plainFiles, type SealedFiles } from '../storage/sealed-file';

/**
 * Checkpoints of the materialised state (issue #16): the state and the fold
 * round behind it, covering the first `covered` events of the event store in
 * the order the store learnt them. One file, `checkpoints/state.json`, always
 * replaced atomically. A checkpoint is used only if its format and fold
 * version are this build's, it names the same genesis, and the digest of the
 * ids it covers matches the store; otherwise it is ignored and the log is
 * folded again (a stale or foreign checkpoint can cost time, never change
 * what the screens show).
 *
 * All file access goes through `CheckpointIO`, so the sealed storage layer of
 * issue #14 can replace plain files by swapping this one object.
 */
export const CHECKPOINT_FORMAT = 1;
/** Bump whenever fold(), a reducer or an authority rule changes what a log folds to. */
export const FOLD_VERSION = '2026-12-06.3-history-without-copies';

export interface CheckpointIO {
  read(path: string): Promise<string | null>;
  /** The checkpoint's JSON as UTF-8 pieces (never one string of it: at ten years it is 25 MB). */
  write(path: string, pieces: readonly Uint8Array[]): Promise<void>;
}

export const plainCheckpointIO: CheckpointIO = {
  read: (path) => fs.readFile(path, 'utf8').catch(() => null),
  write: async (path, pieces) => {
    await fs.mkdir(join(path, '..'), { recursive: true });
    await plainFiles.writePieces(path, pieces);
  },
};

/** Through the sealed-file layer (issue #14): sealed with the data key once a PIN is set; `checkpoints/` is in SEALED_PATHS. */
export function sealedCheckpointIO(files: SealedFiles): CheckpointIO {
  return {
    read: (path) => files.readTextIfExists(path).catch(() => null),
    write: async (path, pieces) => {
      await fs.mkdir(join(path, '..'), { recursive: true });
      await files.writePieces(path, pieces);
    },
  };
}

export interface Checkpoint {
  format: number;
  foldVersion: string;
  genesisId: string;
  /** How many events of the store (by seq) it covers. */
  covered: number;
  digest: string;
  /** The id of the last covered event in the shared order. */
  last: string | null;
  round: RoundSnapshot;
}

/** First 32 hex digits of SHA-256 over the ids, each followed by a newline. */
export function idsDigest(ids: Iterable<string>): string {
  const h = createHash('sha256');
  for (const id of ids) h.update(`${id}\n`);
  return h.digest('hex').slice(0, 32);
}

export function checkpointPath(dataDir: string): string {
  return join(dataDir, 'checkpoints', 'state.json');
}

export async function readCheckpoint(io: CheckpointIO, path: string, expect: { genesisId: string; storeIds: readonly string[] }): Promise<Checkpoint | null> {
  const text = await io.read(path);
  if (text === null) return null;
  try {
    const c = JSON.parse(text) as Partial<Checkpoint>;
    if (c.format !== CHECKPOINT_FORMAT || c.foldVersion !== FOLD_VERSION || c.genesisId !== expect.genesisId) return null;
    if (typeof c.covered !== 'number' || !Number.isInteger(c.covered) || c.covered < 1 || c.covered > expect.storeIds.length) return null;
    if (c.digest !== idsDigest(expect.storeIds.slice(0, c.covered))) return null;
    if (!c.round || typeof c.round !== 'object' || !c.round.state || !Array.isArray(c.round.tracks)) return null;
    return c as Checkpoint;
  } catch {
    return null;
  }
}
