import { create } from 'zustand';
import type { Api, Session } from '../../../shared/contract';
import { userMessage } from '../api/client';

/**
 * The session as the main side reports it (`session.get`): which förbund this
 * installation belongs to, its device key and the sync counters. Refreshed
 * after every action, so the header and the start screen follow at once.
 */
interface SessionStore {
  session: Session | null;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  /** Asks the main side again. */
  load(api: Pick<Api, 'session.get'>): Promise<Session | null>;
  /** Takes a session an action already returned (forbund.create, demo.load, packages.apply). */
  set(session: Session): void;
}

export const useSessionStore = create<SessionStore>((set) => ({
  session: null,
  status: 'loading',
  error: null,
  load: async (api) => {
    try {
      const session = await api['session.get']({});
      set({ session, status: 'ready', error: null });
      return session;
    } catch (err) {
      set((s) => (s.session ? { error: userMessage(err) } : { status: 'error', error: userMessage(err) }));
      return null;
    }
  },
  set: (session) => set({ session, status: 'ready', error: null }),
}));

/** The current session; null only while the first `session.get` is on its way or failed. */
export const useSession = (): Session | null => useSessionStore((s) => s.session);
