import { createPublicKey, webcrypto } from 'node:crypto';
import { BOARD_ROLE_LABEL, STAFF_ROLE_LABEL } from '../../../shared/domain/forbund/model';
import { isDirector, type FederationState } from '../../../shared/domain/events';
import { loadCa, createAndStoreCa, loadOrCreateSigningKey } from '../identity/pki-keys';
import type { SecretBox } from '../identity/keys';
import { plainFiles, type SealedFiles } from '../storage/sealed-file';
import type { EventStore } from '../log/event-store';
import type { FederationService } from '../sync/federation';
import { signPades } from './pades-sign';
import { EC_PARAMS, certFingerprint, createCrl, issueSignerCertificate, parseCertificate, serialHex, type CaIdentity } from './x509';

/**
 * Keeps this laptop's part of the förbund PKI up to date, as events:
 *   - the förbundschef's laptop makes the CA (at set-up, or once for a förbund
 *     made before the CA existed) and issues a certificate for every request
 *     from an accepted key;
 *   - every laptop asks once for a certificate for its PDF-signing key (the
 *     request is signed with the device key, so it waits, held, until the
 *     förbundschef accepts that key).
 * And seals an exported protokoll with this laptop's certificate.
 */

export interface PkiService {
  /** Makes whatever events this laptop owes: CA, own request, certificates for others. Safe to call any time. */
  ensure(): Promise<void>;
  /** The förbund CA fingerprint, when known. */
  caFingerprint(): string | null;
  /** PAdES-signs a PDF with this laptop's certificate; null when it has none yet. */
  seal(pdf: Uint8Array, opts: { reason: string; location: string; attestationKeys: string[] }): Promise<Uint8Array | null>;
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const der = (base64: string): Uint8Array => new Uint8Array(Buffer.from(base64, 'base64'));

/** A key the förbundschef rejected or revoked (spärrad): no certificate, and an issued one goes on the revocation list. */
const barred = (state: FederationState, deviceKey: string): boolean => state.keys[deviceKey]?.status === 'rejected' || state.keys[deviceKey]?.status === 'revoked';

function roleOf(state: FederationState, personId: string): string {
  const p = state.persons[personId];
  if (!p) return 'okänd roll';
  if (p.staffRole) return STAFF_ROLE_LABEL[p.staffRole].toLowerCase();
  const a = p.assignments[0];
  return a ? BOARD_ROLE_LABEL[a.role].toLowerCase() : 'ledamot';
}

export function createPkiService(opts: { dataDir: string; box: SecretBox; store: EventStore; federation: FederationService; files?: SealedFiles }): PkiService {
  // ca.json and signing.json go through the sealed-file layer: encrypted with the data key once a PIN is set.
  const files = opts.files ?? plainFiles;
  const { federation, store } = opts;
  let running: Promise<void> | null = null;
  let ca: CaIdentity | null | undefined;

  const localCa = async (): Promise<CaIdentity | null> => (ca === undefined ? (ca = await loadCa(opts.dataDir, opts.box, files)) : ca);

  async function issueFor(state: FederationState, authority: CaIdentity): Promise<void> {
    const fed = state.federation!;
    for (const [deviceKey, request] of Object.entries(state.pki.requests)) {
      if (state.pki.certificates[deviceKey] || barred(state, deviceKey)) continue;
      const accepted = state.keys[deviceKey]?.status === 'accepted' || deviceKey === fed.genesisKey;
      const person = state.persons[request.personId];
      if (!accepted || !person) continue;
      const spki = createPublicKey(request.publicKeyPem).export({ type: 'spki', format: 'der' });
      const publicKey = await webcrypto.subtle.importKey('spki', spki, EC_PARAMS, true, ['verify']);
      const certificate = await issueSignerCertificate(authority, fed, { name: person.name, role: roleOf(state, person.id), personId: person.id, deviceKey }, publicKey);
      await federation.append('certificate.issued', { personId: person.id, deviceKey, certificate: b64(certificate), fingerprint: certFingerprint(certificate) }, []);
    }
  }

  async function ensureInner(): Promise<void> {
    const identity = federation.identity();
    let state = federation.state();
    if (!identity || !state.federation || !federation.session().forbund) return;
    const me = identity.person;
    if (isDirector(state, me) && !state.pki.ca) {
      const authority = (await localCa()) ?? (ca = await createAndStoreCa(opts.dataDir, opts.box, state.federation, new Date(), files));
      await federation.append('ca.established', { certificate: b64(authority.certDer), fingerprint: authority.fingerprint }, []);
      state = federation.state();
    }
    const requested = store.ofKey(identity.fingerprint).some((e) => e.body.type === 'certificate.requested');
    if (!requested && !barred(state, identity.fingerprint)) {
      const key = await loadOrCreateSigningKey(opts.dataDir, opts.box, files);
      await federation.append('certificate.requested', { deviceKey: identity.fingerprint, publicKeyPem: key.publicKeyPem }, []);
      state = federation.state();
    }
    const authority = await localCa();
    if (authority && isDirector(state, me) && state.pki.ca?.fingerprint === authority.fingerprint) {
      await issueFor(state, authority);
      await publishCrl(federation.state(), authority);
    }
  }

  /** Certificates of keys that ended up rejected or were revoked go on the revocation list; a new list only when that set changed. */
  async function publishCrl(state: FederationState, authority: CaIdentity): Promise<void> {
    const revoked = Object.keys(state.pki.certificates).filter((k) => barred(state, k)).sort();
    const current = [...(state.pki.crl?.revoked ?? [])].sort();
    if (revoked.length === 0 && !state.pki.crl) return;
    if (revoked.join() === current.join()) return;
    const serials = revoked.flatMap((k) => {
      const cert = parseCertificate(der(state.pki.certificates[k]!.certificate));
      return cert ? [serialHex(cert)] : [];
    });
    await federation.append('crl.published', { crl: b64(await createCrl(authority, serials)), revoked }, []);
  }

  return {
    async ensure() {
      // One at a time: two overlapping calls would both make the same events.
      while (running) await running;
      running = ensureInner().finally(() => (running = null));
      return running;
    },
    caFingerprint: () => federation.state().pki.ca?.fingerprint ?? null,
    async seal(pdf, { reason, location, attestationKeys }) {
      const identity = federation.identity();
      const state = federation.state();
      const own = identity ? state.pki.certificates[identity.fingerprint] : undefined;
      if (!identity || !own || !state.pki.ca || barred(state, identity.fingerprint)) return null;
      const key = await loadOrCreateSigningKey(opts.dataDir, opts.box, files);
      // A signing key made again after a restore no longer matches the certificate: better no PAdES than a broken one.
      if (state.pki.requests[identity.fingerprint]?.publicKeyPem !== key.publicKeyPem) return null;
      const others = attestationKeys.filter((k) => k !== identity.fingerprint).flatMap((k) => (state.pki.certificates[k] ? [der(state.pki.certificates[k].certificate)] : []));
      const name = state.persons[identity.person]?.name ?? 'okänd';
      // The latest revocation list travels in the signature, so a reader of the file sees which certificates are revoked.
      const crls = state.pki.crl ? [der(state.pki.crl.crl)] : [];
      return signPades(pdf, { privateKey: key.privateKey, certificate: der(own.certificate), certificates: [...others, der(state.pki.ca.certificate)], crls, name, reason, location });
    },
  };
}
