import { promises as fs } from 'node:fs';
import { sep } from 'node:path';
import { contentTypeFor, resolveStaticPath } from '../security/static-files';

/**
 * Reads one of the built renderer's files for the browser host, or null.
 * The path guard is the same one the app:// protocol uses; on top, links
 * inside the build folder that point out of it are refused.
 */
export async function readStatic(root: string, urlPath: string): Promise<{ body: Buffer; type: string } | null> {
  const path = resolveStaticPath(urlPath, root);
  if (!path) return null;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) return null;
    const [real, realRoot] = await Promise.all([fs.realpath(path), fs.realpath(root)]);
    if (!real.startsWith(realRoot + sep)) return null;
    return { body: await fs.readFile(real), type: contentTypeFor(real) };
  } catch {
    return null;
  }
}
