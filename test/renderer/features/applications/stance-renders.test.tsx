import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { memo, type ComponentType, type FunctionComponent } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StateView } from '../../../../shared/contract';
import type * as AppFrameModule from '../../../../renderer/src/frame/AppFrame';
import type * as BudgetViewModule from '../../../../renderer/src/features/applications/BudgetView';
import type * as MyNotesModule from '../../../../renderer/src/features/applications/MyNotes';
import type * as OverviewModule from '../../../../renderer/src/features/overview/OverviewScreen';
import type * as MyDeviceModule from '../../../../renderer/src/features/overview/MyDevice';
import { useFederationStore } from '../../../../renderer/src/state/federation-store';
import { App } from '../../../../renderer/src/App';
import { go } from '../../../../renderer/src/routes/router';
import { APP_A, DIRECTOR, FK, KOMMUN, DIRECTOR_KEY, MEMBER, MEMBER_KEY, applicationInput, fakeMain, genesis, kommunAdded, memberKeyRegistered, resetStores, session, stored, viewOf } from '../../fixtures';

/**
 * Issue #16: the cost of an action does not grow with the history. Saving a
 * stance must re-render what shows it (the stance form, the header's unsent
 * count), not the frame, the ansökan's budget or the notes beside it: every
 * extra render is React work and, for the notes' autosizing text area, a
 * forced layout of the whole page.
 */

const renders: Record<string, number> = {};

/** The component, counting its renders (a memo stays a memo with the same comparison). */
function counted<P extends object>(name: string, component: ComponentType<P>): ComponentType<P> {
  const m = component as unknown as { $$typeof?: symbol; type?: FunctionComponent<P>; compare?: (a: P, b: P) => boolean };
  const inner = (m.$$typeof === Symbol.for('react.memo') ? m.type : component) as FunctionComponent<P>;
  const counting = (props: P) => {
    renders[name] = (renders[name] ?? 0) + 1;
    return inner(props);
  };
  return m.$$typeof === Symbol.for('react.memo') ? memo(counting, m.compare ?? undefined) : counting;
}

vi.mock('../../../../renderer/src/frame/AppFrame', async (original) => {
  const m = await original<typeof AppFrameModule>();
  return { ...m, AppFrame: counted('frame', m.AppFrame) };
});
vi.mock('../../../../renderer/src/features/applications/BudgetView', async (original) => {
  const m = await original<typeof BudgetViewModule>();
  return { ...m, BudgetView: counted('budget', m.BudgetView) };
});
vi.mock('../../../../renderer/src/features/applications/MyNotes', async (original) => {
  const m = await original<typeof MyNotesModule>();
  return { ...m, MyNotes: counted('notes', m.MyNotes) };
});
vi.mock('../../../../renderer/src/features/overview/OverviewScreen', async (original) => {
  const m = await original<typeof OverviewModule>();
  return { ...m, OverviewScreen: counted('overview', m.OverviewScreen) };
});
vi.mock('../../../../renderer/src/features/overview/MyDevice', async (original) => {
  const m = await original<typeof MyDeviceModule>();
  return { ...m, MyDevice: counted('device', m.MyDevice) };
});
// pdf.js needs a real browser (DOMMatrix); this test never opens a PDF.
vi.mock('../../../../renderer/src/components/pdf/PdfViewer', () => ({ PdfViewer: () => null }));


const fromDirector = (seq: number, type: string, payload: Record<string, unknown>) => stored(seq, { author: DIRECTOR.id, key: DIRECTOR_KEY, lamport: seq, type, payload, prev: [] });

const application = applicationInput({ goals: [] });

const memberSession = (unsent = 0) =>
  session({ device: { fingerprint: MEMBER_KEY, shortCode: 'ORJN-0000-1111-2222', deviceName: 'Örjans laptop', personId: MEMBER.id }, sync: { unsent, unconfirmed: 0, lastImport: null, lastExport: null } });

beforeEach(() => {
  localStorage.clear();
  resetStores();
  notifications.clean();
  go('applications');
  for (const k of Object.keys(renders)) delete renders[k];
});
afterEach(() => {
  delete (window as unknown as { styrelsebordet?: unknown }).styrelsebordet;
});

const OTHER = '00000000-0000-4000-8000-000000000003';

