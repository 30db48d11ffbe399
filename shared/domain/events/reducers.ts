import type { VerifiedEvent } from '../log/signed-event';
import type { EventType, PayloadOf } from './catalogue';
import { diffApplications } from '../applications/diff';
import type { Application } from '../applications/model';
import { INSATS_BUDGET_SUBJECT } from './catalogue';
import type { ApplicationState, DocumentState, FieldChange, Json, KeyRecord, OrganisationState, PersonState, QuestionState } from './state';
import { findQuestion, noteQuestion, personName } from './state';
import { addVersion, applyUpdate, patchOf, recordCreation, recordHistory, type Working } from './versioning';
import { MEETING_REDUCERS } from '../meetings/reducers';
import { DELEGATION_REDUCERS } from '../delegations/events';
import { REVIEW_REDUCERS } from '../applications/review-events';
import { PKI_REDUCERS } from '../pki/pki-events';

/**
 * How each event type changes the state. Reducers run only after the key gate
 * and the authority rule said yes, so they may assume the item exists (or is
 * new) and the author had the right; they never refuse.
 */

type Reducer<T extends EventType> = (w: Working, event: VerifiedEvent, payload: PayloadOf<T>) => void;

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
  recordHistory(w, fingerprint, event, changes, key);
}

const asJson = (v: unknown): Json => JSON.parse(JSON.stringify(v)) as Json;

/**
 * What an application's history entry keeps whole. Registration and revision
 * keep the version (every version is also in `versions`); stance and jäv
 * entries keep only the version number and the stances and declarations, so
 * the history does not copy the whole text once per member.
 */
function applicationSnapshot(app: ApplicationState, withVersion: boolean): object {
  return {
    id: app.id,
    current: app.current,
    ...(withVersion ? { application: app.versions[app.current - 1] } : {}),
    stances: app.stances,
    javDeclarations: app.javDeclarations,
  };
}

/** The entry recordCreation just pushed: its changes and snapshot are replaced with the application's own. */
function amendLastEntry(w: Working, subjectId: string, changes: FieldChange[], snapshot: object): void {
  const entry = w.state.history[subjectId]?.at(-1);
  if (!entry) return;
  entry.changes = changes;
  entry.snapshot = asJson(snapshot);
}

const versionChanges = (before: Application | null, after: Application): FieldChange[] =>
  diffApplications(before, after).map((d) => ({ field: d.field, label: d.label, from: d.from, to: d.to }));

const QUESTION_FIELD_LABEL: Record<string, string> = {
  applicationId: 'ansökan',
  askedBy: 'ställd av',
  askedAt: 'ställd',
  askedOnVersion: 'gäller version',
  text: 'fråga',
  answer: 'svar',
};

/** One reducer per event type; the mapped type makes a missing reducer a compile error. */
export const REDUCERS: { [T in EventType]: Reducer<T> } = {
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
    recordHistory(w, p.fingerprint, e, changes, key);
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
    recordHistory(w, p.fingerprint, e, changes, key);
  },
  'document.shared': (w, e, p) => {
    const doc: DocumentState = { ...p, sharedBy: e.body.author, sharedAt: e.body.at, heads: [] };
    w.state.documents[doc.sha256] = doc;
    recordCreation(w, doc.sha256, e, doc);
  },
  'application.registered': (w, e, p) => {
    const app: ApplicationState = { id: p.id, versions: [p], current: p.version, registeredBy: e.body.author, questions: {}, stances: {}, javDeclarations: {}, heads: [] };
    w.state.applications[app.id] = app;
    recordCreation(w, app.id, e, app);
    amendLastEntry(w, app.id, versionChanges(null, p), applicationSnapshot(app, true));
  },
  'application.revised': (w, e, p) => {
    const app = w.state.applications[p.id] as ApplicationState;
    const before = app.versions[app.current - 1] ?? null;
    app.versions.push(p);
    app.current = p.version;
    addVersion(w, app.id, app, e);
    recordHistory(w, app.id, e, versionChanges(before, p), applicationSnapshot(app, true));
  },
  'budget.set': (w, e, p) => {
    const budget = w.state.insatsBudget;
    const changes: FieldChange[] = [];
    for (const year of Object.keys(p.amounts).sort()) {
      const to = p.amounts[year] as number;
      const from = budget[year] ?? null;
      if (from !== to) changes.push({ field: `insatsBudget.${year}`, label: `budget för insatser ${year}`, from, to });
      budget[year] = to;
    }
    recordHistory(w, INSATS_BUDGET_SUBJECT, e, changes, { amounts: budget });
  },
  'question.asked': (w, e, p) => {
    const app = w.state.applications[p.applicationId] as ApplicationState;
    const q: QuestionState = { id: p.id, applicationId: app.id, askedBy: e.body.author, askedAt: e.body.at, askedOnVersion: app.current, text: p.text, answer: null, heads: [] };
    app.questions[q.id] = q;
    noteQuestion(w.state, q);
    recordCreation(w, q.id, e, q);
    const entry = w.state.history[q.id]?.at(-1);
    if (entry) entry.changes = entry.changes.map((c) => ({ ...c, label: QUESTION_FIELD_LABEL[c.field] ?? c.label }));
  },
  'question.answered': (w, e, p) => {
    const q = findQuestion(w.state, p.questionId) as QuestionState;
    q.answer = { text: p.text, answeredBy: e.body.author, answeredAt: e.body.at, eventId: e.id };
    addVersion(w, q.id, q, e);
    recordHistory(w, q.id, e, [{ field: 'answer', label: 'svar', from: null, to: asJson(q.answer) }], q);
  },
  'stance.set': (w, e, p) => {
    const app = w.state.applications[p.applicationId] as ApplicationState;
    const who = e.body.author;
    const from = app.stances[who] ?? null;
    const to = { stance: p.stance, comment: p.comment, setAt: e.body.at, eventId: e.id };
    app.stances[who] = to;
    addVersion(w, app.id, app, e);
    const label = `ställningstagande (${personName(w.state, who)})`;
    recordHistory(w, app.id, e, [{ field: `stances.${who}`, label, from: asJson(from), to: asJson(to) }], applicationSnapshot(app, false));
  },
  'jav.declared': (w, e, p) => {
    const app = w.state.applications[p.applicationId] as ApplicationState;
    const who = e.body.author;
    const name = personName(w.state, who);
    const changes: FieldChange[] = [];
    const to = { ground: p.ground, text: p.text, declaredAt: e.body.at, eventId: e.id };
    changes.push({ field: `javDeclarations.${who}`, label: `jäv (${name})`, from: asJson(app.javDeclarations[who] ?? null), to: asJson(to) });
    app.javDeclarations[who] = to;
    // A member with jäv takes no stance: one taken earlier no longer counts.
    const stance = app.stances[who];
    if (stance) {
      changes.push({ field: `stances.${who}`, label: `ställningstagande (${name}) togs bort på grund av jäv`, from: asJson(stance), to: null });
      delete app.stances[who];
    }
    addVersion(w, app.id, app, e);
    recordHistory(w, app.id, e, changes, applicationSnapshot(app, false));
  },
  ...MEETING_REDUCERS,
  ...DELEGATION_REDUCERS,
  ...REVIEW_REDUCERS,
  ...PKI_REDUCERS,
};

export function reduce<T extends EventType>(type: T, w: Working, event: VerifiedEvent, payload: PayloadOf<T>): void {
  (REDUCERS[type] as Reducer<T>)(w, event, payload);
}
