import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { inspectPackage } from '../../../../../electron/services/packages/inspect';
import { readPackage } from '../../../../../electron/services/packages/read';
import { generateEphemeralDecryptor } from '../../../../../electron/services/identity/encryption-key';
import { event, fakePdf, keyRegistered, person, sha256, tmp, writeAttachment, writeChanges } from './helpers';

/** Format 2 against the reader itself (the service-level journeys are in test/unit/sync/encrypted-packages.test.ts). */
const chef = person('Åsa Ek-Ström');
const olle = person('Olle Ström');
const lena = person('Lena Åberg');
const chefKey = generateEphemeralDecryptor(chef.fingerprint);
const olleKey = generateEphemeralDecryptor(olle.fingerprint);
const lenaKey = generateEphemeralDecryptor(lena.fingerprint);
const trusted = (fp: string) => (fp === chef.fingerprint ? chef.publicKeyPem : null);
const MARKER = 'SEKRETESS-MARKOR-91';

const events = [keyRegistered(chef, 1), event(chef, 'meeting.created', 2, { title: `Styrelsemöte ${MARKER}`, place: 'Ystad' })];
const pdf = fakePdf(`ansökan ${MARKER}`, 200_000);

async function write(dir: string) {
  const file = writeAttachment(join(dir, 'src'), pdf);
  return writeChanges(join(dir, 'out'), chef, olle, events, {
    attachments: [file],
    encryptTo: [chefKey, olleKey].map((k) => ({ fingerprint: k.fingerprint, x25519: k.x25519 })),
  });
}

async function entriesOf(path: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true });
  const out = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer);
    out.set(entry.fileName, Buffer.concat(chunks));
  }
  zip.close();
  return out;
}

describe('format 2: encrypted to the recipients', () => {
  it('opens for the recipient and the sender, and gives back the same events and bytes', async () => {
    const dir = tmp();
    const written = await write(dir);
    expect(written.manifest.format).toBe(2);
    for (const key of [olleKey, chefKey]) {
      const read = await readPackage(written.path, { trustedKeys: trusted, decryptor: key, tempDir: join(dir, 'in') });
      expect(read.events.map((e) => e.line)).toEqual(events.map((e) => e.line));
      expect(read.attachments.map((a) => a.sha256)).toEqual([sha256(pdf)]);
      expect(readFileSync(read.attachments[0]!.path!).equals(pdf)).toBe(true);
      await read.dispose();
    }
  });

  it('is refused on a device it holds no key for, before anything is extracted', async () => {
    const dir = tmp();
    const written = await write(dir);
    for (const decryptor of [lenaKey, null]) {
      await expect(readPackage(written.path, { trustedKeys: trusted, decryptor, tempDir: join(dir, 'in') })).rejects.toThrow(/^Paketet är inte till dig. Det är krypterat till Olle Ström/);
    }
  });

  it('is unreadable with unzip: no marker, no PDF bytes, no event line', async () => {
    const dir = tmp();
    const written = await write(dir);
    const file = readFileSync(written.path);
    for (const [name, bytes] of [['file', file], ...(await entriesOf(written.path))] as [string, Buffer][]) {
      expect(bytes.includes(Buffer.from(MARKER)), name).toBe(false);
      expect(bytes.includes(pdf.subarray(1000, 1064)), name).toBe(false);
      expect(bytes.includes(Buffer.from('"body"')), name).toBe(false);
    }
  });

  it('a copy of the content key that does not open is a damaged package', async () => {
    const dir = tmp();
    const written = await write(dir);
    // A key wrapped for Olle's fingerprint but not with his X25519 key: Lena's key claiming to be his.
    const impostor = { ...lenaKey, fingerprint: olle.fingerprint, unwrap: lenaKey.unwrap };
    await expect(readPackage(written.path, { trustedKeys: trusted, decryptor: impostor })).rejects.toThrow(/nyckeln till paketets innehåll kan inte öppnas/);
  });

  it('manifest.sig still verifies with OpenSSL, and inspect reports the package without opening it', async (ctx) => {
    const dir = tmp();
    const written = await write(dir);
    const report = await inspectPackage(written.path);
    expect(report.ok).toBe(true);
    expect(report.lines.join('\n')).toContain('paketformat 2');
    expect(report.lines.join('\n')).toContain('krypterat');
    if (spawnSync('openssl', ['version']).status !== 0) {
      console.log('skipped the OpenSSL part: openssl is not installed');
      ctx.skip();
    }
    const out = join(dir, 'x');
    mkdirSync(out);
    for (const [name, bytes] of await entriesOf(written.path)) if (!name.includes('/')) writeFileSync(join(out, name), bytes);
    const cmd = ['pkeyutl', '-verify', '-pubin', '-inkey', 'sender.pem', '-rawin', '-in', 'manifest.json', '-sigfile', 'manifest.sig'];
    const ok = spawnSync('openssl', cmd, { cwd: out, encoding: 'utf8' });
    expect(ok.stdout).toContain('Signature Verified Successfully');
    expect(spawnSync('sha256sum', ['events.jsonl'], { cwd: out, encoding: 'utf8' }).stdout.slice(0, 64)).toBe(written.manifest.entries.find((e) => e.name === 'events.jsonl')!.sha256);
  });
});