function forbundLog() {
  return [
    genesis(1),
    kommunAdded(2),
    fromDirector(3, 'organisation.added', { id: FK, name: 'Försäkringskassan', kind: 'socialInsuranceAgency' }),
    fromDirector(4, 'person.added', { ...MEMBER, organisationId: KOMMUN, assignments: [{ role: 'member', organisationId: KOMMUN, from: '2023-01-01', to: '2099-12-31' }] }),
    memberKeyRegistered(5, 5),
    fromDirector(6, 'key.accepted', { fingerprint: MEMBER_KEY }),
    fromDirector(7, 'application.registered', application),
  ];
}

describe('saving a stance', () => {
  it('re-renders the stance form, not the frame, the budget or the notes beside it', async () => {
    const m = fakeMain(forbundLog());
    let mine = 0;
    m.handlers['session.get'] = () => memberSession(mine);
    m.handlers['log.append'] = (input: never) => {
      const { type, payload, prev } = input as { type: string; payload: Record<string, unknown>; prev: string[] };
      const e = stored(m.log.length + 1, { author: MEMBER.id, key: MEMBER_KEY, lamport: m.log.length + 1, type, payload, prev });
      m.log.push(e);
      mine++;
      return e;
    };
    // As the main side answers (electron/services/sync/state-view.ts): everything once, then only the ansökan a stance touched.
    m.handlers['state.get'] = ({ since }: { since: string | null }) => {
      const revision = String(m.log.length);
      if (since === revision) return { revision, view: null };
      const full = JSON.parse(JSON.stringify(viewOf(m.log, memberSession(mine)))) as StateView;
      if (since === null) return { revision, view: full };
      return { revision, view: { ...full, complete: false, state: {}, items: { applications: { changed: { [APP_A]: full.state.applications[APP_A] }, ids: Object.keys(full.state.applications) } } } };
    };
    (window as unknown as { styrelsebordet: unknown }).styrelsebordet = m.bridge;

    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ökad hälsa för unga i Åhus' }));
    await screen.findByRole('heading', { level: 1, name: 'Ökad hälsa för unga i Åhus' });
    const notes = await screen.findByLabelText(/Mina anteckningar/);
    await waitFor(() => expect((notes as HTMLTextAreaElement).disabled).toBe(false));
    const before = { ...renders };
    expect(before['frame']).toBeGreaterThan(0);
    expect(before['budget']).toBeGreaterThan(0);

    fireEvent.click(screen.getByRole('radio', { name: 'Tillstyrker' }));
    fireEvent.click(screen.getByRole('button', { name: 'Spara ställningstagande' }));
    // The stance shows, and the header counts it as unsent.
    await screen.findByText(/Senast sparat .*: Tillstyrker/);
    await waitFor(() => expect(screen.getByTestId('sync-state').textContent).toBe('1 ändring väntar på att skickas'));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Spara ställningstagande' }).hasAttribute('data-loading')).toBe(false));

    expect({ frame: renders['frame'], budget: renders['budget'], notes: renders['notes'] }).toEqual({ frame: before['frame'], budget: before['budget'], notes: before['notes'] });
  });

  it('another member’s stance arriving leaves Översikt as it is: neither the screen nor the device panel renders again', async () => {
    go('overview');
    const m = fakeMain(forbundLog());
    m.handlers['session.get'] = () => memberSession();
    (window as unknown as { styrelsebordet: unknown }).styrelsebordet = m.bridge;
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Översikt' });
    await screen.findByText(/Den här datorns nyckel/);
    // Settled: the read markers have loaded (the ansökan is listed as left to review).
    await screen.findByText(/Kvar att granska: 1 ansökan/);
    const before = { ...renders };
    expect(before['overview']).toBeGreaterThan(0);

    // What the main side sends when a package brings another member's stance: that ansökan, changed.
    const held = useFederationStore.getState().state.applications[APP_A]!;
    const changed = JSON.parse(JSON.stringify({ ...held, stances: { [OTHER]: { stance: 'support', comment: null, setAt: '2026-03-14T10:00:00.000Z', eventId: 'e' } } })) as unknown;
    const answer = { revision: 'r-other', view: { complete: false, state: {}, items: { applications: { changed: { [APP_A]: changed }, ids: [APP_A] } }, pending: [], eventCount: 8, eventsByKey: {} } } as unknown as Awaited<ReturnType<Parameters<ReturnType<typeof useFederationStore.getState>['pull']>[0]['state.get']>>;
    await act(() => useFederationStore.getState().pull({ 'state.get': async () => answer }));
    expect(useFederationStore.getState().state.applications[APP_A]!.stances[OTHER]?.stance).toBe('support');
    expect({ overview: renders['overview'], device: renders['device'] }).toEqual({ overview: before['overview'], device: before['device'] });
  });
});
