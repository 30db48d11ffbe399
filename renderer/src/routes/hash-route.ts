import { useEffect } from 'react';
import { useUi, type Section } from './ui-store';

/**
 * Where the user is, in the address: `#/ansokningar/<id>`, `#/sammantraden`,
 * `#/protokoll/<id>` … so Back, Forward and reload work (issue #15 item 15).
 * The store stays the source of truth; this only mirrors it to the history
 * and, on Back/Forward or a reload, sets it from the address.
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
const ID = /^[0-9a-f-]{8,64}$/i;

export interface Route {
  section: Section;
  id: string | null;
}

type UiSnapshot = Pick<ReturnType<typeof useUi.getState>, 'section' | 'meeting' | 'minutesMeetingId' | 'applicationOpen'>;

/** The address of what the store shows. */
export function routeOf(ui: UiSnapshot): string {
  const id =
    ui.section === 'meetings' ? (ui.meeting?.mode === 'view' ? ui.meeting.id : null) : ui.section === 'protokoll' ? ui.minutesMeetingId : ui.section === 'applications' ? ui.applicationOpen : null;
  return `#/${SLUG[ui.section]}${id ? `/${id}` : ''}`;
}

/** The route an address names; null for anything else (e.g. the skip link's #innehall). */
export function parseRoute(hash: string): Route | null {
  const m = /^#\/([a-z]+)(?:\/([^/]+))?$/.exec(hash);
  if (!m) return null;
  const section = BY_SLUG.get(m[1]!);
  if (!section) return null;
  const id = m[2] && ID.test(m[2]) ? m[2] : null;
  return { section, id };
}

/** Sets the store to a route. */
export function applyRoute(r: Route): void {
  const ui = useUi.getState();
  if (r.section === 'meetings') ui.openMeeting(r.id);
  else if (r.section === 'protokoll') {
    ui.go('protokoll');
    if (r.id) ui.minutesFor(r.id);
  } else if (r.section === 'applications') {
    ui.go('applications');
    if (r.id) ui.openApplication(r.id);
  } else ui.go(r.section);
}

/**
 * Mirrors the store to the address and back. `remount` starts the section
 * afresh (a screen that keeps its own page state reads the store again).
 */
export function useHashRoute(remount: () => void): void {
  useEffect(() => {
    // While the store is set from the address, its intermediate steps are not new history entries.
    let applying = false;
    const follow = (r: Route) => {
      applying = true;
      try {
        applyRoute(r);
      } finally {
        applying = false;
      }
      remount();
    };
    const initial = parseRoute(window.location.hash);
    if (initial) follow(initial);
    window.history.replaceState(window.history.state, '', routeOf(useUi.getState()));
    const unsubscribe = useUi.subscribe((ui) => {
      if (applying) return;
      const next = routeOf(ui);
      if (next !== window.location.hash) window.history.pushState(null, '', next);
    });
    const onPop = () => {
      const r = parseRoute(window.location.hash);
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
