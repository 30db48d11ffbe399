import type { ProtokollDocument } from '../../../../../../shared/domain/meetings/protokoll-document';
import { generateSigningKey, signPades } from '../../../../../../electron/services/pki/pades-sign';
import { createCa, issueSignerCertificate, type CaIdentity, type CryptoKeyPair } from '../../../../../../electron/services/pki/x509';
import { CERT_ROLE, type Signer } from './fixtures';

/** A förbund CA and, for each signer, a P-256 PDF-signing key with a certificate naming the person and the device key. */
export interface TestPki {
  ca: CaIdentity;
  people: { signer: Signer; key: CryptoKeyPair; certificate: Uint8Array }[];
}

/** Set up in January 2026, before the fixture's meeting; `now` moves it. */
export async function makePki(doc: ProtokollDocument, signers: Signer[], now = new Date('2026-01-10T09:00:00Z')): Promise<TestPki> {
  const ca = await createCa(doc.forbund, now);
  const people = [];
  for (const signer of signers) {
    const key = await generateSigningKey();
    const role = CERT_ROLE[signer.role];
    const certificate = await issueSignerCertificate(ca, doc.forbund, { name: signer.person.name, role, personId: signer.person.personId, deviceKey: signer.identity.fingerprint }, key.publicKey, now);
    people.push({ signer, key, certificate });
  }
  return { ca, people };
}

/** One PAdES signature by `who` (default: the first signer, the chair), carrying every certificate and the CA. */
export function sealed(pki: TestPki, pdf: Uint8Array, who = 0, signingTime = new Date('2026-03-18T07:46:00Z'), crls: Uint8Array[] = []): Promise<Uint8Array> {
  const me = pki.people[who]!;
  const others = pki.people.filter((p) => p !== me).map((p) => p.certificate);
  return signPades(pdf, { privateKey: me.key.privateKey, certificate: me.certificate, certificates: [...others, pki.ca.certDer], crls, name: me.signer.person.name, reason: 'Protokollet är justerat', location: 'Styrelsebordet' }, signingTime);
}
