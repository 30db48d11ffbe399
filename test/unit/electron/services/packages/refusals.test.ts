import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/contract/errors';
import { readPackage } from '../../../../../electron/services/packages/read';
import { writePackage } from '../../../../../electron/services/packages/write';
import { signEvent } from '../../../../../electron/services/identity/events';
import { event, fakePdf, manyEntriesZip, FORBUND, FORBUND_NAME, keyRegistered, patchDeclaredSize, person, rawPackage, sha256, tmp, writeAttachment, type RawOptions } from './helpers';
import { makeMultiPagePdf } from '../../../../helpers/pdf-fixtures';

const chef = person('Åsa Ek-Ström');
const stranger = person('Okänd Person');
const trustChef = (fp: string) => (fp === chef.fingerprint ? chef.publicKeyPem : null);
const pdf = fakePdf('kallelse');
const attachmentName = `attachments/${sha256(pdf)}.pdf`;
const lines = [keyRegistered(chef, 1), event(chef, 'meeting.created', 2, { title: 'Möte' })];
const eventsData = (list = lines.map((e) => e.text)) => Buffer.from(`${list.join('\n')}\n`);

let dir: string;
beforeAll(() => {
  dir = tmp('sb-refuse-');
});

/** A correct package by default; each test breaks one thing. */
const build = (over: Partial<RawOptions> = {}) =>
  rawPackage(dir, {
    signer: chef,
    entries: [
      { name: 'events.jsonl', data: eventsData() },
      { name: attachmentName, data: pdf },
    ],
    ...over,
  });

