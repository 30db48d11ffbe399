import { FORBUND_FIELD_LABELS } from '../forbund/events';
import { CATALOGUE, type EventType } from './catalogue';
import { newWorking as newKernelWorking, type Working as KernelWorking, type Words } from './kernel/history';
import type { FederationState } from './state';

/** The Working state of this app's registry: the kernel's, over the composed FederationState. */
export type Working = KernelWorking<FederationState>;

/** Field names as the history screen says them (a field not listed shows its own name). Features with fields of their own add theirs here. */
const FIELD_LABEL: Record<string, string> = { ...FORBUND_FIELD_LABELS };

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
