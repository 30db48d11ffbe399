/**
 * Errors that cross the contract. The message is always Swedish and meant for
 * the user; the code is stable and meant for code and tests.
 */
export const ERROR_CODES = [
  'bad_request', // arguments failed the contract
  'bad_response', // the main side produced something the contract does not allow (a bug)
  'forbidden', // the caller is not allowed (wrong frame, missing token)
  'not_found',
  'invalid_file', // a file the user chose cannot be used (not a PDF, empty, encrypted, corrupt)
  'too_large',
  'locked', // the app lock is closed (or a wrong PIN): unlock first
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface WireError {
  code: ErrorCode;
  message: string;
}

/** Thrown by services; turned into a `WireError` by the dispatcher. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: WireError };
