import { z } from 'zod';

/** The app lock (electron/services/lock): the only calls answered while the app is locked, with app.info. */
const LockStatus = z.object({
  configured: z.boolean(),
  locked: z.boolean(),
  retryAfterSeconds: z.number().int().min(0),
  idleMinutes: z.number().int().min(1).max(240),
  demo: z.boolean(),
});
export type LockStatus = z.infer<typeof LockStatus>;

/** A PIN or passphrase: at least 6 characters, at most 200. */
const Pin = z.string().min(6).max(200);

export const lockContract = {
  'lock.status': { input: z.object({}).strict(), output: LockStatus },
  /** Chooses the PIN once, right after set-up; refused when one exists. */
  'lock.setup': { input: z.object({ pin: Pin, idleMinutes: z.number().int().min(1).max(240) }).strict(), output: LockStatus },
  'lock.unlock': { input: z.object({ pin: z.string().min(1).max(200) }).strict(), output: LockStatus },
  'lock.lock': { input: z.object({}).strict(), output: LockStatus },
} as const;

/** Calls answered while locked. */
export const OPEN_WHILE_LOCKED: ReadonlySet<string> = new Set(['app.info', 'lock.status', 'lock.setup', 'lock.unlock', 'lock.lock']);
/** Background calls that do not count as the person being active. */
export const BACKGROUND_CALLS: ReadonlySet<string> = new Set(['lock.status', 'packages.nextOpened', 'packages.progress']);
