import { createHash, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * The förbund as its own certificate authority: a self-signed CA certificate
 * naming the förbund, certificates for each person's PDF-signing key, and a
 * revocation list. ECDSA P-256 with SHA-256 throughout: NSS (pdfsig, Firefox,
 * Thunderbird) and Adobe Reader verify it; Ed25519 in CMS is not supported by
 * the NSS in Debian 12 (3.87), so the Ed25519 device keys are not used here.
 *
 * ASN.1, X.509 and CMS come from pkijs/asn1js (PeculiarVentures, maintained,
 * WebCrypto-based, no native code): no hand-written DER beyond two small
 * attribute values pkijs has no class for.
 *
 * A person certificate also names the person id and the fingerprint of the
 * person's Ed25519 device key, as a subjectAltName URI
 * `urn:styrelsebordet:person:<id>:device-key:<sha256>`, so the attestations
 * in a protokoll are anchored in the CA too.
 */

export type CryptoKey = webcrypto.CryptoKey;
export type CryptoKeyPair = webcrypto.CryptoKeyPair;
const crypto = webcrypto;
pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: crypto as never }));

export const EC_PARAMS = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN_ALG = { name: 'ECDSA', hash: 'SHA-256' } as const;

const SIGNER_URI = /^urn:styrelsebordet:person:([0-9a-zA-Z-]{1,100}):device-key:([0-9a-f]{64})$/;
const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  organizationIdentifier: '2.5.4.97',
  title: '2.5.4.12',
  country: '2.5.4.6',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
  subjectAltName: '2.5.29.17',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  emailProtection: '1.3.6.1.5.5.7.3.4',
} as const;

export interface CaIdentity {
  /** Never leaves the main side: only the sealed PKCS#8 is written to disk. */
  privateKey: CryptoKey;
  cert: pkijs.Certificate;
  certDer: Uint8Array;
  fingerprint: string;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const toDer = (cert: pkijs.Certificate): Uint8Array => new Uint8Array(cert.toSchema().toBER(false));
/** A fresh ArrayBuffer with exactly these bytes (a Buffer's .buffer may be a shared pool). */
const ab = (bytes: Uint8Array): ArrayBuffer => Uint8Array.from(bytes).buffer;

export function parseCertificate(der: Uint8Array): pkijs.Certificate | null {
  try {
    return pkijs.Certificate.fromBER(ab(der));
  } catch {
    return null;
  }
}

/** SHA-256 of the certificate's DER: what is shown, printed and pinned. */
export const certFingerprint = (der: Uint8Array): string => sha256Hex(der);

/** A distinguished name with one attribute per RDN (pkijs would put them all in one multi-valued RDN). */
function dn(fields: [string, string][]): pkijs.RelativeDistinguishedNames {
  const value = fields.map(([type, text]) => {
    const v = type === OID.country ? new asn1js.PrintableString({ value: text }) : new asn1js.Utf8String({ value: text });
    return new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type, value: v }).toSchema()] });
  });
  return pkijs.RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value }).toBER(false));
}

/** RFC 5280: UTCTime up to 2049, GeneralizedTime from 2050, whole seconds (no fraction). */
const time = (at: Date): pkijs.Time => {
  const value = new Date(Math.floor(at.getTime() / 1000) * 1000);
  return new pkijs.Time({ type: value.getUTCFullYear() >= 2050 ? 1 : 0, value });
};

/**
 * A random certificate serial number, DER-minimal: the first byte is neither 0 (an integer must not start
 * with a zero byte before one below 0x80) nor 0x80 or more (that would make it negative). 126 random bits.
 * Before, the first byte was only masked positive, so about one certificate in 256 began with 0x00: OpenSSL
 * refused it ("BAD INTEGER") and NSS could not find the signer, so pdfsig called the protokoll's signature
 * an "Unknown Validation Failure" (the flake of demo-protokoll.test.ts).
 */
