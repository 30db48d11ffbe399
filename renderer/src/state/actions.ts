import type { Session } from '../../../shared/contract';
import type { EventType, PayloadInput } from '../../../shared/domain/events';
import { api } from '../api/client';
import { useFederationStore } from './federation-store';
import { useSessionStore } from './session-store';

/**
 * The actions that change the förbund. Each goes through the main side (which
 * signs the event, or refuses with a Swedish message that the caller shows),
 * then pulls what is new: the session and the main side's state.
 */

let pulling: Promise<void> | null = null;
let again = false;

/** Pulls the session and the state. Calls made while one runs share one follow-up pull. */
export function refreshAll(): Promise<void> {
  if (pulling) {
    again = true;
    return pulling;
  }
  pulling = (async () => {
    do {
      again = false;
      const store = useSessionStore.getState();
      const session = await store.load(api);
      if (session && !session.forbund) useFederationStore.getState().clear();
      else if (session) await useFederationStore.getState().pull(api);
    } while (again);
  })().finally(() => {
    pulling = null;
  });
  return pulling;
}

/** Takes the session an action returned and pulls the state it made. */
export async function adoptSession(session: Session): Promise<void> {
  useSessionStore.getState().set(session);
  await refreshAll();
}

/**
 * Signs and stores one event through the main side. `prev` is what the author
 * saw of the item (headsOf); [] for a new item.
 */
export async function appendEvent<T extends EventType>(type: T, payload: PayloadInput<T>, prev: string[]): Promise<void> {
  try {
    await api['log.append']({ type, payload: payload as Record<string, unknown>, prev });
  } finally {
    // Even a refusal may follow a change elsewhere; the screen should show the latest.
    await refreshAll().catch(() => undefined);
  }
}
