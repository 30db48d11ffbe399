import type { VerifiedEvent } from '../log/signed-event';
import { OK, no, type Rule, type Verdict } from '../events/kernel/verdict';
import { authorityDate } from '../events/kernel/authority-date';
import type { FederationState } from '../events/state';
import type { DelegationEventType, DelegationPayload } from './events';
import { decisionIssues, isInForce, orderIssues } from './rules';

/**
 * Who may record delegation events (events.ts says what each one is):
 *
 * - delegation.order.adopted: the förbundschef or secretary records the
 *   delegationsordning the board adopted (a § in a protokoll). A new order
 *   that names the one it replaces ends that one the day before its validFrom.
 * - delegation.baseamounts.set: the year's prisbasbelopp/basbelopp for an
 *   order, entered when a year's value was missing (a public figure from SCB,
 *   not a board decision, so it does not need a new order).
 * - delegation.decision.recorded: a delegationsbeslut, recorded by the
 *   decision maker themselves or by the förbundschef/secretary on their behalf.
 */

type Payload<T extends DelegationEventType> = DelegationPayload<T>;

/** Förbundschef or sekreterare: the staff who keep the board's registers. */
export function keepsRegisters(state: FederationState, personId: string): boolean {
  const role = state.persons[personId]?.staffRole;
  return role === 'director' || role === 'secretary';
}

function registrarOnly(state: FederationState, event: VerifiedEvent, what: string): Verdict {
  if (keepsRegisters(state, event.body.author)) return OK;
  const p = state.persons[event.body.author];
  return no(p ? `${p.name} är varken förbundschef eller sekreterare och får inte ${what}.` : `Författaren finns inte i förbundets register och får inte ${what}.`);
}

const idTaken = (state: FederationState, id: string): boolean =>
  Boolean(state.delegationOrders[id] || state.delegationDecisions[id] || state.persons[id] || state.organisations[id] || state.applications[id] || state.federation?.id === id);

function orderAdopted(state: FederationState, event: VerifiedEvent, p: Payload<'delegation.order.adopted'>): Verdict {
  const r = registrarOnly(state, event, 'registrera delegationsordningar');
  if (!r.ok) return r;
  if (idTaken(state, p.id)) return no('Det finns redan något med samma id.');
  const issues = orderIssues(state, p);
  if (issues.errors.length > 0) return no(issues.errors.join(' '));
  if (p.replaces) {
    const old = state.delegationOrders[p.replaces];
    if (!old) return no('Delegationsordningen som den nya ska ersätta finns inte.');
    if (old.replacedBy) return no(`Delegationsordningen antagen ${old.adoptedOn} är redan ersatt. Ange den som gäller nu.`);
    if (p.validFrom <= old.validFrom) return no(`Den nya delegationsordningen måste börja gälla efter den den ersätter (${old.validFrom}).`);
  }
  // Two orders in force on the same day would make "which point applies" ambiguous.
  const overlapping = Object.values(state.delegationOrders).find(
    (o) => o.id !== p.replaces && (isInForce(state, o, p.validFrom) || (o.validFrom >= p.validFrom && (p.validTo === null || o.validFrom <= p.validTo))),
  );
  if (overlapping) {
    return no(`Delegationsordningen antagen ${overlapping.adoptedOn} (${overlapping.adoptedBy}) gäller under samma tid. Ange att den nya ersätter den, eller ändra datumen.`);
  }
  return OK;
}

/** One rule per event type; the mapped type makes a missing rule a compile error. */
export const DELEGATION_AUTHORITY: { [T in DelegationEventType]: Rule<FederationState, Payload<T>> } = {
  'delegation.order.adopted': orderAdopted,
  'delegation.baseamounts.set': (state, event, p) => {
    const r = registrarOnly(state, event, 'ange prisbasbelopp i delegationsordningen');
    if (!r.ok) return r;
    return state.delegationOrders[p.orderId] ? OK : no('Delegationsordningen finns inte.');
  },
  'delegation.decision.recorded': (state, event, p) => {
    const author = event.body.author;
    if (author !== p.decidedBy && !keepsRegisters(state, author)) {
      const name = state.persons[author]?.name ?? 'Författaren';
      return no(`${name} får bara registrera egna delegationsbeslut; förbundschefen eller sekreteraren kan registrera åt andra.`);
    }
    if (idTaken(state, p.id)) return no('Det finns redan något med samma id.');
    if (p.date > authorityDate(event)) return no(`Beslutsdatumet ${p.date} har inte inträffat än. Registrera beslutet när det är fattat.`);
    const issues = decisionIssues(state, p);
    return issues.length === 0 ? OK : no(issues.join(' '));
  },
};

