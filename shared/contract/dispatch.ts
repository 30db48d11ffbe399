import { AppError, type Envelope, type WireError } from './errors';
import { isMethod, type Method } from './methods';
import { contract, type Handlers } from './schemas';

/**
 * Runs one call against the handlers, validating the arguments before and the
 * result after. Both transports (Electron IPC and the browser host) use this,
 * so the checks are the same on both. Never throws: failures become envelopes
 * with a Swedish message.
 */
export async function dispatch(
  handlers: Handlers,
  method: unknown,
  rawInput: unknown,
): Promise<Envelope<unknown>> {
  if (!isMethod(method)) {
    return fail('bad_request', 'Okänd begäran.');
  }
  const spec = contract[method];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return fail('bad_request', 'Begäran hade fel format och avvisades.');
  }
  let result: unknown;
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    result = await handler(parsed.data);
  } catch (err) {
    if (err instanceof AppError) return fail(err.code, err.message);
    // Unexpected: log on the main side, never leak a stack trace to the user.
    console.error(`[${method}]`, err);
    return fail('internal', 'Något gick fel i programmet. Försök igen; om felet kvarstår, starta om Styrelsebordet.');
  }
  const checked = spec.output.safeParse(result);
  if (!checked.success) {
    console.error(`[${method}] answer failed the contract`, checked.error.issues);
    return fail('bad_response', 'Programmet gav ett svar i fel format. Åtgärden avbröts.');
  }
  return { ok: true, value: checked.data };
}

function fail(code: WireError['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

/** Answer for a caller that is not allowed to call at all (wrong frame, no token). */
export const forbidden = (): Envelope<never> =>
  fail('forbidden', 'Anropet kom inte från Styrelsebordets eget fönster och avvisades.');

export type { Method };
