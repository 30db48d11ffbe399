import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shortCode } from '../../shared/domain/log/signed-event';
import { App } from '../../renderer/src/App';
import { db } from '../../renderer/src/db/database';
import { appendEvent, refreshAll } from '../../renderer/src/state/actions';
import { useFederationStore } from '../../renderer/src/state/federation-store';
import { useLockStore } from '../../renderer/src/state/lock-store';
import { useSessionStore } from '../../renderer/src/state/session-store';
import { go } from '../../renderer/src/routes/router';
import { DIRECTOR_KEY, KOMMUN, MEMBER, MEMBER_KEY, fakeMain, genesis, kommunAdded, memberAdded, memberKeyRegistered, resetStores, session, stored } from './fixtures';

// pdf.js needs a real browser (DOMMatrix); these tests never open a PDF.
vi.mock('../../renderer/src/components/pdf/PdfViewer', () => ({ PdfViewer: () => null }));

type Main = ReturnType<typeof fakeMain>;
let main: Main;

function install(m: Main) {
  main = m;
  (window as unknown as { styrelsebordet: unknown }).styrelsebordet = m.bridge;
}

beforeEach(async () => {
  resetStores();
  notifications.clean();
  go('overview');
});
afterEach(() => {
  delete (window as unknown as { styrelsebordet?: unknown }).styrelsebordet;
});

describe('pulling the state after actions', () => {
  it('refreshAll takes the session and the main side’s state; log.append is followed by a pull; the renderer keeps no log', async () => {
    install(fakeMain([genesis(1)]));
    await refreshAll();
    expect(useSessionStore.getState().session?.forbund?.name).toBe('Samordningsförbundet Östra Skåne');
    expect(useFederationStore.getState().state.federation?.name).toBe('Samordningsförbundet Östra Skåne');
    expect(useFederationStore.getState().eventCount).toBe(1);

    main.handlers['log.append'] = () => {
      const e = kommunAdded(2);
      main.log.push(e);
      return e;
    };
    await appendEvent('organisation.added', { id: KOMMUN, name: 'Simrishamns kommun', kind: 'municipality' }, []);
    expect(main.calls.find((c) => c.method === 'log.append')?.input).toEqual({
      type: 'organisation.added',
      payload: { id: KOMMUN, name: 'Simrishamns kommun', kind: 'municipality' },
      prev: [],
    });
    expect(useFederationStore.getState().state.organisations[KOMMUN]?.name).toBe('Simrishamns kommun');
    // The second pull names the revision it holds; nothing asks for the log, and no copy of it is kept.
    const asked = main.calls.filter((c) => c.method === 'state.get').map((c) => (c.input as { since: string | null }).since);
    expect(asked[0]).toBeNull();
    expect(asked[1]).toMatch(/^1:/);
    expect(main.calls.some((c) => c.method === 'log.list')).toBe(false);
    expect(db.tables.map((t) => t.name)).not.toContain('events');
    // Asked again with nothing new: the main side answers "unchanged" and the state object stays the same.
    const before = useFederationStore.getState().state;
    await refreshAll();
    expect(useFederationStore.getState().state).toBe(before);
  });

  it('a refusal from the main side reaches the caller as its Swedish message', async () => {
    install(fakeMain([genesis(1)]));
    main.handlers['log.append'] = () => {
      throw new Error('Örjan Lind är inte förbundschef och får inte lägga till förbundsmedlemmar.');
    };
    await expect(appendEvent('organisation.added', { id: KOMMUN, name: 'X', kind: 'municipality' }, [])).rejects.toThrow(/inte förbundschef/);
  });
});

