import type { VerifiedEvent } from '../log/signed-event';
import { addVersion, applyUpdate, patchOf, recordCreation, recordHistory, type Reducer } from '../events/kernel/history';
import type { FieldChange } from '../events/kernel/types';
import type { Working } from '../events/working';
import type { ForbundEventType, ForbundPayload } from './events';
import { personName } from './selectors';
import type { DocumentState, KeyRecord, OrganisationState, PersonState } from './state';

/**
 * How the förbund's events change the state. Reducers run only after the key
 * gate and the authority rule said yes, so they may assume the item exists (or
 * is new) and the author had the right; they never refuse.
 */

function decideKey(w: Working, event: VerifiedEvent, fingerprint: string, status: 'accepted' | 'rejected'): void {
  const key = w.state.keys[fingerprint] as KeyRecord;
  const changes: FieldChange[] = [];
  if (key.status === 'pending') {
    changes.push({ field: 'status', label: 'nyckelns status', from: 'pending', to: status });
    key.status = status;
    key.decidedBy = event.id;
  } else if (key.status !== status && key.decidedBy) {
    // Concurrent contrary decisions (authority.ts lets only those through):
    // the first decision in the shared order stands, unlike field updates,
    // because a key's status must not flip once events were judged by it.
    const winner = key.decidedBy;
    const existing = w.state.conflicts.find((c) => c.subject === fingerprint && c.field === 'status');
    const entry = existing ?? { subject: fingerprint, subjectKind: 'key' as const, field: 'status', winner, losers: [], explanation: '' };
    if (!existing) w.state.conflicts.push(entry);
    entry.losers.push(event.id);
    const first = w.state.history[fingerprint]?.find((h) => h.eventId === winner)?.authorName ?? 'okänd person';
    entry.explanation =
      `Två beslut om nyckeln fattades samtidigt: ${first} ${key.status === 'accepted' ? 'godkände' : 'avvisade'} den och ` +
      `${personName(w.state, event.body.author)} ${status === 'accepted' ? 'godkände' : 'avvisade'} den. ` +
      `Det första beslutet i händelseordningen gäller; nyckeln är ${key.status === 'accepted' ? 'godkänd' : 'avvisad'}.`;
  }
  addVersion(w, fingerprint, key, event);
  recordHistory(w, fingerprint, event, changes);
}

/** One reducer per event type; the mapped type makes a missing reducer a compile error. */
export const FORBUND_REDUCERS: { [T in ForbundEventType]: Reducer<Working, ForbundPayload<T>> } = {
  'federation.created': (w, e, p) => {
    // The director first, so the history entries below can name the author.
    const director: PersonState = { id: p.director.id, name: p.director.name, email: p.director.email, organisationId: null, staffRole: 'director', assignments: [], heads: [] };
    w.state.persons[director.id] = director;
    recordCreation(w, director.id, e, director);
    const fed = { id: e.body.forbund, name: p.name, orgNr: p.orgNr, genesisEvent: e.id, genesisKey: p.directorKey.fingerprint, heads: [] as string[] };
    w.state.federation = fed;
    recordCreation(w, fed.id, e, fed);
    const key: KeyRecord = { ...p.directorKey, personId: director.id, status: 'accepted', registeredBy: e.id, decidedBy: e.id, heads: [] };
    w.state.keys[key.fingerprint] = key;
    recordCreation(w, key.fingerprint, e, key);
  },
  'federation.updated': (w, e, p) => {
    const fed = w.state.federation;
    if (fed) applyUpdate(w, 'federation', fed.id, fed, e, patchOf(p));
  },
  'federation.ordning.set': (w, e, p) => {
    const fed = w.state.federation;
    if (fed) applyUpdate(w, 'federation', fed.id, fed, e, patchOf(p));
  },
  'organisation.added': (w, e, p) => {
    const org: OrganisationState = { id: p.id, name: p.name, kind: p.kind, orgNr: p.orgNr, contributions: { ...p.contributions }, heads: [] };
    w.state.organisations[org.id] = org;
    recordCreation(w, org.id, e, org);
  },
  'organisation.updated': (w, e, p) => {
    const org = w.state.organisations[p.id];
    if (org) applyUpdate(w, 'organisation', org.id, org, e, patchOf(p, ['contributions']));
  },
  'person.added': (w, e, p) => {
    const person: PersonState = { id: p.id, name: p.name, email: p.email, organisationId: p.organisationId, staffRole: p.staffRole, assignments: p.assignments, heads: [] };
    w.state.persons[person.id] = person;
    recordCreation(w, person.id, e, person);
  },
  'person.updated': (w, e, p) => {
    const person = w.state.persons[p.id];
    if (person) applyUpdate(w, 'person', person.id, person, e, patchOf(p));
  },
  'key.registered': (w, e, p) => {
    const key: KeyRecord = { ...p, status: 'pending', registeredBy: e.id, decidedBy: null, heads: [] };
    w.state.keys[key.fingerprint] = key;
    recordCreation(w, key.fingerprint, e, key);
  },
  'key.encryption.registered': (w, e, p) => {
    const key = w.state.keys[p.fingerprint] as KeyRecord;
    const changes: FieldChange[] = [{ field: 'encryptionKey', label: 'krypteringsnyckel', from: key.encryptionKey ?? null, to: p.x25519 }];
    key.encryptionKey = p.x25519;
    addVersion(w, p.fingerprint, key, e);
    recordHistory(w, p.fingerprint, e, changes);
  },
  'key.accepted': (w, e, p) => decideKey(w, e, p.fingerprint, 'accepted'),
  'key.rejected': (w, e, p) => decideKey(w, e, p.fingerprint, 'rejected'),
  'key.revoked': (w, e, p) => {
    const key = w.state.keys[p.fingerprint] as KeyRecord;
    const changes: FieldChange[] = [{ field: 'status', label: 'nyckelns status', from: key.status, to: 'revoked' }];
    key.status = 'revoked';
    key.decidedBy = e.id;
    key.revocation = { reason: p.reason, by: e.body.author, decision: p.decision ?? null };
    addVersion(w, p.fingerprint, key, e);
    recordHistory(w, p.fingerprint, e, changes);
  },
  'document.shared': (w, e, p) => {
    const doc: DocumentState = { ...p, sharedBy: e.body.author, sharedAt: e.body.at, heads: [] };
    w.state.documents[doc.sha256] = doc;
    recordCreation(w, doc.sha256, e, doc);
  },
};