export function newSerial(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): asn1js.Integer {
  const bytes = random(new Uint8Array(16));
  bytes[0] = 0x40 | (bytes[0]! & 0x3f);
  return new asn1js.Integer({ valueHex: ab(bytes) });
}

async function keyIdentifier(publicKey: CryptoKey): Promise<Uint8Array> {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
  return new Uint8Array(createHash('sha1').update(spki).digest());
}

function keyUsage(bits: number): pkijs.Extension {
  // bits as in RFC 5280: digitalSignature(0)=0x80, nonRepudiation(1)=0x40, keyCertSign(5)=0x04, cRLSign(6)=0x02
  return new pkijs.Extension({ extnID: OID.keyUsage, critical: true, extnValue: new asn1js.BitString({ valueHex: new Uint8Array([bits]).buffer, unusedBits: 1 }).toBER(false) });
}

export interface ForbundName {
  name: string;
  orgNr: string;
}

const forbundRdn = (f: ForbundName): [string, string][] => [
  [OID.country, 'SE'],
  [OID.organization, f.name],
  [OID.organizationIdentifier, `NTRSE-${f.orgNr.replace(/\D/g, '')}`],
];

/** A new CA key and self-signed certificate naming the förbund, valid 30 years. */
export async function createCa(forbund: ForbundName, now = new Date()): Promise<CaIdentity> {
  const keys = (await crypto.subtle.generateKey(EC_PARAMS, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = newSerial();
  cert.subject = dn([...forbundRdn(forbund), [OID.commonName, `${forbund.name} CA`]]);
  cert.issuer = dn([...forbundRdn(forbund), [OID.commonName, `${forbund.name} CA`]]);
  cert.notBefore = time(new Date(now.getTime() - 60_000));
  cert.notAfter = time(new Date(now.getTime() + 30 * 365.25 * 86_400_000));
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  const ski = await keyIdentifier(keys.publicKey);
  cert.extensions = [
    new pkijs.Extension({ extnID: OID.basicConstraints, critical: true, extnValue: new pkijs.BasicConstraints({ cA: true, pathLenConstraint: 0 }).toSchema().toBER(false), parsedValue: new pkijs.BasicConstraints({ cA: true, pathLenConstraint: 0 }) }),
    keyUsage(0x06),
    new pkijs.Extension({ extnID: OID.subjectKeyIdentifier, extnValue: new asn1js.OctetString({ valueHex: ab(ski) }).toBER(false) }),
  ];
  await cert.sign(keys.privateKey, 'SHA-256');
  const certDer = toDer(cert);
  return { privateKey: keys.privateKey, cert, certDer, fingerprint: certFingerprint(certDer) };
}

export interface SignerSubject {
  name: string;
  /** "ordförande", "justerare", "förbundschef", … */
  role: string;
  personId: string;
  /** Fingerprint of the person's Ed25519 device key (the `key` of the events the person signs). */
  deviceKey: string;
}

/** A certificate for a person's P-256 PDF-signing key, issued by the förbund CA, valid 10 years. */
export async function issueSignerCertificate(ca: CaIdentity, forbund: ForbundName, subject: SignerSubject, publicKey: CryptoKey, now = new Date()): Promise<Uint8Array> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = newSerial();
  cert.subject = dn([...forbundRdn(forbund), [OID.title, subject.role], [OID.commonName, subject.name]]);
  cert.issuer = ca.cert.subject;
  cert.notBefore = time(new Date(now.getTime() - 60_000));
  cert.notAfter = time(new Date(now.getTime() + 10 * 365.25 * 86_400_000));
  await cert.subjectPublicKeyInfo.importKey(publicKey);
  const caKeyId = await keyIdentifier(await publicKeyOf(ca.cert));
  const uri = `urn:styrelsebordet:person:${subject.personId}:device-key:${subject.deviceKey}`;
  if (!SIGNER_URI.test(uri)) throw new Error('issueSignerCertificate: person id or device key has an unexpected form');
  const altNames = new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 6, value: uri })] });
  cert.extensions = [
    new pkijs.Extension({ extnID: OID.basicConstraints, critical: true, extnValue: new pkijs.BasicConstraints({ cA: false }).toSchema().toBER(false) }),
    keyUsage(0xc0),
    new pkijs.Extension({ extnID: OID.extKeyUsage, extnValue: new pkijs.ExtKeyUsage({ keyPurposes: [OID.emailProtection] }).toSchema().toBER(false) }),
    new pkijs.Extension({ extnID: OID.subjectKeyIdentifier, extnValue: new asn1js.OctetString({ valueHex: ab(await keyIdentifier(publicKey)) }).toBER(false) }),
    new pkijs.Extension({ extnID: OID.authorityKeyIdentifier, extnValue: new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: ab(caKeyId) }) }).toSchema().toBER(false) }),
    new pkijs.Extension({ extnID: OID.subjectAltName, extnValue: altNames.toSchema().toBER(false) }),
  ];
  await cert.sign(ca.privateKey, 'SHA-256');
  return toDer(cert);
}