describe('first run', () => {
  it('offers three ways in and checks the organisationsnummer inline before creating the förbund', async () => {
    const m = fakeMain();
    m.handlers['session.get'] = () => session({ device: null, forbund: null });
    m.handlers['forbund.create'] = (input: never) => {
      m.log.push(genesis(1));
      m.handlers['session.get'] = () => session();
      return { ...session(), input };
    };
    install(m);
    render(<App />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Välkommen till Styrelsebordet' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Importera en inbjudan' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Utforska ett demoförbund' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sätt upp ett nytt förbund' }));

    fireEvent.change(screen.getByLabelText(/Förbundets namn/), { target: { value: 'Samordningsförbundet Östra Skåne' } });
    const orgNr = screen.getByLabelText(/Organisationsnummer/);
    fireEvent.change(orgNr, { target: { value: '2021005449' } });
    fireEvent.blur(orgNr);
    expect(await screen.findByText('Kontrollsiffran stämmer inte. Kontrollera organisationsnumret.')).toBeTruthy();
    fireEvent.change(orgNr, { target: { value: '2021005448' } });
    fireEvent.change(screen.getByLabelText(/Ditt namn/), { target: { value: 'Åsa Ek-Ström' } });
    fireEvent.change(screen.getByLabelText(/Din e-post/), { target: { value: 'asa@example.se' } });
    fireEvent.click(screen.getByRole('button', { name: 'Skapa förbundet' }));

    await waitFor(() => expect(m.calls.some((c) => c.method === 'forbund.create')).toBe(true));
    expect(m.calls.find((c) => c.method === 'forbund.create')?.input).toEqual({
      name: 'Samordningsförbundet Östra Skåne',
      orgNr: '202100-5448',
      director: { name: 'Åsa Ek-Ström', email: 'asa@example.se' },
    });
    // The app opens on Översikt with the förbund's name in the header.
    expect(await screen.findByRole('heading', { level: 1, name: 'Översikt' })).toBeTruthy();
    expect((await screen.findByTestId('forbund-name')).textContent).toBe('Samordningsförbundet Östra Skåne');
  });
});

describe('the förbundschef accepts a key', () => {
  it('shows the pending key on Översikt and confirms with the key code before signing', async () => {
    const m = fakeMain([genesis(1), kommunAdded(2), memberAdded(3), memberKeyRegistered(4)]);
    m.handlers['log.append'] = (input: never) => {
      const { type, payload, prev } = input as { type: string; payload: Record<string, unknown>; prev: string[] };
      const e = stored(5, { author: session().device!.personId, key: DIRECTOR_KEY, lamport: 5, type, payload, prev });
      m.log.push(e);
      return e;
    };
    install(m);
    render(<App />);

    const section = await screen.findByRole('region', { name: 'Nycklar som väntar på ditt godkännande' });
    fireEvent.click(within(section).getByRole('button', { name: `Godkänn nyckel för ${MEMBER.name}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Godkänn nyckeln?' });
    // Exactly which key: the member's code, and the director's own key that will sign.
    expect(within(dialog).getAllByTestId('short-code').map((e) => e.textContent)).toEqual([shortCode(MEMBER_KEY), session().device!.shortCode]);
    expect(within(dialog).getByText(/Örjans laptop/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Godkänn nyckeln' }));

    await waitFor(() => expect(m.calls.some((c) => c.method === 'log.append')).toBe(true));
    const sent = m.calls.find((c) => c.method === 'log.append')?.input as { type: string; prev: string[] };
    expect(sent.type).toBe('key.accepted');
    // prev names the key's current version (its registration), so this is not a blind change.
    expect(sent.prev).toEqual([memberKeyRegistered(4).id]);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Nycklar som väntar på ditt godkännande' })).toBeNull());
  });
});

describe('the app lock', () => {
  it('forgets the förbund in the window when the app locks, and reads it again after unlocking', async () => {
    const m = fakeMain([genesis(1), kommunAdded(2)]);
    let locked = false;
    const status = () => ({ configured: true, locked, demo: false, idleMinutes: 10, retryAfterSeconds: 0 });
    m.handlers['lock.status'] = () => status();
    m.handlers['lock.unlock'] = () => ((locked = false), status());
    install(m);
    render(<App />);
    await waitFor(() => expect(useFederationStore.getState().state.organisations[KOMMUN]?.name).toBe('Simrishamns kommun'));

    // The main side answers a call with `locked` (idle time passed): the lock screen, and nothing kept in memory.
    locked = true;
    useLockStore.getState().markLocked();
    await screen.findByRole('button', { name: 'Lås upp' });
    expect(useFederationStore.getState().state.federation).toBeNull();
    expect(useFederationStore.getState().state.organisations).toEqual({});

    fireEvent.change(screen.getByLabelText('PIN-kod'), { target: { value: '482916' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lås upp' }));
    await waitFor(() => expect(useFederationStore.getState().state.organisations[KOMMUN]?.name).toBe('Simrishamns kommun'));
  });
});
