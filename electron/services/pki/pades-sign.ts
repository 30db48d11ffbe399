import { createHash, webcrypto } from 'node:crypto';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { addSignaturePlaceholder } from './incremental';
import { parseCertificate, type CryptoKey, type CryptoKeyPair } from './x509';

/**
 * PAdES baseline B-B (ETSI EN 319 142-1) signatures on a finished PDF: each
 * signature is an incremental update after everything before it (so the
 * PDF/A-3b body stays byte for byte as rendered), with SubFilter
 * ETSI.CAdES.detached and a CMS SignedData whose signed attributes are
 * content-type, message-digest and ESS signing-certificate-v2 (no
 * signing-time attribute: B-B puts the time in the signature dictionary /M).
 *
 * The placeholder is written by incremental.ts (pdf-lib serialises the
 * objects), the byte range is filled in by @signpdf/signpdf, the CMS comes
 * from pkijs.
 */

const crypto = webcrypto;

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

export interface PadesSigner {
  /** The signer's P-256 private key (stays on the main side; never serialised here). */
  privateKey: CryptoKey;
  /** The signer's certificate (DER). */
  certificate: Uint8Array;
  /** Further certificates to carry: the förbund CA, other signers' certificates. */
  certificates: Uint8Array[];
  /** Revocation lists to carry (DER). */
  crls?: Uint8Array[];
  /** Shown in a reader's signature panel. */
  name: string;
  reason: string;
  location: string;
}

/** A fresh ArrayBuffer with exactly these bytes (a Buffer's .buffer may be a shared pool). */
const ab = (bytes: Uint8Array): ArrayBuffer => Uint8Array.from(bytes).buffer;

/** The CMS SignedData (DER) over `content`, detached. */
export async function cadesDetached(content: Uint8Array, signer: Omit<PadesSigner, 'name' | 'reason' | 'location'>): Promise<Uint8Array> {
  const cert = parseCertificate(signer.certificate);
  if (!cert) throw new Error('signer certificate does not parse');
  const digest = createHash('sha256').update(content).digest();
  const certHash = createHash('sha256').update(signer.certificate).digest();
  // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 with the default SHA-256 is SEQUENCE { certHash }.
  const signingCertificateV2 = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: ab(certHash) })] })] })] });
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
            new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: ab(digest) })] }),
            new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2] }),
          ],
        }),
      }),
    ],
    certificates: [cert, ...signer.certificates.map((der) => parseCertificate(der)).filter((c): c is pkijs.Certificate => c !== null)],
  });
  const crls = (signer.crls ?? []).map((der) => pkijs.CertificateRevocationList.fromBER(ab(der)));
  if (crls.length > 0) signedData.crls = crls;
  await signedData.sign(signer.privateKey, 0, 'SHA-256', ab(content), pkijs.getCrypto(true) as never);
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

class CadesSigner extends Signer {
  constructor(private readonly signer: PadesSigner) {
    super();
  }
  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return Buffer.from(await cadesDetached(new Uint8Array(pdfBuffer), this.signer));
  }
}

/** Room for the CMS: three or four certificates, a CRL and the signature, hex-encoded. */
const SIGNATURE_LENGTH = 16_384;

/** Appends one PAdES B-B signature covering the whole of `pdf` as it is. */
export async function signPades(pdf: Uint8Array, signer: PadesSigner, signingTime = new Date()): Promise<Uint8Array> {
  const withPlaceholder = await addSignaturePlaceholder(pdf, { name: signer.name, reason: signer.reason, location: signer.location, signingTime, contentsLength: SIGNATURE_LENGTH });
  // @signpdf/signpdf fills in /ByteRange and /Contents; the signature covers the file to its very end.
  const signed = await new SignPdf().sign(Buffer.from(withPlaceholder), new CadesSigner(signer), signingTime);
  return new Uint8Array(signed);
}

/** A new P-256 key pair for PDF signatures. */
export async function generateSigningKey(): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
}
