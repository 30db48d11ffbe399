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

// findBy… waits on state, not time; a busy shared machine needs more than the default second for a fold and a render.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  // The app mirrors where it is to the address (#/ansokningar/…); each test starts from a fresh one, as a new window would.
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
});
