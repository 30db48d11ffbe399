import { z } from 'zod';
import { Hex64 } from '../log/signed-event';
import { def } from '../events/kernel/definition';

/**
 * The förbund as its own certificate authority (issue #12), as events:
 *
 * - ca.established: the förbundschef's laptop made the förbund's CA key (it
 *   never leaves that laptop) and publishes the self-signed CA certificate.
 *   One per förbund.
 * - certificate.requested: a person's laptop asks for a certificate for its
 *   P-256 PDF-signing key, signed with the device key it names (so it applies
 *   only once the förbundschef has accepted that key).
 * - certificate.issued: the förbundschef's laptop issued the certificate
 *   (subject: name, role, förbund; it also names the person id and the device
 *   key, which anchors the person's attestations in the CA).
 * - crl.published: the CA's revocation list, listing the certificates of keys
 *   that were revoked (key.revoked, a lost laptop) or ended up rejected (a
 *   rejection concurrent with the acceptance wins); every export embeds the
 *   latest one.
 *
 * Certificates are DER, base64. The main side makes and checks them; the
 * domain only checks who may publish what and that fingerprints match.
 * Type strings are part of signed data: never rename.
 */

const Base64Der = z.string().min(100).max(12_000).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64');
const Pem = z
  .string()
  .max(2000)
  .regex(/^-----BEGIN PUBLIC KEY-----\r?\n[A-Za-z0-9+/=\r\n]+-----END PUBLIC KEY-----\r?\n?$/, 'PEM public key');

const CaEstablished = z.object({ certificate: Base64Der, fingerprint: Hex64 }).strict();
const CertificateRequested = z.object({ deviceKey: Hex64, publicKeyPem: Pem }).strict();
const CertificateIssued = z.object({ personId: z.uuid(), deviceKey: Hex64, certificate: Base64Der, fingerprint: Hex64 }).strict();
const CrlPublished = z.object({ crl: Base64Der, revoked: z.array(Hex64).max(10_000) }).strict();


export const PKI_EVENTS = {
  'ca.established': def({ payload: CaEstablished, label: 'Förbundets certifikatutfärdare (CA) skapades', subjectKind: 'federation', subject: (b) => b.forbund }),
  'certificate.requested': def({ payload: CertificateRequested, label: 'Certifikat för PDF-signaturer begärdes', subjectKind: 'key', subject: (_, p) => p.deviceKey }),
  'certificate.issued': def({ payload: CertificateIssued, label: 'Certifikat för PDF-signaturer utfärdades', subjectKind: 'key', subject: (_, p) => p.deviceKey }),
  'crl.published': def({ payload: CrlPublished, label: 'Förbundets spärrlista för certifikat uppdaterades', subjectKind: 'federation', subject: (b) => b.forbund }),
} as const;

export type PkiEventType = keyof typeof PKI_EVENTS;
export type PkiPayload<K extends PkiEventType> = z.output<(typeof PKI_EVENTS)[K]['payload']>;
