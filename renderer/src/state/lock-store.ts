import { create } from 'zustand';
import type { Api, LockStatus } from '../../../shared/contract';
import { userMessage } from '../api/client';

/**
 * The app lock as the main side reports it (`lock.status`). The main side
 * enforces the lock; this store only decides which screen to show: the lock
 * screen while locked, the PIN choice right after set-up, else the app.
 */
interface LockStore {
  status: LockStatus | null;
  error: string | null;
  load(api: Pick<Api, 'lock.status'>): Promise<LockStatus | null>;
  set(status: LockStatus): void;
  /** The main side answered a call with `locked`: show the lock screen. */
  markLocked(): void;
}

export const useLockStore = create<LockStore>((set) => ({
  status: null,
  error: null,
  load: async (api) => {
    try {
      const status = await api['lock.status']({});
      set({ status, error: null });
      return status;
    } catch (err) {
      set({ error: userMessage(err) });
      return null;
    }
  },
  set: (status) => set({ status, error: null }),
  markLocked: () => set((s) => (s.status && s.status.configured ? { status: { ...s.status, locked: true } } : s)),
}));
