import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseJsonOrNull } from './json';

/** Days an exported package is kept in packages/out (it was sent; the log holds its content). */
export const DEFAULT_OUTGOING_DAYS = 30;

const Settings = z.object({ outgoingPackagesDays: z.number().int().min(1).max(3650).optional() });

/**
 * The retention time from `settings.json` in the data folder
 * (`{"outgoingPackagesDays": 30}`), else the default. A damaged or
 * out-of-range setting falls back to the default rather than deleting more.
 */
export async function outgoingRetentionDays(dataDir: string): Promise<number> {
  const text = await fs.readFile(join(dataDir, 'settings.json'), 'utf8').catch(() => null);
  const parsed = Settings.safeParse(text === null ? {} : parseJsonOrNull(text));
  return (parsed.success ? parsed.data.outgoingPackagesDays : undefined) ?? DEFAULT_OUTGOING_DAYS;
}

/**
 * Removes exported packages (and invitations) older than `days`: every one
 * carries confidential documents, and invitations the whole log. Only
 * `.sbpaket` files directly in packages/out and packages/out/inbjudningar.
 */
export async function pruneOutgoingPackages(dataDir: string, days: number, now = Date.now()): Promise<number> {
  const cutoff = now - days * 86_400_000;
  let removed = 0;
  for (const dir of [join(dataDir, 'packages', 'out'), join(dataDir, 'packages', 'out', 'inbjudningar')]) {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.endsWith('.sbpaket')) continue;
      const path = join(dir, entry.name);
      const stat = await fs.stat(path);
      if (stat.mtimeMs < cutoff) {
        await fs.rm(path, { force: true });
        removed++;
      }
    }
  }
  return removed;
}
