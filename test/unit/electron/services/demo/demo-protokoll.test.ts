// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, type PDFHexString, PDFName, type PDFRawStream, type PDFString, decodePDFRawStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { METHODS } from '../../../../../shared/contract';
import { verifyProtokollPdf } from '../../../../../electron/services/meetings/protokoll/verify-protokoll';
import { finalFromPosting } from '../../../../../shared/domain/meetings/anslag';
import { replaceEmbedded } from '../meetings/protokoll/tamper';

/**
 * The demo folder's signed protokoll, checked the way a reader outside the
 * app would: `cli verify` passes and lists the chair and the justerare; it
 * fails, naming what, when any embedded file or a visible word is changed;
 * and qpdf, pdffonts and pdftotext accept it.
 */

const cli = (...args: string[]) => spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], { encoding: 'utf8' });

function hasTool(tool: string): boolean {
  const found = spawnSync('which', [tool]).status === 0;
  if (!found) console.info(`Skipping the ${tool} check of the demo protokoll: ${tool} is not installed (it comes with poppler-utils or qpdf).`);
  return found;
}
const run = (tool: string, ...args: string[]): string => {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
};

const dir = join(mkdtempSync(join(tmpdir(), 'sb-demo-protokoll-')), 'demo');
const work = mkdtempSync(join(tmpdir(), 'sb-demo-tamper-'));
let path = '';
let pdf: Uint8Array;
/** The förbund CA fingerprint, as the demo folder publishes it (LÄSMIG, next to forbundets-ca.pem). */
let ca = '';

/** The embedded files of a PDF by name, decoded. */
async function embeddedFiles(bytes: Uint8Array): Promise<Map<string, string>> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
  const out = new Map<string, string>();
  for (let i = 0; i < names.size(); i += 2) {
    const key = (names.lookup(i) as PDFString | PDFHexString).decodeText();
    const stream = names.lookup(i + 1, PDFDict).lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F')) as PDFRawStream;
    out.set(key, Buffer.from(decodePDFRawStream(stream).decode()).toString('utf8'));
  }
  return out;
}

/**
 * Changes one word on a page as a PDF editor would: in the first text string
 * of the page that has two different glyphs side by side, those two glyphs
 * swap places (so e.g. "Styrelsen" reads "tSyrelsen"), and the file is saved.
 * The embedded files stay the originals.
 */
async function swapGlyphsOnPage(bytes: Uint8Array, pageIndex: number): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const page = doc.getPage(pageIndex);
  const contents = page.node.lookup(PDFName.of('Contents'));
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r) as PDFRawStream) : [contents as PDFRawStream];
  for (const stream of streams) {
    const text = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    const changed = text.replace(/<((?:[0-9a-fA-F]{4}){2,})>/, (all, hex: string) => {
      const glyphs = hex.match(/.{4}/g)!;
      const i = glyphs.findIndex((g, n) => n > 0 && g !== glyphs[n - 1]);
      if (i < 0) return all;
      [glyphs[i - 1], glyphs[i]] = [glyphs[i]!, glyphs[i - 1]!];
      return `<${glyphs.join('')}>`;
    });
    if (changed !== text) {
      const ref = doc.context.getObjectRef(stream)!;
      doc.context.assign(ref, doc.context.flateStream(Buffer.from(changed, 'latin1')));
      return doc.save({ useObjectStreams: false });
    }
  }
  throw new Error(`no text to change on page ${pageIndex + 1}`);
}

