/**
 * Package export/import benchmark: 10 000 signed events and 200 MB of
 * attachments; each result is a ratio to a plain copy of the same bytes made
 * in the same run. Peak memory of the import is measured in a child process
 * (its own max RSS), so the parent's setup does not count.
 *
 * Run alone: `npx tsx bench/packages.bench.ts`
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs, mkdtempSync, writeFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signEvent } from '../electron/services/identity/events';
import { generateEphemeralIdentity } from '../electron/services/identity/keys';
import { readPackage } from '../electron/services/packages/read';
import { writePackage } from '../electron/services/packages/write';

const EVENTS = 10_000;
const FILES = 200;
const FILE_BYTES = 1024 * 1024;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

export async function packagesBench(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'sb-bench-pkg-'));
  try {
    const forbund = randomUUID();
    const chef = generateEphemeralIdentity({ person: randomUUID(), deviceName: 'bench' });
    const lines: string[] = [];
    for (let i = 1; i <= EVENTS; i++) {
      lines.push(
        signEvent(chef, {
          v: 1, forbund, author: chef.person, key: chef.fingerprint, lamport: i, at: new Date().toISOString(),
          type: 'agenda.item.added', payload: { rubrik: `Ärende ${i}: uppföljning av insatser för unga vuxna`, text: 'x'.repeat(200) }, prev: [],
        }).text,
      );
    }
    // Random bytes: PDFs are mostly compressed streams, so this is close to real attachments.
    const src = join(root, 'src');
    await fs.mkdir(src);
    const attachments: { sha256: string; path: string }[] = [];
    for (let i = 0; i < FILES; i++) {
      const bytes = randomBytes(FILE_BYTES);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const path = join(src, `${sha256}.pdf`);
      writeFileSync(path, bytes);
      attachments.push({ sha256, path });
    }
    const eventsPath = join(src, 'events.jsonl');
    writeFileSync(eventsPath, `${lines.join('\n')}\n`);
    const totalBytes = FILES * FILE_BYTES + (await fs.stat(eventsPath)).size;
    const mb = totalBytes / 1024 / 1024;

    // Baselines: a plain streamed copy of the same files, each fsynced like the package and the
    // extracted attachments are; and the kernel's copyFile (no user-space pass at all) for reference.
    const sources = [eventsPath, ...attachments.map((a) => a.path)];
    const copy = await timed(async () => {
      const dst = await fs.mkdtemp(join(root, 'copy-'));
      for (const [i, s] of sources.entries()) await pipeline(createReadStream(s), createWriteStream(join(dst, String(i)), { flush: true }));
    });
    const kernelCopy = await timed(async () => {
      const dst = await fs.mkdtemp(join(root, 'kcopy-'));
      for (const [i, s] of sources.entries()) await fs.copyFile(s, join(dst, String(i)));
    });

    const exp = await timed(() =>
      writePackage({
        outDir: join(root, 'out'), identity: chef, forbund: { id: forbund, name: 'Bench' }, sender: { person: chef.person, name: 'Bench' },
        recipients: [], kind: 'changes', eventLines: lines, attachments, acks: {},
      }),
    );

    const trusted = join(root, 'trusted.pem');
    writeFileSync(trusted, chef.publicKeyPem);
    const child = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--import-child', exp.value.path, trusted, join(root, 'extract')], {
      encoding: 'utf8',
    });
    const { ms: importMs, maxRssMb, events } = JSON.parse(child.trim().split('\n').at(-1)!) as { ms: number; maxRssMb: number; events: number };

    const row = (name: string, ms: number) =>
      console.log(`${name.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms  ${(EVENTS / (ms / 1000)).toFixed(0).padStart(7)} events/s  ${(mb / (ms / 1000)).toFixed(0).padStart(5)} MB/s  ratio ${(ms / copy.ms).toFixed(2)}× plain copy`);
    console.log(`packages: ${EVENTS} events, ${FILES} × 1 MB attachments (${mb.toFixed(0)} MB); package ${(exp.value.counts.packageBytes / 1024 / 1024).toFixed(0)} MB`);
    row('plain copy, streamed + fsync (baseline)', copy.ms);
    row('kernel copyFile, no fsync (reference)', kernelCopy.ms);
    row('export (writePackage)', exp.ms);
    row('import (readPackage, verify + extract)', importMs);
    console.log(`import peak memory (child max RSS): ${maxRssMb.toFixed(0)} MB for a ${mb.toFixed(0)} MB package; events verified: ${events}`);
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

async function importChild(path: string, pemPath: string, tempDir: string): Promise<void> {
  const pem = await fs.readFile(pemPath, 'utf8');
  const t0 = performance.now();
  const read = await readPackage(path, { trustedKeys: () => pem, tempDir });
  const ms = performance.now() - t0;
  await read.dispose();
  console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, events: read.events.length }));
}

const argv = process.argv;
if (argv[2] === '--import-child') await importChild(argv[3]!, argv[4]!, argv[5]!);
else if (import.meta.url === `file://${argv[1]}`) await packagesBench();