/** A revocation list of the given serial numbers (hex), signed by the CA, next update in a year. */
export async function createCrl(ca: CaIdentity, revokedSerials: string[], now = new Date()): Promise<Uint8Array> {
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.issuer = ca.cert.subject;
  crl.thisUpdate = time(now);
  crl.nextUpdate = time(new Date(now.getTime() + 365 * 86_400_000));
  crl.revokedCertificates = revokedSerials.map(
    (hex) => new pkijs.RevokedCertificate({ userCertificate: new asn1js.Integer({ valueHex: ab(Buffer.from(hex, 'hex')) }), revocationDate: time(now) }),
  );
  if (crl.revokedCertificates.length === 0) delete crl.revokedCertificates;
  await crl.sign(ca.privateKey, 'SHA-256');
  return new Uint8Array(crl.toSchema().toBER(false));
}

export function publicKeyOf(cert: pkijs.Certificate): Promise<CryptoKey> {
  return cert.getPublicKey({ algorithm: { algorithm: EC_PARAMS, usages: ['verify'] } } as never);
}

/** Serial number as lower-case hex (as in createCrl). */
export const serialHex = (cert: pkijs.Certificate): string => Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex');

const attribute = (cert: pkijs.Certificate, type: string): string | null => {
  const v: unknown = cert.subject.typesAndValues.find((t) => t.type === type)?.value.valueBlock.value;
  return typeof v === 'string' ? v : null;
};

/** The person a certificate names (subjectAltName URI, CN, title), or null when it names none. */
export function signerSubjectOf(cert: pkijs.Certificate): SignerSubject | null {
  const ext = cert.extensions?.find((e) => e.extnID === OID.subjectAltName);
  const names = ext?.parsedValue instanceof pkijs.AltName ? ext.parsedValue.altNames : [];
  for (const n of names) {
    const m = n.type === 6 && typeof n.value === 'string' ? SIGNER_URI.exec(n.value) : null;
    const name = attribute(cert, OID.commonName);
    if (m && name) return { personId: m[1]!, deviceKey: m[2]!, role: attribute(cert, OID.title) ?? '', name };
  }
  return null;
}

/** The subject's common name (for messages). */
export const commonName = (cert: pkijs.Certificate): string => attribute(cert, OID.commonName) ?? 'okänd';

/** Whether `cert` was signed by `ca` and is within its validity at `at`. */
export async function issuedBy(cert: pkijs.Certificate, ca: pkijs.Certificate, at: Date): Promise<boolean> {
  try {
    if (!(await cert.verify(ca))) return false;
  } catch {
    return false;
  }
  return cert.notBefore.value <= at && at <= cert.notAfter.value;
}

export { SIGN_ALG };
export const certPem = (der: Uint8Array): string => `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END CERTIFICATE-----\n`;
