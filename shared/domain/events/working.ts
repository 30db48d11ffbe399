import { CATALOGUE, type EventType } from './catalogue';
import { newWorking as newKernelWorking, type Working as KernelWorking, type Words } from './kernel/history';
import type { FederationState } from './state';

/** The Working state of this app's registry: the kernel's, over the composed FederationState. */
export type Working = KernelWorking<FederationState>;

/** Field names as the history screen says them (a field not listed shows its own name). */
const FIELD_LABEL: Record<string, string> = {
  name: 'namn',
  email: 'e-post',
  orgNr: 'organisationsnummer',
  kind: 'typ av medlem',
  organisationId: 'företrädd organisation',
  staffRole: 'tjänsteroll',
  assignments: 'styrelseuppdrag',
  contributions: 'bidrag',
  status: 'nyckelns status',
  personId: 'person',
  publicKeyPem: 'publik nyckel',
  deviceName: 'enhetens namn',
  fingerprint: 'fingeravtryck',
  registeredBy: 'registrerad genom händelse',
  decidedBy: 'beslutad genom händelse',
  genesisEvent: 'första händelse',
  genesisKey: 'första nyckel',
  seats: 'antal ledamöter enligt förbundsordningen',
  qualifiedMajority: 'kvalificerad majoritet enligt förbundsordningen',
  groupDelegates: 'grupper som får vara delegat',
  ordningReference: 'hänvisning till förbundsordningen',
};

export const WORDS: Words = {
  eventLabel: (type) => CATALOGUE[type as EventType]?.label ?? type,
  fieldLabel: (path) => {
    const [head = '', year] = path.split('.', 2);
    if (head === 'contributions' && year) return `bidrag ${year}`;
    return FIELD_LABEL[head] ?? head;
  },
};

export function newWorking(state: FederationState): Working {
  return newKernelWorking(state, WORDS);
}
