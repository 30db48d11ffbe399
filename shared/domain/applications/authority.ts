import type { VerifiedEvent } from '../log/signed-event';
import { OK, no, type Rule, type Verdict } from '../events/kernel/verdict';
import { authorityDate } from '../events/kernel/authority-date';
import type { FederationState } from '../events/state';
import { directorOnly, isNewId } from '../forbund/authority';
import { isBoardMember } from '../forbund/selectors';
import type { ApplicationEventType, ApplicationPayload } from './events';
import { validateApplication, type Application } from './model';
import { REVIEW_AUTHORITY } from './review-events';
import { findQuestion } from './state';

/** Who may register ansökningar, ask and answer questions, take a stance and declare jäv. */

/** The application's rules (model.ts) as one Swedish reason, or OK. */
function validApplication(state: FederationState, app: Application): Verdict {
  const issues = validateApplication(app, Object.values(state.organisations));
  return issues.length === 0 ? OK : no(issues.map((i) => i.message).join(' '));
}

/** Questions, stances and jäv: a person with a board seat on the day of the event (its `at`, part of the signed body). */
function boardMemberOnly(state: FederationState, event: VerifiedEvent, what: string): Verdict {
  if (isBoardMember(state, event.body.author, authorityDate(event))) return OK;
  const p = state.persons[event.body.author];
  return no(p ? `${p.name} har inget styrelseuppdrag och får inte ${what}.` : `Författaren finns inte i förbundets register och får inte ${what}.`);
}

function applicationExists(state: FederationState, applicationId: string): Verdict {
  return state.applications[applicationId] ? OK : no('Ansökan finns inte.');
}

/** One rule per event type; the mapped type makes a missing rule a compile error. */
export const APPLICATION_AUTHORITY: { [T in ApplicationEventType]: Rule<FederationState, ApplicationPayload<T>> } = {
  'application.registered': (state, event, p) => {
    const d = directorOnly(state, event, 'registrera ansökningar');
    if (!d.ok) return d;
    if (!isNewId(state, p.id) || state.applications[p.id]) return no('Det finns redan något med samma id.');
    return validApplication(state, p);
  },
  'application.revised': (state, event, p) => {
    const d = directorOnly(state, event, 'registrera nya versioner av ansökningar');
    if (!d.ok) return d;
    const app = state.applications[p.id];
    if (!app) return no('Ansökan finns inte.');
    // Two revisions made at the same time both claim version n + 1: the first in the shared order stands.
    if (p.version !== app.current + 1) {
      return no(`Ansökan är redan i version ${app.current}; en ny version måste ha nummer ${app.current + 1} och utgå från den senaste.`);
    }
    return validApplication(state, p);
  },
  'budget.set': (state, event) => directorOnly(state, event, 'fastställa förbundets budget för insatser'),
  'question.asked': (state, event, p) => {
    const m = boardMemberOnly(state, event, 'ställa frågor om ansökningar');
    if (!m.ok) return m;
    const a = applicationExists(state, p.applicationId);
    if (!a.ok) return a;
    if (state.applications[p.applicationId]?.javDeclarations[event.body.author]) {
      return no(`${state.persons[event.body.author]?.name ?? 'Personen'} har anmält jäv i ärendet och deltar inte i beredningen; frågor om ansökan kan inte ställas.`);
    }
    return findQuestion(state, p.id) || !isNewId(state, p.id) || state.applications[p.id] ? no('Det finns redan något med samma id.') : OK;
  },
  'question.answered': (state, event, p) => {
    const d = directorOnly(state, event, 'besvara frågor om ansökningar');
    if (!d.ok) return d;
    const q = findQuestion(state, p.questionId);
    if (!q) return no('Frågan finns inte.');
    return q.answer ? no('Frågan är redan besvarad.') : OK;
  },
  'stance.set': (state, event, p) => {
    const m = boardMemberOnly(state, event, 'ta ställning till ansökningar');
    if (!m.ok) return m;
    const app = state.applications[p.applicationId];
    if (!app) return no('Ansökan finns inte.');
    if (app.javDeclarations[event.body.author]) {
      return no(`${state.persons[event.body.author]?.name ?? 'Personen'} har anmält jäv i ärendet och tar därför inte ställning till ansökan.`);
    }
    return OK;
  },
  'jav.declared': (state, event, p) => {
    const m = boardMemberOnly(state, event, 'anmäla jäv');
    if (!m.ok) return m;
    return applicationExists(state, p.applicationId);
  },
  ...REVIEW_AUTHORITY,
};
