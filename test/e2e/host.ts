import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface StartedHost {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts `npm run web -- --data <folder>` exactly as a person would and reads
 * the address from its first stdout line (a contract others rely on).
 */
export async function startWebHost(dataDir = mkdtempSync(join(tmpdir(), 'sb-e2e-'))): Promise<StartedHost> {
  const child: ChildProcess = spawn('npm', ['run', 'web', '--', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so stop() ends npm and the host together
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const firstLine = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in time:\n${stderr}`)), 60_000);
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${stderr}`));
    });
  });
  const url = new URL(firstLine);
  return {
    url: firstLine,
    origin: url.origin,
    token: url.searchParams.get('token') ?? '',
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        process.kill(-child.pid!, 'SIGTERM');
      }),
  };
}
