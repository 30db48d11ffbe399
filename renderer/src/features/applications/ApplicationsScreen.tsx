import { memo, useEffect, useRef, useState } from 'react';
import { currentApplication, isDirector } from '../../../../shared/domain/events';
import { LoadingEvents } from '../../components/LoadingEvents';
import { useFederationReady, useFederationSelector, useMe } from '../../state/federation';
import { currentRoute, navigate } from '../../routes/router';
import { ApplicationList } from './ApplicationList';
import { ApplicationReview } from './ApplicationReview';
import { ApplicationForm } from './register/ApplicationForm';
import { RegisterButton } from './register/RegisterButton';

/** What the Ansökningar screen shows: the list, one review page, or the registration form (pages, not modals). */
type View = { kind: 'list' } | { kind: 'review'; id: string; justSaved?: boolean } | { kind: 'register' } | { kind: 'revise'; id: string };

/**
 * Ansökningar: the list, one application's review page opened from it, and the förbundschef's registration form.
 * Watches only what it decides on (issue #16); the page it shows watches the rest.
 */
export const ApplicationsScreen = memo(function ApplicationsScreen() {
  const ready = useFederationReady();
  const me = useMe();
  // The route names the ansökan to open (a link from Översikt, the address); the forms are this screen's own pages.
  const [view, setView] = useState<View>(() => {
    const route = currentRoute();
    return route.section === 'applications' && route.applicationId ? { kind: 'review', id: route.applicationId } : { kind: 'list' };
  });
  // The page shown goes to the route, and so to the address (Back returns to the list).
  const shownId = view.kind === 'review' || view.kind === 'revise' ? view.id : null;
  useEffect(() => {
    const route = currentRoute();
    if (route.section === 'applications' && route.applicationId !== shownId) navigate({ section: 'applications', applicationId: shownId });
  }, [shownId]);
  const rootRef = useRef<HTMLDivElement>(null);
  const firstRender = useRef(true);

  // Moving between pages: focus goes to the new page's heading.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    rootRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [view]);

  const director = useFederationSelector((s) => me !== null && isDirector(s, me));
  const openId = view.kind === 'list' || view.kind === 'register' ? null : view.id;
  const known = useFederationSelector((s) => openId !== null && s.applications[openId] !== undefined);
  const revising = useFederationSelector((s) => (view.kind === 'revise' ? currentApplication(s, view.id) : undefined));
  if (!ready) return <LoadingEvents title="Ansökningar" />;
  const list = () => setView({ kind: 'list' });
  const review = (id: string) => setView({ kind: 'review', id });
  // A just-signed ansökan may reach the folded state a moment after the save returns.
  const saved = (id: string) => setView({ kind: 'review', id, justSaved: true });
  let page;
  if (view.kind === 'register' && director) {
    page = <ApplicationForm current={null} onCancel={list} onSaved={saved} />;
  } else if (view.kind === 'revise' && director && revising) {
    page = <ApplicationForm key={view.id} current={revising} onCancel={() => review(view.id)} onSaved={saved} />;
  } else if ((view.kind === 'review' || view.kind === 'revise') && known) {
    page = <ApplicationReview applicationId={view.id} onBack={list} onRevise={director ? () => setView({ kind: 'revise', id: view.id }) : undefined} />;
  } else if (view.kind === 'review' && view.justSaved) {
    page = <LoadingEvents title="Ansökningar" />;
  } else {
    page = <ApplicationList onOpen={review} action={director ? <RegisterButton onClick={() => setView({ kind: 'register' })} /> : undefined} />;
  }
  return <div ref={rootRef}>{page}</div>;
});