/** Copies the protokoll, the CA and pdfsig's answer to test/artifacts (kept by CI) and says where. */
function keepEvidence(pdfsig: string): void {
  const to = join('test', 'artifacts', `pdfsig-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(to, { recursive: true });
  copyFileSync(path, join(to, 'protokoll.pdf'));
  copyFileSync(join(dir, 'forbundets-ca.pem'), join(to, 'forbundets-ca.pem'));
  writeFileSync(join(to, 'pdfsig.txt'), pdfsig);
  console.error(`pdfsig did not accept the demo protokoll; kept in ${to}`);
}

const write = (name: string, bytes: Uint8Array): string => {
  const p = join(work, name);
  writeFileSync(p, bytes);
  return p;
};

describe('the demo folder’s signed protokoll', () => {
  beforeAll(() => {
    const r = cli('demo', dir);
    expect(r.status, r.stderr).toBe(0);
    const name = readdirSync(dir).find((f) => f.includes('protokoll') && f.endsWith('.pdf'));
    expect(name, readdirSync(dir).join(', ')).toBeDefined();
    path = join(dir, name!);
    pdf = readFileSync(path);
    ca = /Fingeravtryck \(SHA-256\): ([0-9a-f]{64})/.exec(readFileSync(join(dir, 'LÄSMIG.txt'), 'utf8'))?.[1] ?? '';
  }, 240_000);

  it('is in the folder and described in LÄSMIG', () => {
    const readme = readFileSync(join(dir, 'LÄSMIG.txt'), 'utf8');
    expect(readme).toContain(`- ${path.split('/').at(-1)}: Det signerade protokollet`);
    // The kallelse to the next meeting, when this build has the Sammanträden contract call that makes it.
    const kallelser = readdirSync(dir).filter((f) => f.startsWith('kallelse-') && f.endsWith('.pdf'));
    expect(kallelser).toHaveLength((METHODS as readonly string[]).includes('meetings.kallelsePdf') ? 1 : 0);
  });

  it('passes verify against the published CA, which lists the chair and the justerare (exit 0)', () => {
    expect(ca).toMatch(/^[0-9a-f]{64}$/);
    const r = cli('verify', '--ca', ca, path);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^OK$/m);
    expect(r.stdout).toMatch(/Lena Åberg, ordförande, \d{4}-\d\d-\d\d \d\d\.\d\d/);
    expect(r.stdout).toMatch(/Olle Ström, justerare, \d{4}-\d\d-\d\d \d\d\.\d\d/);
  }, 60_000);

  it('fails verify, naming the file, when any embedded file is changed (exit 1)', async () => {
    const files = await embeddedFiles(pdf);
    expect([...files.keys()].sort()).toEqual(['export.json', 'nycklar.json', 'protokoll.json', 'signaturer.jsonl']);
    const problemFor: Record<string, RegExp> = {
      'protokoll.json': /Signaturen från Lena Åberg gäller ett protokoll med SHA-256 \w+…, men det inbäddade protokollet har SHA-256/,
      'signaturer.jsonl': /Signaturen från Olle Ström håller inte/,
      'nycklar.json': /Signaturen från Olle Ström: nyckeln i nycklar.json har inte fingeravtrycket/,
      'export.json': /Anslagets datum stämmer inte/,
    };
    const edits: Record<string, (text: string) => string> = {
      // A decision's amount raised: the bytes no longer match what was attested.
      'protokoll.json': (t) => t.replace('150 000 kr', '250 000 kr'),
      // Olle's attestation claims the chair's role.
      'signaturer.jsonl': (t) => t.replace('adjuster', 'chair'),
      // The two public keys swapped.
      'nycklar.json': (t) => {
        const keys = JSON.parse(t) as Record<string, { publicKeyPem: string }>;
        const [a, b] = Object.values(keys);
        [a!.publicKeyPem, b!.publicKeyPem] = [b!.publicKeyPem, a!.publicKeyPem];
        return `${JSON.stringify(keys, null, 2)}\n`;
      },
      // The appeal window made shorter.
      'export.json': (t) => t.replace(/"takenDownOn": "(\d{4})-/, (_, y: string) => `"takenDownOn": "${Number(y) - 1}-`),
    };
    // The CLI once (exit code and message); each file through the same check in-process, which is quicker.
    const changed = async (name: string): Promise<Uint8Array> => {
      const original = files.get(name)!;
      const text = edits[name]!(original);
      expect(text, `the edit of ${name} changes it`).not.toBe(original);
      return replaceEmbedded(pdf, name, Buffer.from(text));
    };
    const r = cli('verify', '--ca', ca, write('andrad-protokoll-json.pdf', await changed('protokoll.json')));
    expect(r.status, r.stdout).toBe(1);
    expect(r.stderr).toContain('Kontrollen misslyckades');
    expect(r.stderr).toMatch(/^ {2}- \S/m);
    for (const name of Object.keys(edits)) {
      const result = await verifyProtokollPdf(await changed(name), { caFingerprint: ca });
      expect(result.ok, name).toBe(false);
      expect(result.problems.join(' '), name).toMatch(problemFor[name]!);
    }
  }, 180_000);

  it('carries the förbundschef’s signed record of the anslag, and holds export.json’s dates to it', async () => {
    const files = await embeddedFiles(pdf);
    const facts = JSON.parse(files.get('export.json')!) as { anslag: { postedOn: string; takenDownOn: string; event: { body: string } } };
    const record = JSON.parse(facts.anslag.event.body) as { type: string; payload: { postedOn: string } };
    expect(record.type).toBe('anslag.posted');
    expect(record.payload.postedOn).toBe(facts.anslag.postedOn);
    // One day earlier, with a take-down day that fits it: only the signature can tell.
    const earlier = new Date(Date.parse(`${facts.anslag.postedOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const moved = { ...facts, anslag: { ...facts.anslag, postedOn: earlier, takenDownOn: finalFromPosting(earlier) } };
    const result = await verifyProtokollPdf(await replaceEmbedded(pdf, 'export.json', Buffer.from(`${JSON.stringify(moved, null, 2)}\n`)), { caFingerprint: ca });
    expect(result.ok).toBe(false);
    expect(result.problems.join(' ')).toContain(`Anslagets datum ${earlier} styrks inte: den signerade registreringen anger att anslaget sattes upp ${facts.anslag.postedOn}.`);
  }, 60_000);

  it('fails verify, naming the page, when a visible word is changed (exit 1)', async () => {
    const r = cli('verify', '--ca', ca, write('andrad-text.pdf', await swapGlyphsOnPage(pdf, 1)));
    expect(r.status, r.stdout).toBe(1);
    expect(r.stderr).toMatch(/Den synliga texten stämmer inte med det signerade protokollet: .*sidan 2/);
  }, 60_000);

  it.skipIf(!hasTool('pdfsig') || !hasTool('certutil'))('passes pdfsig with the published CA trusted: valid, trusted, whole document signed', () => {
    const db = mkdtempSync(join(tmpdir(), 'sb-demo-nss-'));
    run('certutil', '-N', '-d', `sql:${db}`, '--empty-password');
    run('certutil', '-A', '-d', `sql:${db}`, '-n', 'forbund-ca', '-t', 'C,C,C', '-i', join(dir, 'forbundets-ca.pem'));
    const out = run('pdfsig', '-nssdir', `sql:${db}`, path);
    // It failed about once in a hundred runs: a certificate serial with a leading zero byte (pki/serial.test.ts).
    // Should it fail again, the PDF, the CA and pdfsig's answer are kept for a look.
    if (!out.includes('Signature is Valid') || !out.includes('Certificate is Trusted')) keepEvidence(out);
    expect(out).toContain('Signer Certificate Common Name: Lena Åberg');
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Certificate Validation: Certificate is Trusted.');
    expect(out).toContain('Total document signed');
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
    // The val § with its closed vote: only the count.
    expect(text).toContain('Val av styrelsens representant i beredningsgruppen');
    expect(text).toContain('Sluten omröstning: 3 ja, 1 nej, 1 blanka.');
    // The BEVIS block certifies the recorded anslag.
    expect(text).toContain('Justeringen har tillkännagivits genom anslag.');
    expect(text).toMatch(/Datum då anslaget sätts upp \d{4}-\d{2}-\d{2}/);
    expect(text).toMatch(/§ \d+ Ansökan om medel: Öppna vägar \(förstudie\)/);
    expect(text).toMatch(/Styrelsen beslutar att bevilja Skövde kommun 150 000 kr för förstudien Öppna vägar/);
    expect(text).toMatch(/Styrelsen beslutar att godkänna delårsrapporten för januari–augusti \d{4}\./);
    expect(text).toContain('Maria Sandberg anmäler jäv');
    expect(text).toContain('Per Holm');
    expect(text).toContain('Anders Nyström reserverar sig');
    expect(text).toContain('tjänstgörande ersättare för Karin Lindqvist');
    expect(text).toContain('Västra Götalandsregionen vill se utfallet per insats');
    expect(text).toMatch(/§ \d+ Anmälan av delegationsbeslut Beslutsunderlag – Delegationsbeslut \d{4}-\d\d-\d\d, Dnr \d{4}\/11, Birgitta Holmgren, punkt 9/);
    expect(text).toContain('Medel beviljas till en kartläggning av stödet till unga med aktivitetsersättning i Falköping. Belopp: 45 000 kr.');
  });
});
