/**
 * The shape of what the preload exposes on `window.styrelsebordet`.
 *
 * Type-only on purpose: the preload checks its object against `Bridge` with
 * `satisfies`, so adding or removing a method in METHODS without updating the
 * preload is a compile error. Inputs are `unknown` here because the main side
 * validates every call against the contract anyway; the renderer's typed API
 * client sits on top and unwraps the envelopes.
 */
import type { Envelope } from './errors';
import type { Method } from './methods';

export type Bridge = {
  readonly [M in Method]: (input: unknown) => Promise<Envelope<unknown>>;
};

declare global {
  interface Window {
    /** Present only inside the Electron window; the browser host uses HTTP instead. */
    styrelsebordet?: Bridge;
  }
}
