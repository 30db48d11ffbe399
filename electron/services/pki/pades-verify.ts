import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certFingerprint, commonName, issuedBy, serialHex, signerSubjectOf, type SignerSubject } from './x509';

/**
 * Reads and checks the PAdES signatures of a PDF against a pinned förbund CA.
 * A signature counts only when its CMS verifies over its byte range, its
 * signer certificate was issued by the CA whose certificate fingerprint is
 * pinned (carried in the CMS, never trusted by itself) and is not on a
 * revocation list the CA signed. The last signature must cover the whole
 * file: anything appended after it is refused.
 *
 * Every certificate in the CMS that the pinned CA issued (and did not revoke)
 * is returned as `certified`: that is how the attestations' Ed25519 device
 * keys are anchored (the certificate names the person and the device key).
 */

export interface PadesSignature {
  index: number;
  signer: (SignerSubject & { fingerprint: string }) | null;
  /** /M of the signature dictionary, ISO, or null. */
  signingTime: string | null;
  coversWholeFile: boolean;
  holds: boolean;
  problems: string[];
}

export interface PadesReport {
  signatures: PadesSignature[];
  /** Fingerprints of the CA certificates the file carries (for comparison by a stranger). */
  caFingerprints: string[];
  /** Persons whose certificates the pinned CA issued, as the file carries them. */
  certified: SignerSubject[];
  problems: string[];
}

/** A fresh ArrayBuffer with exactly these bytes (a Buffer's .buffer may be a shared pool). */
const ab = (bytes: Uint8Array): ArrayBuffer => Uint8Array.from(bytes).buffer;
const short = (hex: string): string => `${hex.slice(0, 16)}…`;

interface RawSignature {
  byteRange: number[];
  contents: Uint8Array;
  subFilter: string | null;
  signingTime: string | null;
}

function pdfDateToIso(s: string | null): string | null {
  const m = s ? /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(s) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : null;
}

/** The signature fields of the final revision, by the AcroForm. */
export async function readSignatureFields(pdf: Uint8Array): Promise<RawSignature[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  const fields = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const out: RawSignature[] = [];
  for (const ref of fields?.asArray() ?? []) {
    const field = doc.context.lookup(ref);
    if (!(field instanceof PDFDict) || field.lookupMaybe(PDFName.of('FT'), PDFName)?.asString() !== '/Sig') continue;
    const v = field.lookupMaybe(PDFName.of('V'), PDFDict);
    if (!v) continue;
    const br = v.lookupMaybe(PDFName.of('ByteRange'), PDFArray);
    const contents = v.lookup(PDFName.of('Contents'));
    const m = v.lookupMaybe(PDFName.of('M'), PDFString, PDFHexString);
    out.push({
      byteRange: br?.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN)) ?? [],
      contents: contents instanceof PDFHexString || contents instanceof PDFString ? contents.asBytes() : new Uint8Array(),
      subFilter: v.lookupMaybe(PDFName.of('SubFilter'), PDFName)?.asString().slice(1) ?? null,
      signingTime: pdfDateToIso(m ? m.decodeText() : null),
    });
  }
  return out;
}

function parseSignedData(contents: Uint8Array): pkijs.SignedData | null {
  try {
    const asn = asn1js.fromBER(ab(contents));
    if (asn.offset === -1) return null;
    const info = new pkijs.ContentInfo({ schema: asn.result });
    if (info.contentType !== '1.2.840.113549.1.7.2') return null;
    return new pkijs.SignedData({ schema: info.content });
  } catch {
    return null;
  }
}

