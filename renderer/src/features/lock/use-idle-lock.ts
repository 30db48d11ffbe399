import { useEffect } from 'react';
import { api } from '../../api/client';
import { useLockStore } from '../../state/lock-store';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks the app after `idleMinutes` without a key press, click or scroll
 * (the main side also locks on its own after the same time without calls).
 */
export function useIdleLock(idleMinutes: number | null): void {
  useEffect(() => {
    if (idleMinutes === null) return;
    let timer: ReturnType<typeof setTimeout>;
    const lockNow = () => {
      void api['lock.lock']({}).then(
        (status) => useLockStore.getState().set(status),
        () => useLockStore.getState().markLocked(),
      );
    };
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(lockNow, idleMinutes * 60_000);
    };
    restart();
    for (const type of ACTIVITY) window.addEventListener(type, restart, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, restart, { capture: true });
    };
  }, [idleMinutes]);
}
