// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProtokollDocument } from '../../../../../../shared/domain/meetings/protokoll-document';
import { renderSignedProtokoll } from '../../../../../../electron/services/meetings/protokoll/protokoll-pdf';
import { verifyProtokollPdf } from '../../../../../../electron/services/meetings/protokoll/verify-protokoll';
import { createCa, createCrl, certPem, parseCertificate, serialHex } from '../../../../../../electron/services/pki/x509';
import { alterPageIncrementally } from './attacks';
import { attest, makePoster, makeSigners, postedAnslag, protokoll, signerInfo, type Signer } from './fixtures';
import { makePki, sealed, type TestPki } from './pki-fixtures';

/**
 * PAdES B-B on the protokoll, checked by poppler's pdfsig (NSS) with an NSS
 * database the test creates, and by `verify`: two signers in turn, the CA
 * trusted or not, and three ways to break it.
 */

const hasTools = ['pdfsig', 'certutil', 'qpdf'].every((t) => spawnSync('which', [t]).status === 0);
if (!hasTools) console.info('Skipping the pdfsig checks: pdfsig (poppler-utils), certutil (libnss3-tools) or qpdf is not installed.');

const dir = mkdtempSync(join(tmpdir(), 'sb-pades-'));
const write = (name: string, bytes: Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const run = (tool: string, ...args: string[]) => spawnSync(tool, args, { encoding: 'utf8' });

/** An NSS database; with `ca` it trusts that certificate for signing (S/MIME). */
function nssDb(name: string, ca?: Uint8Array): string {
  const db = join(dir, name);
  mkdirSync(db);
  expect(run('certutil', '-N', '-d', `sql:${db}`, '--empty-password').status).toBe(0);
  if (ca) expect(run('certutil', '-A', '-d', `sql:${db}`, '-n', 'forbund-ca', '-t', 'C,C,C', '-i', write(`${name}.pem`, new TextEncoder().encode(certPem(ca)))).status).toBe(0);
  return `sql:${db}`;
}

const pdfsig = (db: string, path: string) => {
  const r = run('pdfsig', '-nssdir', db, path);
  return { status: r.status, out: r.stdout + r.stderr, blocks: (r.stdout.split(/^Signature #\d+:$/m).slice(1)) };
};

let doc: ProtokollDocument;
let signers: Signer[];
let pki: TestPki;
let twice: Uint8Array;
let rendered: Uint8Array;

beforeAll(async () => {
  doc = protokoll();
  signers = makeSigners();
  const poster = makePoster();
  pki = await makePki(doc, [...signers, poster]);
  const lines = [attest(signers[0]!, doc, '2026-03-16T13:05:00Z'), attest(signers[1]!, doc, '2026-03-17T08:30:00Z')];
  const pdf = (rendered = await renderSignedProtokoll({ document: doc, attestations: lines, signers: signerInfo([...signers, poster]), anslag: postedAnslag(poster, doc), variant: 'signed', exportedAt: new Date('2026-03-18T07:45:00Z'), caFingerprint: pki.ca.fingerprint }));
  // The chair signs, then the justerare signs the chair's signed file.
  twice = await sealed(pki, await sealed(pki, pdf, 0, new Date('2026-03-18T07:46:00Z')), 1, new Date('2026-03-18T08:10:00Z'));
}, 60_000);

/** Replaces the certificates in the CMS of signature `n` (1-based), keeping the byte range (it does not cover /Contents). */
function swapCertificates(pdf: Uint8Array, n: number, edit: (certs: pkijs.Certificate[]) => Promise<pkijs.Certificate[]>): Promise<Uint8Array> {
  const text = Buffer.from(pdf).toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/g)].map((m) => m.slice(1).map(Number));
  const [, b, c] = ranges[n - 1]!;
  const hex = text.slice(b! + 1, c! - 1);
  const asn = asn1js.fromBER(new Uint8Array(Buffer.from(hex, 'hex')).buffer);
  const info = new pkijs.ContentInfo({ schema: asn.result });
  const sd = new pkijs.SignedData({ schema: info.content });
  return edit(sd.certificates as pkijs.Certificate[]).then((certs) => {
    sd.certificates = certs;
    const der = Buffer.from(new pkijs.ContentInfo({ contentType: info.contentType, content: sd.toSchema(true) }).toSchema().toBER(false));
    const newHex = der.toString('hex').padEnd(hex.length, '0');
    expect(newHex.length).toBe(hex.length);
    return new Uint8Array(Buffer.from(text.slice(0, b! + 1) + newHex + text.slice(c! - 1), 'latin1'));
  });
}

describe.skipIf(!hasTools)('PAdES signatures checked by pdfsig', () => {
  it('two signers in turn: both valid and trusted through the förbund CA, the last covers the whole document', async () => {
    const path = write('signed-twice.pdf', twice);
    const r = pdfsig(nssDb('trusting', pki.ca.certDer), path);
    expect(r.status, r.out).toBe(0);
    expect(r.blocks).toHaveLength(2);
    expect(r.blocks[0]).toContain('Signer Certificate Common Name: Åsa Öberg');
    expect(r.blocks[1]).toContain('Signer Certificate Common Name: Lena Åberg');
    for (const block of r.blocks) {
      expect(block).toContain('Signature Validation: Signature is Valid.');
      expect(block).toContain('Certificate Validation: Certificate is Trusted.');
      expect(block).toContain('Signature Type: ETSI.CAdES.detached');
    }
    expect(r.blocks[1]).toContain('Total document signed');
    expect(run('qpdf', '--check', path).status).toBe(0);
    const v = await verifyProtokollPdf(twice, { caFingerprint: pki.ca.fingerprint });
    expect(v.problems).toEqual([]);
    expect(v.sealedBy.map((s) => s.name)).toEqual(['Åsa Öberg', 'Lena Åberg']);
  });

  it('with the CA not trusted, the signatures are still valid and the signer unknown', async () => {
    const r = pdfsig(nssDb('empty'), write('signed-untrusted.pdf', twice));
    expect(r.blocks).toHaveLength(2);
    for (const block of r.blocks) {
      expect(block).toContain('Signature Validation: Signature is Valid.');
      expect(block).toMatch(/Certificate Validation: Certificate issuer (is unknown|isn't Trusted)\./);
    }
  });

  it('one byte changed in the first revision: pdfsig and verify both fail, verify names the signature', async () => {
    const changed = Uint8Array.from(twice);
    const at = Buffer.from(changed).indexOf('/Producer');
    changed[at + 12] = changed[at + 12]! ^ 0x01;
    const r = pdfsig(nssDb('trusting-2', pki.ca.certDer), write('byte.pdf', changed));
    expect(r.out).not.toContain('Signature is Valid');
    const v = await verifyProtokollPdf(changed, { caFingerprint: pki.ca.fingerprint });
    expect(v.ok).toBe(false);
    expect(v.problems.join('\n')).toContain('PDF-signatur 1 håller inte: filen har ändrats efter signeringen');
  });

  it('an unsigned incremental update that alters a page: not total document signed, and verify refuses it', async () => {
    const altered = await alterPageIncrementally(twice, 1);
    const r = pdfsig(nssDb('trusting-3', pki.ca.certDer), write('appended.pdf', altered));
    expect(r.blocks[1]).toContain('Not total document signed');
    const v = await verifyProtokollPdf(altered, { caFingerprint: pki.ca.fingerprint });
    expect(v.ok).toBe(false);
    expect(v.problems.join('\n')).toContain('Filen har ändrats efter den sista signaturen');
  });

  it('a swapped certificate (same name, serial and key, from a look-alike CA): pdfsig does not trust it and verify names the CA', async () => {
    const lookAlike = await createCa(doc.forbund, new Date('2026-01-10T09:00:00Z'));
    const swapped = await swapCertificates(twice, 2, async (certs) => {
      const [signerCert] = certs;
      const forged = pkijs.Certificate.fromBER(signerCert!.toSchema().toBER(false));
      await forged.sign(lookAlike.privateKey, 'SHA-256');
      return [forged, lookAlike.cert];
    });
    const r = pdfsig(nssDb('trusting-4', pki.ca.certDer), write('swapped.pdf', swapped));
    expect(r.blocks).toHaveLength(2);
    console.info(`pdfsig on the swapped certificate:${r.blocks[1]}`);
    expect(r.blocks[1]).not.toContain('Certificate is Trusted');
    const v = await verifyProtokollPdf(swapped, { caFingerprint: pki.ca.fingerprint });
    expect(v.ok).toBe(false);
    expect(v.problems.join('\n')).toContain('PDF-signatur 2 (Lena Åberg) är inte utfärdad av förbundets CA');
  });

  it('a revoked certificate (on the CA\'s revocation list in the signature): the signer and the attestation it anchors are refused', async () => {
    const lena = parseCertificate(pki.people[1]!.certificate)!;
    const crl = await createCrl(pki.ca, [serialHex(lena)], new Date('2026-03-01T00:00:00Z'));
    const bySigner = await sealed(pki, rendered, 1, new Date('2026-03-18T08:10:00Z'), [crl]);
    const v = await verifyProtokollPdf(bySigner, { caFingerprint: pki.ca.fingerprint });
    expect(v.ok).toBe(false);
    expect(v.problems.join('\n')).toContain('PDF-signatur 1: certifikatet för Lena Åberg är återkallat av förbundet.');
    const byChair = await sealed(pki, rendered, 0, new Date('2026-03-18T08:10:00Z'), [crl]);
    const w = await verifyProtokollPdf(byChair, { caFingerprint: pki.ca.fingerprint });
    expect(w.problems.join('\n')).toMatch(/Signaturen från Lena Åberg: nyckeln [0-9a-f]{16}… har inget certifikat från förbundets CA/);
    // pdfsig still reads the signature (the CRL is carried in the CMS).
    expect(pdfsig(nssDb('trusting-5', pki.ca.certDer), write('revoked.pdf', bySigner)).blocks).toHaveLength(1);
  });

  it('without a pinned CA nothing is anchored: verify fails and shows the CA fingerprint to compare', async () => {
    const v = await verifyProtokollPdf(twice);
    expect(v.ok).toBe(false);
    expect(v.caFingerprint).toBe(pki.ca.fingerprint);
    expect(v.problems.join('\n')).toContain(`Förbundets CA är inte angiven, så det går inte att avgöra vem som har signerat. Protokollet anger CA:n ${pki.ca.fingerprint}`);
  });
});