/** Reads with a fresh extraction folder; asserts the refusal, its Swedish reason, and that nothing is left behind. */
async function expectRefused(path: string, reason: RegExp, opts: { trustedKeys?: typeof trustChef; expectedForbund?: string } = {}) {
  const tempDir = join(tmp('sb-extract-'), 'import');
  mkdirSync(tempDir, { recursive: true });
  const err = await readPackage(path, { trustedKeys: opts.trustedKeys ?? trustChef, expectedForbund: opts.expectedForbund ?? FORBUND, tempDir }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('invalid_file');
  expect((err as AppError).message).toMatch(/^Paketet kunde inte importeras: /);
  expect((err as AppError).message).toMatch(reason);
  expect(readdirSync(tempDir)).toEqual([]);
  return (err as AppError).message;
}

describe('a correct hand-built package', () => {
  it('is accepted (so every refusal below is caused by the one thing each test breaks)', async () => {
    const read = await readPackage(await build(), { trustedKeys: trustChef, expectedForbund: FORBUND });
    expect(read.events).toHaveLength(2);
    expect(read.attachments).toHaveLength(1);
  });
});

describe('packages are refused as a whole, with a Swedish reason', () => {
  it('an unknown sender key', async () => {
    const msg = await expectRefused(await build({ signer: stranger }), /avsändarens nyckel \(kod [0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}\) är okänd/);
    expect(msg).toContain('jämför koden per telefon');
  });

  it('another förbund', async () => {
    await expectRefused(await build({ manifest: (m) => (m.forbund = randomUUID()) }), /gäller ett annat samordningsförbund \(”Samordningsförbundet Östra Skåne”\)/);
  });

  it('a bad manifest signature', async () => {
    const flip = (sig: Buffer) => Buffer.from(sig.map((b, i) => (i === 10 ? b ^ 1 : b)));
    await expectRefused(await build({ tamperSignature: flip }), /signaturen stämmer inte\. Be avsändaren skicka paketet igen\./);
  });

  it('a manifest changed after signing', async () => {
    const tamper = (bytes: Buffer) => Buffer.from(bytes.toString().replace('"changes"', '"invitation"'));
    await expectRefused(await build({ tamperManifest: tamper }), /signaturen stämmer inte/);
  });

  it('a sender.pem that is not the key the manifest names', async () => {
    await expectRefused(await build({ senderPem: stranger.publicKeyPem }), /avsändarens nyckel \(sender\.pem\) stämmer inte med innehållsförteckningen/);
  });

  it('a manifest listing a wrong hash', async () => {
    const path = await build({ entries: [{ name: 'events.jsonl', data: eventsData(), listedAs: { sha256: 'ab'.repeat(32) } }] });
    await expectRefused(path, /kontrollsumman för ”events\.jsonl” stämmer inte/);
  });

  it('an attachment whose bytes do not match its name and hash', async () => {
    const other = fakePdf('annan');
    const path = await build({ entries: [{ name: attachmentName, data: other, listedAs: { sha256: sha256(pdf) } }] });
    await expectRefused(path, new RegExp(`kontrollsumman för ”${attachmentName}” stämmer inte`));
  });

  it('an entry that is not listed in the manifest', async () => {
    const path = await build({ entries: [{ name: 'events.jsonl', data: eventsData() }, { name: attachmentName, data: pdf, listed: false }] });
    await expectRefused(path, new RegExp(`innehåller filen ”${attachmentName}” som inte finns i innehållsförteckningen`));
    const extra = await build({ entries: [{ name: 'events.jsonl', data: eventsData() }, { name: 'readme.txt', data: Buffer.from('hej'), listed: false }] });
    await expectRefused(extra, /innehåller filen ”readme\.txt” som inte finns i innehållsförteckningen/);
  });

  it('an entry listed in the manifest but missing', async () => {
    const path = await build({
      entries: [{ name: 'events.jsonl', data: eventsData() }],
      manifest: (m) => (m.entries as unknown[]).push({ name: attachmentName, size: pdf.length, sha256: sha256(pdf) }),
    });
    await expectRefused(path, new RegExp(`”${attachmentName}” står i innehållsförteckningen men saknas i paketet`));
  });

  it('a package without manifest, signature or sender key', async () => {
    await expectRefused(await build({ omit: ['manifest.json'] }), /innehållsförteckningen \(manifest\.json\) saknas/);
    await expectRefused(await build({ omit: ['manifest.sig'] }), /signaturen \(manifest\.sig\) saknas/);
    await expectRefused(await build({ omit: ['sender.pem'] }), /avsändarens nyckel \(sender\.pem\) saknas/);
  });

  it('a newer format version', async () => {
    await expectRefused(await build({ manifest: (m) => (m.format = 3) }), /skapat av en nyare version av Styrelsebordet \(paketformat 3.*Uppdatera programmet/);
  });

  it('a manifest that does not follow the schema', async () => {
    await expectRefused(await build({ manifest: (m) => (m.kind = 'okänt') }), /manifest\.json\) följer inte paketformatet \(fältet kind\)/);
  });

  it('a truncated ZIP', async () => {
    const good = readFileSync(await build());
    for (const keep of [Math.floor(good.length / 2), good.length - 30]) {
      const path = join(dir, `cut-${keep}.sbpaket`);
      writeFileSync(path, good.subarray(0, keep));
      await expectRefused(path, /filen är skadad eller ofullständig/);
    }
  });

  it('a damaged ZIP (bytes inside an entry changed)', async () => {
    const good = readFileSync(await build({ entries: [{ name: 'events.jsonl', data: Buffer.from('x'.repeat(5000)), listed: true }] }));
    const at = good.indexOf('events.jsonl') + 'events.jsonl'.length + 5; // inside the deflate stream
    good[at] = good[at]! ^ 0xff;
    const path = join(dir, 'damaged.sbpaket');
    writeFileSync(path, good);
    await expectRefused(path, /skadad eller ofullständig|kontrollsumman|storleken/);
  });

  it('a file that is not a ZIP (a PDF, a text file, an empty file)', async () => {
    const cases: [string, Uint8Array][] = [
      ['handling.pdf', await makeMultiPagePdf(1)],
      ['anteckning.txt', Buffer.from('Det här är ingen ZIP-fil.\n')],
      ['tom.sbpaket', new Uint8Array(0)],
    ];
    for (const [name, bytes] of cases) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      await expectRefused(path, /inte ett Styrelsebordet-paket \(den är inte en ZIP-fil\)/);
    }
  });

  it.each([
    ['../evil.txt', 'ZZZevil.txt', /otillåtet filnamn \(”\.\.\/evil\.txt”: sökväg som pekar utanför paketet/],
    ['/abs.txt', 'Zabs.txt', /otillåtet filnamn \(”\/abs\.txt”: absolut sökväg/],
    ['C:/win.txt', 'ZZ/win.txt', /otillåtet filnamn \(”C:\/win\.txt”: absolut sökväg/],
    ['a\\b.txt', 'aZb.txt', /otillåtet filnamn \(”a\\b\.txt”: bakstreck/],
    ['attachments/../../x', 'attachments/ZZ/ZZ/x', /otillåtet filnamn .*sökväg som pekar utanför/],
  ])('an entry named %s', async (name, placeholder, reason) => {
    const path = await build({ entries: [{ name: 'events.jsonl', data: eventsData() }, { name: placeholder, data: Buffer.from('ond'), listed: false }], renames: [[placeholder, name]] });
    await expectRefused(path, reason);
  });

  it('a symbolic link entry', async () => {
    const path = await build({ entries: [{ name: 'events.jsonl', data: eventsData() }, { name: 'link', data: Buffer.from('/etc/passwd'), mode: 0o120777, listed: false }] });
    await expectRefused(path, /”link” i paketet är en länk, inte en vanlig fil/);
  });

  it('the same name twice', async () => {
    const path = await build({
      entries: [
        { name: 'events.jsonl', data: eventsData() },
        { name: 'eventsXjsonl', data: eventsData(), listed: false },
      ],
      renames: [['eventsXjsonl', 'events.jsonl']],
    });
    await expectRefused(path, /filen ”events\.jsonl” finns två gånger i paketet/);
  });

  it('an event line that fails the schema', async () => {
    const bad = signEvent(chef, { ...lines[1]!.body, lamport: 3 });
    const broken = { body: bad.line.body.replace('"lamport":3', '"lamport":-3'), sig: bad.line.sig };
    await expectRefused(await build({ entries: [{ name: 'events.jsonl', data: eventsData([lines[0]!.text, JSON.stringify(broken)]) }] }), /händelse nr 2 i paketet är felaktig: händelsen följer inte händelseformatet \(fältet lamport\)/);
    await expectRefused(await build({ entries: [{ name: 'events.jsonl', data: eventsData(['{"body": 1}']) }] }), /händelse nr 1 i paketet är felaktig: raden har inte formen/);
    await expectRefused(await build({ entries: [{ name: 'events.jsonl', data: eventsData(['inte json']) }] }), /händelse nr 1 i paketet är felaktig: raden är inte giltig JSON/);
    await expectRefused(await build({ entries: [{ name: 'events.jsonl', data: Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]) }] }), /rad 1 i events\.jsonl är inte giltig UTF-8/);
  });

  it('an event of another förbund', async () => {
    const foreign = event(chef, 'meeting.created', 4, {}, randomUUID());
    await expectRefused(await build({ entries: [{ name: 'events.jsonl', data: eventsData([lines[0]!.text, foreign.text]) }] }), /händelse nr 2 i paketet hör till ett annat samordningsförbund/);
  });

  it('an event whose signature is wrong', async () => {
    // Signed by the stranger, but claiming to be the chef's key.
    const forged = signEvent(stranger, { ...lines[1]!.body, key: stranger.fingerprint, lamport: 7 });
    const claimed = { body: forged.line.body.replace(stranger.fingerprint, chef.fingerprint), sig: forged.line.sig };
    await expectRefused(await build({ entries: [{ name: 'events.jsonl', data: eventsData([lines[0]!.text, JSON.stringify(claimed)]) }] }), /händelse nr 2 har en ogiltig signatur/);
  });

  it('an event signed by a key that is neither known nor registered in the package', async () => {
    const foreign = event(stranger, 'meeting.created', 4);
    await expectRefused(await build({ entries: [{ name: 'events.jsonl', data: eventsData([lines[0]!.text, foreign.text]) }] }), /händelse nr 2 är signerad med en okänd nyckel \(kod /);
  });

  it('a key.registered that registers a different key than the one that signed it', async () => {
    const fake = event(stranger, 'key.registered', 2, { publicKeyPem: chef.publicKeyPem });
    await expectRefused(await build({ entries: [{ name: 'events.jsonl', data: eventsData([fake.text]) }] }), /händelse nr 1 är signerad med en okänd nyckel/);
  });
});

describe('ZIP bombs are refused while streaming', () => {
  const GB = 1024 * 1024 * 1024;
  const zeros = (total: number) =>
    Readable.from(
      (function* () {
        const chunk = Buffer.alloc(1024 * 1024);
        for (let sent = 0; sent < total; sent += chunk.length) yield chunk;
      })(),
    );
  let bomb: string;
  beforeAll(async () => {
    // 1 GB of zeros deflates to about 1 MB; built from a stream, never held in memory.
    bomb = await rawPackage(dir, {
      signer: chef,
      entries: [{ name: attachmentName, stream: zeros(GB), compressionLevel: 9, listedAs: { size: 200 * 1024 * 1024, sha256: sha256(pdf) } }],
    });
    expect(statSync(bomb).size).toBeLessThan(2 * 1024 * 1024);
  });

  it('by its declared size, before inflating anything', async () => {
    const t0 = performance.now();
    await expectRefused(bomb, /filen ”attachments\/[0-9a-f]{64}\.pdf” är för stor \(1024 MB, högst 200 MB\)/);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('when the ZIP lies about the size: by counting inflated bytes, quickly and with little memory', async () => {
    patchDeclaredSize(bomb, attachmentName, 200 * 1024 * 1024); // now it claims exactly what the manifest says
    const rss = process.memoryUsage().rss;
    const t0 = performance.now();
    await expectRefused(bomb, /packas upp till orimligt mycket data \(möjlig zip-bomb\)/);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 1024 * 1024);
  });

  it('too many entries', async () => {
    const path = join(dir, 'many.sbpaket');
    manyEntriesZip(path, 20_001);
    await expectRefused(path, /för många filer \(20001, högst 20000\)/);
  });
});

describe('an import that fails midway', () => {
  it('removes what it had already extracted', async () => {
    // A valid attachment first, then a broken one: the first was extracted before the refusal.
    const good = writeAttachment(join(dir, 'src'), fakePdf('bra'));
    const written = await writePackage({
      outDir: join(dir, 'out'),
      identity: chef,
      forbund: { id: FORBUND, name: FORBUND_NAME },
      sender: { person: chef.person, name: chef.name },
      recipients: [],
      kind: 'changes',
      eventLines: lines.map((l) => l.text),
      attachments: [good],
      acks: {},
    });
    const bytes = readFileSync(written.path);
    const at = bytes.indexOf('%PDF-1.7\n% bra');
    bytes[at + 5000] = bytes[at + 5000]! ^ 0xff; // stored entry: flips one byte of the attachment
    writeFileSync(written.path, bytes);
    await expectRefused(written.path, /kontrollsumman för ”attachments\/.*” stämmer inte/);
  });
});
