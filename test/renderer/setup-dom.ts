import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom lacks these; Mantine reads them.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({ matches: false, media: query, onchange: null, addListener: () => {}, removeListener: () => {}, addEventListener: () => {}, removeEventListener: () => {}, dispatchEvent: () => false }) as MediaQueryList;
}
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver ??= NoopResizeObserver as unknown as typeof ResizeObserver;

// findBy… and waitFor wait on state; their default of one second is a timer
// that a busy CI machine outruns (a flake, not a failure). Thirty seconds only
// matters when the state never comes.
configure({ asyncUtilTimeout: 30_000 });

afterEach(() => {
  cleanup();
  // The app mirrors where it is to the address (#/ansokningar/…); each test starts from a fresh one, as a new window would.
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
});
