import {
  METHODS,
  decodeWire,
  encodeWire,
  type Api,
  type Envelope,
  type ErrorCode,
  type Method,
  type WireError,
} from '../../../shared/contract';

/** An error the main side answered with; `message` is Swedish and fit to show. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'offline',
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Sends one call and returns the envelope; Electron's preload or HTTP to the browser host. */
export type Transport = (method: Method, input: unknown) => Promise<Envelope<unknown>>;

export function bridgeTransport(bridge: NonNullable<Window['styrelsebordet']>): Transport {
  return (method, input) => bridge[method](input) as Promise<Envelope<unknown>>;
}

export function httpTransport(token: string, fetchImpl: typeof fetch = fetch): Transport {
  return async (method, input) => {
    let response: Response;
    try {
      response = await fetchImpl(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: encodeWire(input ?? {}),
      });
    } catch {
      return fail('offline', 'Kontakten med Styrelsebordets värd bröts. Starta om programmet.');
    }
    if (response.status === 401) return fail('forbidden', 'Sidan saknar behörighet. Öppna adressen som värden skrev ut.');
    try {
      return decodeWire(await response.text()) as Envelope<unknown>;
    } catch {
      return fail('internal', 'Värden gav ett oläsligt svar.');
    }
  };
}

function fail(code: ApiError['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } as WireError };
}

let lockedListener: (() => void) | null = null;
/** Called when the main side refuses a call because the app is locked (the lock screen takes over). */
export function setLockedListener(listener: (() => void) | null): void {
  lockedListener = listener;
}

/** Builds the typed API the screens use; they never know which transport is underneath. */
export function createApi(transport: Transport): Api {
  const api = {} as Record<Method, (input: unknown) => Promise<unknown>>;
  for (const method of METHODS) {
    api[method] = async (input) => {
      const envelope = await transport(method, input);
      if (envelope.ok) return envelope.value;
      if (envelope.error.code === 'locked' && !method.startsWith('lock.')) lockedListener?.();
      throw new ApiError(envelope.error.code, envelope.error.message);
    };
  }
  return api as unknown as Api;
}

/** The browser host's token, from the address the host printed. */
export function hostToken(win: Window = window): string {
  return new URLSearchParams(win.location.search).get('token') ?? '';
}

/** The transport for where the renderer runs: the preload bridge in Electron, else the host's token from the address. */
export function detectTransport(win: Window = window): Transport {
  if (win.styrelsebordet) return bridgeTransport(win.styrelsebordet);
  return httpTransport(hostToken(win));
}

export const api: Api = createApi((method, input) => detectTransport()(method, input));

/** A message fit for the user, whatever was thrown. */
export function userMessage(err: unknown): string {
  return err instanceof ApiError ? err.message : 'Något gick fel. Försök igen.';
}
