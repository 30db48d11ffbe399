import { addVersion, recordCreation, recordHistory, type Reducer } from '../events/kernel/history';
import type { FieldChange, Json } from '../events/kernel/types';
import type { Working } from '../events/working';
import { personName } from '../forbund/selectors';
import { diffApplications } from './diff';
import { INSATS_BUDGET_SUBJECT, type ApplicationEventType, type ApplicationPayload } from './events';
import type { Application } from './model';
import { REVIEW_REDUCERS } from './review-events';
import { findQuestion, noteQuestion, type ApplicationState, type QuestionState } from './state';

/** How the applications' events change the state (authority.ts has already said yes). */

const asJson = (v: unknown): Json => JSON.parse(JSON.stringify(v)) as Json;

/** The entry recordCreation just pushed: its changes are replaced with the application's own (the version's fields, as the diff names them). */
function amendLastEntry(w: Working, subjectId: string, changes: FieldChange[]): void {
  const entry = w.state.history[subjectId]?.at(-1);
  if (entry) entry.changes = changes;
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
export const APPLICATION_REDUCERS: { [T in ApplicationEventType]: Reducer<Working, ApplicationPayload<T>> } = {
  'application.registered': (w, e, p) => {
    const app: ApplicationState = { id: p.id, versions: [p], current: p.version, registeredBy: e.body.author, questions: {}, stances: {}, javDeclarations: {}, heads: [] };
    w.state.applications[app.id] = app;
    recordCreation(w, app.id, e, app);
    amendLastEntry(w, app.id, versionChanges(null, p));
  },
  'application.revised': (w, e, p) => {
    const app = w.state.applications[p.id] as ApplicationState;
    const before = app.versions[app.current - 1] ?? null;
    app.versions.push(p);
    app.current = p.version;
    addVersion(w, app.id, app, e);
    recordHistory(w, app.id, e, versionChanges(before, p));
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
    recordHistory(w, INSATS_BUDGET_SUBJECT, e, changes);
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
    recordHistory(w, q.id, e, [{ field: 'answer', label: 'svar', from: null, to: asJson(q.answer) }]);
  },
  'stance.set': (w, e, p) => {
    const app = w.state.applications[p.applicationId] as ApplicationState;
    const who = e.body.author;
    const from = app.stances[who] ?? null;
    const to = { stance: p.stance, comment: p.comment, setAt: e.body.at, eventId: e.id };
    app.stances[who] = to;
    addVersion(w, app.id, app, e);
    const label = `ställningstagande (${personName(w.state, who)})`;
    recordHistory(w, app.id, e, [{ field: `stances.${who}`, label, from: asJson(from), to: asJson(to) }]);
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
    recordHistory(w, app.id, e, changes);
  },
  ...REVIEW_REDUCERS,
};
