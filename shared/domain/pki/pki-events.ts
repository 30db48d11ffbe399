import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { z } from 'zod';
import { Hex64, type VerifiedEvent } from '../log/signed-event';
import type { SubjectKind } from '../events/catalogue';
import type { Verdict } from '../events/authority';
// Only type imports from events/catalogue and events/versioning: catalogue.ts
// spreads PKI_EVENTS, so a runtime import back into it would be a cycle.
import { isDirector, personName, type FederationState, type FieldChange, type Json } from '../events/state';
import type { Working } from '../events/versioning';

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


interface Definition<S extends z.ZodType> {
  payload: S;
  label: string;
  subjectKind: SubjectKind;
  subject: (body: VerifiedEvent['body'], payload: z.output<S>) => string;
}
const def = <S extends z.ZodType>(d: Definition<S>): Definition<S> => d;

export const PKI_EVENTS = {
  'ca.established': def({ payload: CaEstablished, label: 'Förbundets certifikatutfärdare (CA) skapades', subjectKind: 'federation', subject: (b) => b.forbund }),
  'certificate.requested': def({ payload: CertificateRequested, label: 'Certifikat för PDF-signaturer begärdes', subjectKind: 'key', subject: (_, p) => p.deviceKey }),
  'certificate.issued': def({ payload: CertificateIssued, label: 'Certifikat för PDF-signaturer utfärdades', subjectKind: 'key', subject: (_, p) => p.deviceKey }),
  'crl.published': def({ payload: CrlPublished, label: 'Förbundets spärrlista för certifikat uppdaterades', subjectKind: 'federation', subject: (b) => b.forbund }),
} as const;

type Payload<K extends keyof typeof PKI_EVENTS> = z.output<(typeof PKI_EVENTS)[K]['payload']>;

const OK: Verdict = { ok: true };
const no = (reason: string): Verdict => ({ ok: false, reason });

/** SHA-256 (hex) of base64 DER; null when the text is not base64. */
export function derFingerprint(base64: string): string | null {
  try {
    const bin = atob(base64);
    return bytesToHex(sha256(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
  } catch {
    return null;
  }
}

function directorOnly(state: FederationState, event: VerifiedEvent, what: string): Verdict {
  if (isDirector(state, event.body.author)) return OK;
  return no(`${personName(state, event.body.author)} är inte förbundschef och får inte ${what}.`);
}

export const PKI_AUTHORITY: { [K in keyof typeof PKI_EVENTS]: (state: FederationState, event: VerifiedEvent, payload: Payload<K>) => Verdict } = {
  'ca.established': (state, event, p) => {
    const d = directorOnly(state, event, 'skapa förbundets certifikatutfärdare');
    if (!d.ok) return d;
    if (state.pki.ca) return no('Förbundet har redan en certifikatutfärdare (CA).');
    return derFingerprint(p.certificate) === p.fingerprint ? OK : no('CA-certifikatets fingeravtryck stämmer inte.');
  },
  'certificate.requested': (state, event, p) => {
    if (event.body.key !== p.deviceKey) return no('En begäran om certifikat måste vara signerad med nyckeln på den dator den gäller.');
    const key = state.keys[p.deviceKey];
    if (!key || key.personId !== event.body.author) return no('Datorns nyckel tillhör inte den som begär certifikatet.');
    return OK;
  },
  'certificate.issued': (state, event, p) => {
    const d = directorOnly(state, event, 'utfärda certifikat');
    if (!d.ok) return d;
    if (!state.pki.ca) return no('Förbundet har ingen certifikatutfärdare (CA) ännu.');
    const request = state.pki.requests[p.deviceKey];
    if (!request || request.personId !== p.personId) return no('Det finns ingen begäran om certifikat för den nyckeln.');
    const status = state.keys[p.deviceKey]?.status;
    if (status === 'rejected' || status === 'revoked') return no(`Nyckeln är ${status === 'rejected' ? 'avvisad' : 'spärrad'} och får inget certifikat.`);
    return derFingerprint(p.certificate) === p.fingerprint ? OK : no('Certifikatets fingeravtryck stämmer inte.');
  },
  'crl.published': (state, event) => {
    const d = directorOnly(state, event, 'uppdatera förbundets spärrlista');
    if (!d.ok) return d;
    return state.pki.ca ? OK : no('Förbundet har ingen certifikatutfärdare (CA) ännu.');
  },
};

const asJson = (v: unknown): Json => JSON.parse(JSON.stringify(v)) as Json;

/** One history entry, as versioning.ts's recordHistory writes it (not imported: see the note on imports). */
function recordHistory(w: Working, subjectId: string, event: VerifiedEvent, changes: FieldChange[], snapshot: object): void {
  const authorName = personName(w.state, event.body.author);
  w.authorNames.set(event.id, authorName);
  (w.state.history[subjectId] ??= []).push({
    eventId: event.id,
    type: event.body.type,
    label: PKI_EVENTS[event.body.type as keyof typeof PKI_EVENTS]?.label ?? event.body.type,
    author: event.body.author,
    authorName,
    at: event.body.at,
    lamport: event.body.lamport,
    changes,
    snapshot: asJson(snapshot),
  });
}

export const PKI_REDUCERS: { [K in keyof typeof PKI_EVENTS]: (w: Working, event: VerifiedEvent, payload: Payload<K>) => void } = {
  'ca.established': (w, e, p) => {
    w.state.pki.ca = { certificate: p.certificate, fingerprint: p.fingerprint, eventId: e.id };
    recordHistory(w, e.body.forbund, e, [{ field: 'ca', label: 'certifikatutfärdare (CA), fingeravtryck', from: null, to: p.fingerprint }], { ca: p.fingerprint });
  },
  'certificate.requested': (w, e, p) => {
    w.state.pki.requests[p.deviceKey] = { personId: e.body.author, publicKeyPem: p.publicKeyPem, eventId: e.id };
    recordHistory(w, p.deviceKey, e, [{ field: 'certificateRequest', label: 'begäran om certifikat', from: null, to: 'begärt' }], { deviceKey: p.deviceKey });
  },
  'certificate.issued': (w, e, p) => {
    w.state.pki.certificates[p.deviceKey] = { personId: p.personId, certificate: p.certificate, fingerprint: p.fingerprint, eventId: e.id };
    recordHistory(w, p.deviceKey, e, [{ field: 'certificate', label: 'certifikat, fingeravtryck', from: null, to: p.fingerprint }], { deviceKey: p.deviceKey, certificate: p.fingerprint });
  },
  'crl.published': (w, e, p) => {
    const from = w.state.pki.crl?.revoked ?? [];
    w.state.pki.crl = { crl: p.crl, revoked: [...p.revoked], eventId: e.id };
    recordHistory(w, e.body.forbund, e, [{ field: 'crl', label: 'spärrade certifikat (datorers nycklar)', from, to: [...p.revoked] }], { revoked: p.revoked });
  },
};
