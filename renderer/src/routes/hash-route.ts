import { useEffect } from 'react';
import { openItemOf, withItem, type Route, type Section } from './route';
import { currentRoute, navigate, useRouter } from './router';

/**
 * Where the user is, in the address: `#/ansokningar/<id>`, `#/sammantraden`,
 * `#/protokoll/<id>` … so Back, Forward and reload work. The router holds the
 * route; this mirrors it to the history and, on Back/Forward or a reload,
 * sets it from the address.
 */

const SLUG: Record<Section, string> = {
  overview: 'oversikt',
  meetings: 'sammantraden',
  applications: 'ansokningar',
  protokoll: 'protokoll',
  delegations: 'delegationer',
  forbund: 'forbundet',
  packages: 'paket',
  documents: 'handlingar',
  about: 'om',
  verify: 'kontrollera',
};
const BY_SLUG = new Map(Object.entries(SLUG).map(([section, slug]) => [slug, section as Section]));
/** Our ids: UUIDs and SHA-256 in hex. Anything else in the address is dropped rather than passed on. */
const ID = /^[0-9a-f-]{8,64}$/i;

/** The address of a route. */
export function hashOf(route: Route): string {
  const id = openItemOf(route);
  return `#/${SLUG[route.section]}${id ? `/${id}` : ''}`;
}

/** The route an address names; null for anything else (e.g. the skip link's #innehall). */
export function parseHash(hash: string): Route | null {
  const m = /^#\/([a-z]+)(?:\/([^/]+))?$/.exec(hash);
  if (!m) return null;
  const section = BY_SLUG.get(m[1]!);
  if (!section) return null;
  const id = m[2] && ID.test(m[2]) ? m[2] : null;
  return withItem(section, id);
}

/**
 * Mirrors the route to the address and back. `remount` starts the section
 * afresh (a screen that keeps its own page state reads the route again).
 */
export function useHashRoute(remount: () => void): void {
  useEffect(() => {
    // While the route is set from the address, it is not a new history entry.
    let applying = false;
    const follow = (r: Route) => {
      applying = true;
      try {
        navigate(r);
      } finally {
        applying = false;
      }
      remount();
    };
    const initial = parseHash(window.location.hash);
    if (initial) follow(initial);
    window.history.replaceState(window.history.state, '', hashOf(currentRoute()));
    const unsubscribe = useRouter.subscribe(({ route }) => {
      if (applying) return;
      const next = hashOf(route);
      if (next !== window.location.hash) window.history.pushState(null, '', next);
    });
    const onPop = () => {
      const r = parseHash(window.location.hash);
      if (r) follow(r);
    };
    window.addEventListener('popstate', onPop);
    return () => {
      unsubscribe();
      window.removeEventListener('popstate', onPop);
    };
    // remount is stable for the frame's life (a state setter wrapper), so this runs once.
  }, []);
}
