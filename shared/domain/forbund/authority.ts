import type { VerifiedEvent } from '../log/signed-event';
import { OK, no, type Rule, type Verdict } from '../events/kernel/verdict';
import { authorityDate } from '../events/kernel/authority-date';
import type { FederationState } from '../events/state';
import type { ForbundEventType, ForbundPayload } from './events';
import type { BoardAssignment } from './model';
import { ordningProblem } from './ordning';
import { isDirector } from './selectors';

/**
 * Who may change the förbund, its members, people, keys and shared documents.
 * Which key signed an event, and whether that key is accepted and belongs to
 * the author, is checked before these rules by events/keys.ts, for every type
 * except the two that announce a key.
 */

/** Roster and set-up changes: only a person who is förbundschef at that point. */
export function directorOnly(state: FederationState, event: VerifiedEvent, what: string): Verdict {
  if (isDirector(state, event.body.author)) return OK;
  const p = state.persons[event.body.author];
  return no(p ? `${p.name} är inte förbundschef och får inte ${what}.` : `Författaren finns inte i förbundets register och får inte ${what}.`);
}

export const isNewId = (state: FederationState, id: string): boolean =>
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

/** One rule per event type; the mapped type makes a missing rule a compile error. */
export const FORBUND_AUTHORITY: { [T in ForbundEventType]: Rule<FederationState, ForbundPayload<T>> } = {
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
};
