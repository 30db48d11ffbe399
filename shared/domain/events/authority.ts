import type { VerifiedEvent } from '../log/signed-event';
import type { BoardAssignment } from '../forbund/model';
import type { EventType, PayloadOf } from './catalogue';
import { validateApplication, type Application } from '../applications/model';
import { findQuestion, isBoardMember, isDirector, type FederationState } from './state';
import { authorityDate } from './authority-date';
import { MEETING_AUTHORITY } from '../meetings/authority';
import { DELEGATION_AUTHORITY } from '../delegations/events';
import { REVIEW_AUTHORITY } from '../applications/review-events';
import { PKI_AUTHORITY } from '../pki/pki-events';
import { ordningProblem } from '../forbund/ordning';

/**
 * Who may do what, checked on every laptop when an event is applied, against
 * the state just before it (so authority is judged as of that point in the
 * shared order, the same everywhere). A rule answers ok or a Swedish reason
 * that the refused list shows as is.
 *
 * Rules here look at the author's role and at whether the event makes sense
 * (the item exists, the id is new). Which key signed the event, and whether
 * that key is accepted and belongs to the author, is checked before these
 * rules by keys.ts, for every type except the two that announce a key.
 */

export type Verdict = { ok: true } | { ok: false; reason: string };

const OK: Verdict = { ok: true };
const no = (reason: string): Verdict => ({ ok: false, reason });

type Rule<T extends EventType> = (state: FederationState, event: VerifiedEvent, payload: PayloadOf<T>) => Verdict;

/** Roster and set-up changes: only a person who is förbundschef at that point. */
function directorOnly(state: FederationState, event: VerifiedEvent, what: string): Verdict {
  if (isDirector(state, event.body.author)) return OK;
  const p = state.persons[event.body.author];
  return no(p ? `${p.name} är inte förbundschef och får inte ${what}.` : `Författaren finns inte i förbundets register och får inte ${what}.`);
}

const isNewId = (state: FederationState, id: string): boolean =>
  !state.organisations[id] && !state.persons[id] && state.federation?.id !== id;

function organisationsExist(state: FederationState, orgId: string | null | undefined, assignments: readonly BoardAssignment[] | undefined): Verdict {
  if (orgId && !state.organisations[orgId]) return no('Den företrädda organisationen finns inte bland förbundsmedlemmarna.');
  if (assignments?.some((a) => !state.organisations[a.organisationId])) return no('Ett styrelseuppdrag gäller en organisation som inte finns bland förbundsmedlemmarna.');
  return OK;
}

