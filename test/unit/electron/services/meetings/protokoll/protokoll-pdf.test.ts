// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { protokollBytes, protokollHash, type ProtokollDocument } from '../../../../../../shared/domain/meetings/protokoll-document';
import type { SignedEventLine } from '../../../../../../shared/domain/log/signed-event';
import { renderCoverSheet } from '../../../../../../electron/services/documents/cover-sheet';
import { openPdf } from '../../../../../../electron/services/pdf/pdfjs-node';
import { checkAttestations } from '../../../../../../electron/services/meetings/protokoll/protokoll-attestations';
import { EXPORT_FORMAT, protokollDefinition, protokollFiles, renderSignedProtokoll, type ExportFacts } from '../../../../../../electron/services/meetings/protokoll/protokoll-pdf';
import { renderPdf } from '../../../../../../electron/services/pdf/render';
import { verifyProtokollPdf } from '../../../../../../electron/services/meetings/protokoll/verify-protokoll';
import { finalFromPosting } from '../../../../../../shared/domain/meetings/anslag';
import { attest, id, makePoster, makeSigners, postedAnslag, protokoll, signerInfo, type Signer } from './fixtures';
import { makePki, sealed, type TestPki } from './pki-fixtures';
import { removeEmbedded, replaceEmbedded } from './tamper';

function hasTool(tool: string): boolean {
  const found = spawnSync('which', [tool]).status === 0;
  if (!found) console.info(`Skipping the ${tool} checks: ${tool} is not installed (it comes with poppler-utils or qpdf).`);
  return found;
}
const run = (tool: string, ...args: string[]): string => {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
};
const cli = (...args: string[]) => spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], { encoding: 'utf8' });

const EXPORTED = new Date('2026-03-18T07:45:00Z');
const dir = mkdtempSync(join(tmpdir(), 'sb-protokoll-'));
const write = (name: string, bytes: Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

let doc: ProtokollDocument;
let signers: Signer[];
/** The förbundschef, who records the anslag. */
let poster: Signer;
let anslag: ReturnType<typeof postedAnslag>;
let lines: SignedEventLine[];
let pdf: Uint8Array;
let path: string;
let pki: TestPki;

/** The exported protokoll: rendered, then signed (PAdES) by the chair. */
const render = async (over: Partial<Parameters<typeof renderSignedProtokoll>[0]> = {}) =>
  sealed(pki, await renderSignedProtokoll({ document: doc, attestations: lines, signers: signerInfo([...signers, poster]), anslag, variant: 'signed', exportedAt: EXPORTED, caFingerprint: pki.ca.fingerprint, ...over }));
const verifyPinned = (bytes: Uint8Array) => verifyProtokollPdf(bytes, { caFingerprint: pki.ca.fingerprint });

beforeAll(async () => {
  doc = protokoll();
  signers = makeSigners();
  poster = makePoster();
  pki = await makePki(doc, [...signers, poster]);
  anslag = postedAnslag(poster, doc);
  lines = [attest(signers[0]!, doc, '2026-03-16T13:05:00Z'), attest(signers[1]!, doc, '2026-03-17T08:30:00Z')];
  pdf = await render();
  path = write('protokoll.pdf', pdf);
});

async function attachments(bytes: Uint8Array): Promise<Record<string, Uint8Array>> {
  const task = await openPdf(bytes);
  try {
    const found = ((await (await task.promise).getAttachments()) ?? {}) as Record<string, { filename: string; content: Uint8Array }>;
    return Object.fromEntries(Object.values(found).map((a) => [a.filename, a.content]));
  } finally {
    await task.destroy();
  }
}

describe('signed protokoll PDF', () => {
  it('verifies, naming the chair and the justerare with time and key', async () => {
    const result = await verifyPinned(pdf);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.sha256).toBe(protokollHash(doc));
    expect(result.signers).toEqual([
      { name: 'Åsa Öberg', role: 'Ordförande', time: '2026-03-16 14.05', fingerprint: signers[0]!.identity.fingerprint },
      { name: 'Lena Åberg', role: 'Justerare', time: '2026-03-17 09.30', fingerprint: signers[1]!.identity.fingerprint },
    ]);
  });

  it('embeds exactly the signed bytes, the attestation lines and the keys', async () => {
    const files = await attachments(pdf);
    expect(Object.keys(files).sort()).toEqual(['export.json', 'nycklar.json', 'protokoll.json', 'signaturer.jsonl']);
    expect(Buffer.from(files['protokoll.json']!).equals(Buffer.from(protokollBytes(doc)))).toBe(true);
    expect(new TextDecoder().decode(files['signaturer.jsonl']).trim().split('\n').map((l) => JSON.parse(l) as SignedEventLine)).toEqual(lines);
    const keys = JSON.parse(new TextDecoder().decode(files['nycklar.json'])) as Record<string, { name: string; publicKeyPem: string }>;
    expect(keys[signers[0]!.identity.fingerprint]).toMatchObject({ name: 'Åsa Öberg', publicKeyPem: signers[0]!.identity.publicKeyPem });
  });

  it('is PDF/A-3b with metadata in Swedish and no encryption', async () => {
    const loaded = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(loaded.getTitle()).toBe('Protokoll Styrelsen 2026-03-14');
    expect(loaded.getAuthor()).toBe('Samordningsförbundet Östra Skaraborg');
    expect(loaded.getSubject()).toContain('§§ 12–19');
    expect(loaded.getKeywords()).toContain(protokollHash(doc));
    expect(loaded.getCreationDate()?.toISOString()).toBe(EXPORTED.toISOString());
    expect(loaded.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('sv-SE');
    expect(loaded.isEncrypted).toBe(false);
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(raw).toMatch(/\/AFRelationship \/Source/);
  });

  it.skipIf(!hasTool('qpdf'))('passes qpdf --check', () => {
    expect(run('qpdf', '--check', path)).toContain('No syntax or stream encoding errors');
  });

  it.skipIf(!hasTool('pdffonts'))('embeds every font', () => {
    const rows = run('pdffonts', path).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.trim().split(/\s+/).at(-5), row).toBe('yes');
  });

  it.skipIf(!hasTool('pdftotext'))('gives the decisions with å ä ö and § intact', () => {
    const text = run('pdftotext', '-enc', 'UTF-8', path, '-').replace(/\s+/g, ' ');
    expect(text).toContain('SAMMANTRÄDESPROTOKOLL');
    expect(text).toContain('§ 14 Ansökan om medel till insatsen Öppna vägar för unga');
    expect(text).toContain('Styrelsen beslutar att bevilja 450 000 kr till insatsen Öppna vägar för unga');
    expect(text).toContain('Per Ek (vice ordförande) anmäler jäv och deltar inte i handläggningen. Göran Näslund tjänstgör i hans ställe.');
    expect(text).toContain('Olle Ström reserverar sig mot beslutet till förmån för eget yrkande.');
    expect(text).toContain('tjänstgörande ersättare för Karin Ödman');
    expect(text).toContain('Datum då anslaget tas ned 2026-04-09');
    expect(text).toContain('Elektroniskt justerad 2026-03-16');
    expect(text).toMatch(/Justerandes signatur ÅÖ LÅ/);
    expect(text).toMatch(/1 \(\d\)/);
  });
});

