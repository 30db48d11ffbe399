import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import type { VerifiedEvent } from '../log/signed-event';
import { OK, no, type Rule, type Verdict } from '../events/kernel/verdict';
import { isDirector, personName, type FederationState } from '../events/state';
import type { PkiEventType, PkiPayload } from './events';

/** Who may publish what about the förbund's CA (events.ts says what each event is). */

type Payload<K extends PkiEventType> = PkiPayload<K>;

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

export const PKI_AUTHORITY: { [K in PkiEventType]: Rule<FederationState, Payload<K>> } = {
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