function keyDecision(state: FederationState, event: VerifiedEvent, fingerprint: string, verb: string): Verdict {
  const d = directorOnly(state, event, `${verb} datorers nycklar`);
  if (!d.ok) return d;
  const key = state.keys[fingerprint];
  if (!key) return no('Nyckeln är inte registrerad.');
  if (key.status === 'revoked') return no('Nyckeln är spärrad; en spärrad nyckel kan inte godkännas eller avvisas igen. Personen registrerar en ny nyckel.');
  if (fingerprint === state.federation?.genesisKey) return no('Förbundschefens första nyckel är godkänd genom att förbundet skapades.');
  // A later contrary decision by someone who had seen the first is a change of
  // mind, not a conflict: refused, because there is no key revocation yet.
  // Concurrent decisions (neither saw the other) pass and the reducer records the conflict.
  const newStatus = event.body.type === 'key.accepted' ? 'accepted' : 'rejected';
  if (key.status !== 'pending' && key.status !== newStatus && key.decidedBy && event.body.prev.includes(key.decidedBy)) {
    return no(`Nyckeln är redan ${key.status === 'accepted' ? 'godkänd' : 'avvisad'}; beslutet kan inte ändras i efterhand.`);
  }
  return OK;
}

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
export const AUTHORITY: { [T in EventType]: Rule<T> } = {
  'federation.created': (state, event, p) => {
    if (state.federation) return no('Förbundet är redan skapat; det kan bara ha en första händelse.');
    if (event.body.author !== p.director.id) return no('Den som skapar förbundet måste vara dess förbundschef.');
    if (event.body.key !== p.directorKey.fingerprint) return no('Förbundet måste skapas med förbundschefens egen nyckel.');
    return OK;
  },
  'federation.updated': (state, event) => directorOnly(state, event, 'ändra förbundets uppgifter'),
  'federation.ordning.set': (state, event, p) => {
    const d = directorOnly(state, event, 'ange förbundsordningens regler');
    if (!d.ok) return d;
    const problem = ordningProblem(p);
    return problem ? no(problem) : OK;
  },
  'organisation.added': (state, event, p) => {
    const d = directorOnly(state, event, 'lägga till förbundsmedlemmar');
    if (!d.ok) return d;
    return isNewId(state, p.id) ? OK : no('Det finns redan något med samma id.');
  },
  'organisation.updated': (state, event, p) => {
    const d = directorOnly(state, event, 'ändra förbundsmedlemmar');
    if (!d.ok) return d;
    return state.organisations[p.id] ? OK : no('Förbundsmedlemmen finns inte.');
  },
  'person.added': (state, event, p) => {
    const d = directorOnly(state, event, 'lägga till personer');
    if (!d.ok) return d;
    if (!isNewId(state, p.id)) return no('Det finns redan något med samma id.');
    return organisationsExist(state, p.organisationId, p.assignments);
  },
  'person.updated': (state, event, p) => {
    const d = directorOnly(state, event, 'ändra personer');
    if (!d.ok) return d;
    if (!state.persons[p.id]) return no('Personen finns inte.');
    const refs = organisationsExist(state, p.organisationId, p.assignments);
    if (!refs.ok) return refs;
    // Without a förbundschef nobody could change the roster or accept keys again.
    if (p.staffRole !== undefined && p.staffRole !== 'director' && isDirector(state, p.id)) {
      const others = Object.values(state.persons).filter((x) => x.id !== p.id && x.staffRole === 'director');
      if (others.length === 0) return no('Förbundet måste ha minst en förbundschef; utse en ny innan rollen tas bort.');
    }
    return OK;
  },
  'key.registered': (state, event, p) => {
    const person = state.persons[p.personId];
    if (!person) return no('Personen som registrerar nyckeln finns inte i förbundets register.');
    if (event.body.author !== p.personId) return no('En nyckel kan bara registreras av personen själv.');
    if (event.body.key !== p.fingerprint) return no('Registreringen måste vara signerad med den nyckel som registreras.');
    if (state.keys[p.fingerprint]) return no('Nyckeln är redan registrerad.');
    return OK;
  },
  'key.encryption.registered': (state, event, p) => {
    const key = state.keys[p.fingerprint];
    if (!key) return no('Nyckeln är inte registrerad.');
    if (event.body.key !== p.fingerprint || key.personId !== event.body.author) return no('En krypteringsnyckel kan bara registreras av datorn själv, signerad med dess egen nyckel.');
    if (key.status === 'revoked' || key.status === 'rejected') return no('Nyckeln är spärrad eller avvisad.');
    return OK;
  },
  'key.accepted': (state, event, p) => keyDecision(state, event, p.fingerprint, 'godkänna'),
  'key.rejected': (state, event, p) => keyDecision(state, event, p.fingerprint, 'avvisa'),
  'key.revoked': (state, event, p) => {
    const key = state.keys[p.fingerprint];
    if (!key) return no('Nyckeln är inte registrerad.');
    if (key.status === 'revoked') return no('Nyckeln är redan spärrad.');
    // The board's path when the förbundschef's own key is lost: the chair, on a recorded board decision.
    const chair = state.persons[event.body.author]?.assignments.some((a) => a.role === 'chair' && a.from <= authorityDate(event) && authorityDate(event) <= a.to);
    if (!isDirector(state, event.body.author) && chair && isDirector(state, key.personId)) {
      return p.decision ? OK : no('Ordföranden spärrar förbundschefens nyckel på styrelsens beslut; ange beslutet (paragrafen i protokollet).');
    }
    return directorOnly(state, event, 'spärra datorers nycklar');
  },
  'document.shared': (state, event, p) => {
    const d = directorOnly(state, event, 'dela handlingar med styrelsen');
    if (!d.ok) return d;
    return state.documents[p.sha256] ? no('Handlingen är redan delad.') : OK;
  },
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
  ...MEETING_AUTHORITY,
  ...DELEGATION_AUTHORITY,
  ...REVIEW_AUTHORITY,
  ...PKI_AUTHORITY,
};

export function authorize<T extends EventType>(type: T, state: FederationState, event: VerifiedEvent, payload: PayloadOf<T>): Verdict {
  return (AUTHORITY[type] as Rule<T>)(state, event, payload);
}