describe('verify refuses a changed protokoll', () => {
  const problemsOf = async (bytes: Uint8Array) => {
    const r = await verifyPinned(bytes);
    expect(r.ok).toBe(false);
    return r.problems.join('\n');
  };

  it('when protokoll.json is changed and embedded again', async () => {
    const changed = structuredClone(doc);
    changed.paragraphs[2]!.decision.amountKr = 550000;
    const problems = await problemsOf(await replaceEmbedded(pdf, 'protokoll.json', protokollBytes(changed)));
    expect(problems).toMatch(/Signaturen från Åsa Öberg gäller ett protokoll med SHA-256 [0-9a-f]{16}…, men det inbäddade protokollet har SHA-256/);
    expect(problems).toContain('Den synliga texten stämmer inte');
  });

  it('when signaturer.jsonl is changed', async () => {
    const forged = lines.map((l, i) => (i === 1 ? { ...l, body: l.body.replace('2026-03-17T08:30:00', '2026-03-17T07:30:00') } : l));
    const jsonl = forged.map((l) => `${JSON.stringify(l)}\n`).join('');
    const problems = await problemsOf(await replaceEmbedded(pdf, 'signaturer.jsonl', new TextEncoder().encode(jsonl)));
    expect(problems).toContain('Signaturen från Lena Åberg håller inte');
    expect(problems).toContain('Justeraren Lena Åberg har inte justerat protokollet');
  });

  it('when nycklar.json gives another key, or a file is missing', async () => {
    const other = makeSigners();
    const keys = signerInfo([...signers, poster]);
    keys[signers[0]!.identity.fingerprint]!.publicKeyPem = other[0]!.identity.publicKeyPem;
    const problems = await problemsOf(await replaceEmbedded(pdf, 'nycklar.json', new TextEncoder().encode(JSON.stringify(keys))));
    expect(problems).toContain('nyckeln i nycklar.json har inte fingeravtrycket');
    expect(await problemsOf(await removeEmbedded(pdf, 'signaturer.jsonl'))).toContain('Den bifogade filen signaturer.jsonl saknas');
  });

  it('when a visible word of a § is changed but the embedded files are the originals', async () => {
    const tampered = structuredClone(doc);
    tampered.paragraphs[2]!.decision.text = tampered.paragraphs[2]!.decision.text.replace('450 000 kr', '550 000 kr');
    const hash = protokollHash(doc);
    const facts: ExportFacts = { format: EXPORT_FORMAT, variant: 'signed', anslag, exportedAt: EXPORTED.toISOString(), sha256: hash, caFingerprint: pki.ca.fingerprint };
    const report = checkAttestations(doc, hash, lines, signerInfo(signers));
    // Even signed by an insider with a certificate of the förbund's CA, the changed text is found.
    const forged = await sealed(pki, await renderPdf(protokollDefinition(tampered, report, facts), { files: protokollFiles(doc, lines, signerInfo([...signers, poster]), facts) }));
    const problems = await problemsOf(forged);
    expect(problems).toMatch(/Den synliga texten stämmer inte med det signerade protokollet: texten på sidan \d har ändrats \(väntat ”.*450000kr.*”, i filen ”.*550000kr.*”/);
    expect(problems).not.toContain('Signaturen');
  });

  it('when an attestation is for another version, or a justerare has not attested', async () => {
    const v1 = attest(signers[1]!, doc, '2026-03-17T08:30:00Z', { version: 2, sha256: protokollHash(protokoll(2)) });
    let problems = await problemsOf(await render({ attestations: [lines[0]!, v1] }));
    expect(problems).toContain('Signaturen från Lena Åberg gäller version 2 av protokollet, men det inbäddade protokollet är version 1.');
    problems = await problemsOf(await render({ attestations: [lines[0]!] }));
    expect(problems).toContain('Justeraren Lena Åberg har inte justerat protokollet med en signatur som håller.');
  });

  it('names a PDF that is not a protokoll, and garbage, without crashing', async () => {
    expect(await problemsOf(await renderCoverSheet({ attachments: [], generatedAt: new Date() }))).toContain('inte ett signerat protokoll');
    expect(await problemsOf(new TextEncoder().encode('hej'))).toBe('Filen är inte en PDF.');
    expect(await problemsOf(pdf.subarray(0, 4000))).toContain('skadad');
    expect(await problemsOf(new Uint8Array())).toBe('Filen är tom.');
  });
});

describe('public version', () => {
  let pub: Uint8Array;
  beforeAll(async () => {
    pub = await render({ variant: 'public' });
  });

  it('leaves out the confidential summary, says it is a public unsigned copy, and carries no signed JSON', async () => {
    const files = await attachments(pub);
    expect(Object.keys(files).sort()).toEqual(['export.json', 'nycklar.json', 'protokoll-offentlig.json', 'signaturer.jsonl']);
    const task = await openPdf(pub);
    const d = await task.promise;
    const first = (await (await d.getPage(1)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
    let all = '';
    for (let n = 1; n <= d.numPages; n++) all += (await (await d.getPage(n)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
    await task.destroy();
    expect(first).toContain('OFFENTLIG VERSION – OSIGNERAD KOPIA');
    expect(first).toContain(protokollHash(doc));
    expect(all).not.toContain('21 kap. 1 § OSL');
    expect(all).toContain('omfattas av sekretess och ingår inte i den offentliga versionen');
    expect(all).toContain('180 000 kr'); // the decision itself stays public
  });

  it('does not verify as the signed protokoll', async () => {
    const r = await verifyPinned(pub);
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toContain('Filen är den offentliga versionen, en osignerad kopia');
    expect(r.problems).toHaveLength(1); // its signatures and its text are otherwise consistent
  });
});

describe('cli verify', () => {
  it('prints OK and the signers (exit 0), names a failure (exit 1), usage errors exit 2', async () => {
    const ok = cli('verify', '--ca', pki.ca.fingerprint, path);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout.split('\n')[0]).toBe('OK');
    expect(ok.stdout).toContain('Åsa Öberg, ordförande, 2026-03-16 14.05 (svensk tid), nyckel ');
    expect(ok.stdout).toContain('Lena Åberg, justerare, 2026-03-17 09.30');

    const changed = structuredClone(doc);
    changed.paragraphs[0]!.title = 'Mötets öppnande';
    const bad = cli('verify', '--ca', pki.ca.fingerprint, write('ändrad.pdf', await replaceEmbedded(pdf, 'protokoll.json', protokollBytes(changed))));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Kontrollen misslyckades');
    expect(bad.stderr).toContain('gäller ett protokoll med SHA-256');

    expect(cli('verify', write('text.pdf', new TextEncoder().encode('inte en pdf'))).status).toBe(1);
    expect(cli('verify', join(dir, 'saknas.pdf')).status).toBe(1);
    const unpinned = cli('verify', path);
    expect(unpinned.status).toBe(1);
    expect(unpinned.stderr).toContain('Förbundets CA är inte angiven');
    expect(unpinned.stderr).toContain(`--ca "${pki.ca.fingerprint.slice(0, 4).toUpperCase()} `);
    expect(cli('verify', '--ca', 'abc', path).status).toBe(2);
    expect(cli('verify').status).toBe(2);
    expect(cli('verify', path, path).status).toBe(2);
  }, 120_000);
});

describe('the anslag date is the one the förbundschef signed (issue #13)', () => {
  const problemsFor = async (over: Partial<Parameters<typeof renderSignedProtokoll>[0]>): Promise<string> => {
    const r = await verifyPinned(await render(over));
    expect(r.ok, 'verify must refuse the file').toBe(false);
    return r.problems.join('\n');
  };

  it('export.json names another day than the signed record, even with the right take-down day', async () => {
    const moved = { ...anslag, postedOn: '2026-03-19', takenDownOn: finalFromPosting('2026-03-19') };
    expect(await problemsFor({ anslag: moved })).toContain('Anslagets datum 2026-03-19 styrks inte: den signerade registreringen anger att anslaget sattes upp 2026-03-18.');
  });

  it('the take-down day is not the day after three weeks', async () => {
    expect(await problemsFor({ anslag: { ...anslag, takenDownOn: '2026-04-08' } })).toContain('ett anslag som sattes upp 2026-03-18 tas ned 2026-04-09');
  });

  it('a ledamot records the anslag with her own, certified key', async () => {
    const byAdjuster = postedAnslag(signers[1]!, doc);
    expect(await problemsFor({ anslag: byAdjuster })).toContain('Registreringen av anslaget är signerad av Lena Åberg (justerare); anslaget registreras av förbundschefen eller sekreteraren.');
  });

  it('posted before the justering, recorded before the day it names, or for another meeting', async () => {
    expect(await problemsFor({ anslag: postedAnslag(poster, doc, '2026-03-16', '2026-03-18T07:40:00Z') })).toContain('Anslaget kan inte ha satts upp 2026-03-16, före justeringen 2026-03-17.');
    expect(await problemsFor({ anslag: postedAnslag(poster, doc, '2026-03-20', '2026-03-18T07:40:00Z') })).toContain('Registreringen av anslaget gjordes 2026-03-18, före dagen den anger att anslaget sattes upp (2026-03-20).');
    expect(await problemsFor({ anslag: postedAnslag(poster, doc, '2026-03-18', '2026-03-18T07:40:00Z', { meetingId: id(0xbad) }) })).toContain('Registreringen av anslaget gäller ett annat sammanträde än protokollet.');
  });

  it('a signed record whose key is not in nycklar.json', async () => {
    expect(await problemsFor({ signers: signerInfo(signers) })).toContain('Registreringen av anslaget: nyckeln');
  });
});

describe('the page layout is versioned, so old exports keep verifying (issue #15)', () => {
  it.skipIf(!hasTool('pdftotext'))('layout 2 leaves out "Utfall: Noteras" under a noted decision; a layout-1 file still shows it and still verifies', async () => {
    const textOf = (bytes: Uint8Array, name: string) => run('pdftotext', '-enc', 'UTF-8', write(name, bytes), '-').replace(/\s+/g, ' ');
    const current = textOf(pdf, 'layout-2.pdf');
    expect(current).not.toContain('Utfall: Noteras');
    expect(current).toContain('Utfall: Bifall');
    expect(JSON.parse(new TextDecoder().decode((await attachments(pdf))['export.json']!)).layout).toBe(2);

    const old = await render({ layout: 1 });
    expect(textOf(old, 'layout-1.pdf')).toContain('Utfall: Noteras');
    expect(JSON.parse(new TextDecoder().decode((await attachments(old))['export.json']!)).layout).toBeUndefined();
    expect((await verifyPinned(old)).problems).toEqual([]);
    expect((await verifyPinned(pdf)).problems).toEqual([]);
  });
});

describe('before the anslag is recorded', () => {
  it.skipIf(!hasTool('pdftotext'))('leaves the BEVIS block unfilled rather than certifying a posting that did not happen, and still verifies', async () => {
    const bytes = await render({ anslag: { postedOn: null, takenDownOn: null } });
    const text = run('pdftotext', '-enc', 'UTF-8', write('utan-anslag.pdf', bytes), '-').replace(/\s+/g, ' ');
    expect(text).not.toContain('Justeringen har tillkännagivits genom anslag.');
    expect(text).toContain('Anslaget var inte uppsatt när protokollet exporterades.');
    expect(text).not.toMatch(/Datum då anslaget sätts upp \d/);
    expect((await verifyPinned(bytes)).problems).toEqual([]);
  });
});
