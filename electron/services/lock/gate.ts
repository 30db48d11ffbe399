import { AppError } from '../../../shared/contract/errors';
import { BACKGROUND_CALLS, OPEN_WHILE_LOCKED } from '../../../shared/contract/lock-schemas';
import { METHODS, type Method } from '../../../shared/contract/methods';
import type { Handlers } from '../../../shared/contract/schemas';
import type { AppLock } from './app-lock';

/** What every call answers while the app is locked. */
export const LOCKED_MESSAGE = 'Styrelsebordet är låst. Lås upp med din PIN-kod.';

/**
 * Every handler behind the app lock: while locked, only app.info and the lock
 * calls are answered (the lock screen needs nothing else, and shows nothing
 * of the förbund). A call the person makes restarts the idle time; background
 * polls do not. Electron's IPC, the browser host and the CLI all get the
 * guarded handlers, so no transport can go around the lock.
 */
export function guardWithLock(handlers: Handlers, lock: AppLock): Handlers {
  const guarded = {} as Record<Method, (input: unknown) => Promise<unknown>>;
  for (const method of METHODS) {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    guarded[method] = async (input) => {
      if (!OPEN_WHILE_LOCKED.has(method) && lock.isLocked()) throw new AppError('locked', LOCKED_MESSAGE);
      if (!BACKGROUND_CALLS.has(method)) lock.touch();
      return handler(input);
    };
  }
  return guarded as unknown as Handlers;
}