const certsOf = (sd: pkijs.SignedData): pkijs.Certificate[] => (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
const derOf = (c: pkijs.Certificate): Uint8Array => new Uint8Array(c.toSchema().toBER(false));
const isCa = (c: pkijs.Certificate): boolean => c.extensions?.some((e) => e.extnID === '2.5.29.19' && (e.parsedValue as pkijs.BasicConstraints | undefined)?.cA === true) ?? false;

async function revokedSerials(sd: pkijs.SignedData, ca: pkijs.Certificate): Promise<Set<string>> {
  const out = new Set<string>();
  for (const crl of sd.crls ?? []) {
    if (!(crl instanceof pkijs.CertificateRevocationList)) continue;
    if (!(await crl.verify({ issuerCertificate: ca }).catch(() => false))) continue;
    for (const r of crl.revokedCertificates ?? []) out.add(Buffer.from(r.userCertificate.valueBlock.valueHexView).toString('hex'));
  }
  return out;
}

/** Checks every signature; `pinnedCa` is the förbund CA's certificate fingerprint, or null when none is known. */
export async function checkPades(pdf: Uint8Array, pinnedCa: string | null): Promise<PadesReport> {
  const problems: string[] = [];
  let raw: RawSignature[];
  try {
    raw = await readSignatureFields(pdf);
  } catch {
    return { signatures: [], caFingerprints: [], certified: [], problems: ['PDF-filen är skadad: signaturerna går inte att läsa.'] };
  }
  if (raw.length === 0) problems.push('Filen har ingen PDF-signatur (PAdES). Ett protokoll från Styrelsebordet är signerat så att en PDF-läsare kan visa signaturen.');
  const caFingerprints = new Set<string>();
  const certified = new Map<string, SignerSubject>();
  const signatures: PadesSignature[] = [];
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);

  for (const [i, sig] of raw.entries()) {
    const index = i + 1;
    const own: string[] = [];
    const [a, b, c, d] = sig.byteRange;
    const shapeOk = sig.byteRange.length === 4 && a === 0 && Number.isInteger(b) && Number.isInteger(c) && Number.isInteger(d) && b! > 0 && c! > b! && c! + d! <= pdf.byteLength;
    if (!shapeOk || text[b!] !== 0x3c || text[c! - 1] !== 0x3e) {
      signatures.push({ index, signer: null, signingTime: sig.signingTime, coversWholeFile: false, holds: false, problems: [`PDF-signatur ${index} håller inte: filen har ändrats efter signeringen (signaturens byteintervall stämmer inte längre med filen).`] });
      continue;
    }
    const coversWholeFile = c! + d! === pdf.byteLength;
    if (sig.subFilter !== 'ETSI.CAdES.detached') own.push(`PDF-signatur ${index} är inte en PAdES-signatur (SubFilter ${sig.subFilter ?? 'saknas'}).`);
    const sd = parseSignedData(sig.contents);
    if (!sd) {
      signatures.push({ index, signer: null, signingTime: sig.signingTime, coversWholeFile, holds: false, problems: [`PDF-signatur ${index} går inte att läsa (ingen CMS-signatur).`] });
      continue;
    }
    const content = Buffer.concat([text.subarray(0, b!), text.subarray(c!, c! + d!)]);
    const certs = certsOf(sd);
    for (const cert of certs.filter(isCa)) caFingerprints.add(certFingerprint(derOf(cert)));
    let signerCert: pkijs.Certificate | null = null;
    try {
      const result = await sd.verify({ signer: 0, data: ab(content), checkChain: false, extendedMode: true });
      signerCert = result.signerCertificate ?? null;
      if (!result.signatureVerified) own.push(`PDF-signatur ${index} håller inte: filen har ändrats efter signeringen.`);
    } catch {
      own.push(`PDF-signatur ${index} håller inte: filen har ändrats efter signeringen.`);
    }
    const at = sig.signingTime ? new Date(sig.signingTime) : new Date();
    const ca = pinnedCa ? certs.find((cert) => isCa(cert) && certFingerprint(derOf(cert)) === pinnedCa) : undefined;
    let signer: PadesSignature['signer'] = null;
    if (signerCert) {
      const subject = signerSubjectOf(signerCert);
      signer = subject ? { ...subject, fingerprint: certFingerprint(derOf(signerCert)) } : null;
      if (!pinnedCa) {
        own.push('Förbundets CA är inte angiven, så det går inte att avgöra vem som har signerat.');
      } else if (!ca) {
        own.push(`PDF-signatur ${index} (${commonName(signerCert)}) är inte utfärdad av förbundets CA ${short(pinnedCa)}: certifikaten i filen kommer från en annan CA.`);
      } else if (!(await issuedBy(signerCert, ca, at))) {
        own.push(`PDF-signatur ${index}: certifikatet för ${commonName(signerCert)} är inte utfärdat av förbundets CA, eller var inte giltigt vid signeringen.`);
      } else if ((await revokedSerials(sd, ca)).has(serialHex(signerCert))) {
        own.push(`PDF-signatur ${index}: certifikatet för ${commonName(signerCert)} är återkallat av förbundet.`);
      } else if (!subject) {
        own.push(`PDF-signatur ${index}: certifikatet för ${commonName(signerCert)} anger ingen person i förbundet.`);
      }
    } else if (own.length === 0) {
      own.push(`PDF-signatur ${index}: signerarens certifikat saknas.`);
    }
    if (ca && own.length === 0) {
      const revoked = await revokedSerials(sd, ca);
      for (const cert of certs) {
        const subject = signerSubjectOf(cert);
        if (subject && !revoked.has(serialHex(cert)) && (await issuedBy(cert, ca, at))) certified.set(`${subject.personId}:${subject.deviceKey}`, subject);
      }
    }
    signatures.push({ index, signer, signingTime: sig.signingTime, coversWholeFile, holds: own.length === 0, problems: own });
  }

  for (const s of signatures) problems.push(...s.problems);
  const last = signatures.at(-1);
  if (last && !signatures.some((s) => s.coversWholeFile)) {
    problems.push('Filen har ändrats efter den sista signaturen: något har lagts till i slutet av filen (en osignerad ändring).');
  }
  return { signatures, caFingerprints: [...caFingerprints], certified: [...certified.values()], problems: [...new Set(problems)] };
}
