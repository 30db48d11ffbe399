import { recordHistory, type Reducer } from '../events/kernel/history';
import type { Working } from '../events/working';
import type { PkiEventType, PkiPayload } from './events';

/** How each CA event changes the state (authority.ts has already said yes). */

type Payload<K extends PkiEventType> = PkiPayload<K>;

export const PKI_REDUCERS: { [K in PkiEventType]: Reducer<Working, Payload<K>> } = {
  'ca.established': (w, e, p) => {
    w.state.pki.ca = { certificate: p.certificate, fingerprint: p.fingerprint, eventId: e.id };
    recordHistory(w, e.body.forbund, e, [{ field: 'ca', label: 'certifikatutfärdare (CA), fingeravtryck', from: null, to: p.fingerprint }]);
  },
  'certificate.requested': (w, e, p) => {
    w.state.pki.requests[p.deviceKey] = { personId: e.body.author, publicKeyPem: p.publicKeyPem, eventId: e.id };
    recordHistory(w, p.deviceKey, e, [{ field: 'certificateRequest', label: 'begäran om certifikat', from: null, to: 'begärt' }]);
  },
  'certificate.issued': (w, e, p) => {
    w.state.pki.certificates[p.deviceKey] = { personId: p.personId, certificate: p.certificate, fingerprint: p.fingerprint, eventId: e.id };
    recordHistory(w, p.deviceKey, e, [{ field: 'certificate', label: 'certifikat, fingeravtryck', from: null, to: p.fingerprint }]);
  },
  'crl.published': (w, e, p) => {
    const from = w.state.pki.crl?.revoked ?? [];
    w.state.pki.crl = { crl: p.crl, revoked: [...p.revoked], eventId: e.id };
    recordHistory(w, e.body.forbund, e, [{ field: 'crl', label: 'spärrade certifikat (datorers nycklar)', from, to: [...p.revoked] }]);
  },
};
