import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredEvent } from '../../../../shared/contract';
import { App } from '../../../../renderer/src/App';
import { db } from '../../../../renderer/src/db/database';
import { go } from '../../../../renderer/src/routes/router';
import { APP_A, DIRECTOR, DIRECTOR_KEY, FK, KOMMUN, MEMBER, MEMBER_KEY, applicationInput, fakeMain, genesis, kommunAdded, memberKeyRegistered, session, stored, resetStores } from '../../fixtures';

// pdf.js needs a real browser (DOMMatrix); these tests never open a PDF.
vi.mock('../../../../renderer/src/components/pdf/PdfViewer', () => ({ PdfViewer: () => null }));

const APP_B = '00000000-0000-4000-8000-000000000a02';
const QUESTION = '00000000-0000-4000-8000-000000000b01';

const fromDirector = (seq: number, type: string, payload: Record<string, unknown>, prev: string[] = []) =>
  stored(seq, { author: DIRECTOR.id, key: DIRECTOR_KEY, lamport: seq, type, payload, prev });
const fromMember = (seq: number, type: string, payload: Record<string, unknown>, prev: string[] = []) =>
  stored(seq, { author: MEMBER.id, key: MEMBER_KEY, lamport: seq, type, payload, prev });

/** The förbund with two applications, a member with a seat (and an accepted key) and an insats budget. */
function baseLog(): StoredEvent[] {
  const g = genesis(1);
  return [
    g,
    kommunAdded(2),
    fromDirector(3, 'organisation.added', { id: FK, name: 'Försäkringskassan', kind: 'socialInsuranceAgency' }),
    fromDirector(4, 'person.added', {
      ...MEMBER,
      organisationId: KOMMUN,
      assignments: [{ role: 'member', organisationId: KOMMUN, from: '2023-01-01', to: '2099-12-31' }],
    }),
    memberKeyRegistered(5, 5),
    fromDirector(6, 'key.accepted', { fingerprint: MEMBER_KEY }),
    fromDirector(7, 'application.registered', applicationInput({})),
    fromDirector(
      8,
      'application.registered',
      applicationInput({ id: APP_B, registrationNumber: 'Dnr 2026/15', name: 'Arbetsträning i Simrishamn',
        background: 'Långtidsarbetslösa behöver träna i riktiga arbetsplatser.',
        purpose: 'Fler i arbete.',
        targetGroup: { ageFrom: 25, ageTo: 64, area: 'Simrishamn', participants: 20, description: '' },
        budget: [{ id: 'x', year: '2027', category: 'activities', description: '', fte: null, sought: 200_000, coFinancing: [], statedTotal: null }] }),
    ),
    fromDirector(9, 'budget.set', { amounts: { '2027': 1_000_000, '2028': 500_000 } }),
  ];
}

const memberSession = () =>
  session({ device: { fingerprint: MEMBER_KEY, shortCode: 'ORJN-0000-1111-2222', deviceName: 'Örjans laptop', personId: MEMBER.id } });

type Main = ReturnType<typeof fakeMain>;

function install(log: StoredEvent[], as: 'director' | 'member'): Main {
  const m = fakeMain(log);
  if (as === 'member') m.handlers['session.get'] = () => memberSession();
  const author = as === 'member' ? { author: MEMBER.id, key: MEMBER_KEY } : { author: DIRECTOR.id, key: DIRECTOR_KEY };
  m.handlers['log.append'] = (input: never) => {
    const { type, payload, prev } = input as { type: string; payload: Record<string, unknown>; prev: string[] };
    const seq = m.log.length + 1;
    const e = stored(seq, { ...author, lamport: seq, type, payload, prev });
    m.log.push(e);
    return e;
  };
  (window as unknown as { styrelsebordet: unknown }).styrelsebordet = m.bridge;
  return m;
}

const appendCalls = (m: Main) => m.calls.filter((c) => c.method === 'log.append').map((c) => c.input);

async function openApplication(name: string) {
  fireEvent.click(await screen.findByRole('button', { name }));
  return screen.findByRole('heading', { level: 1, name });
}

beforeEach(async () => {
  localStorage.clear();
  resetStores();
  notifications.clean();
  go('applications');
});
afterEach(() => {
  delete (window as unknown as { styrelsebordet?: unknown }).styrelsebordet;
});

describe('Ansökningar: the list', () => {
  it('lists the applications and searches as you type, with å ä ö', async () => {
    install(baseLog(), 'member');
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Ansökningar' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Ansökningar' });
    expect(within(table).getAllByTestId('application-row')).toHaveLength(2);
    const row = within(table).getAllByTestId('application-row').find((r) => r.textContent?.includes('Dnr 2026/14'))!;
    expect(row.textContent).toContain('1 234 500 kr');
    expect(row.textContent).toContain('2027-01-01 – 2028-12-31');
    expect(row.textContent).toContain('Simrishamns kommun, Försäkringskassan');
    expect(row.textContent).toContain('Att granska');

    const search = screen.getByLabelText(/Sök i ansökningar/);
    fireEvent.change(search, { target: { value: 'åhus' } });
    await waitFor(() => expect(screen.getAllByTestId('application-row')).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Ökad hälsa för unga i Åhus' })).toBeTruthy();

    fireEvent.change(search, { target: { value: 'hälsa' } });
    await waitFor(() => expect(screen.getAllByTestId('application-row')).toHaveLength(1));
    fireEvent.change(search, { target: { value: 'Arbetsträn' } });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Arbetsträning i Simrishamn' })).toBeTruthy());
    expect(screen.getAllByTestId('application-row')).toHaveLength(1);

    fireEvent.change(search, { target: { value: 'ingenting sådant' } });
    expect(await screen.findByText('Inga ansökningar matchar')).toBeTruthy();
  });

  it('filters by amount', async () => {
    install(baseLog(), 'member');
    render(<App />);
    await screen.findByRole('table', { name: 'Ansökningar' });
    fireEvent.change(screen.getByLabelText('Sökt belopp minst (kr)'), { target: { value: '1000000' } });
    await waitFor(() => expect(screen.getAllByTestId('application-row')).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Ökad hälsa för unga i Åhus' })).toBeTruthy();
  });

  it('explains the next step when there are no applications', async () => {
    install(baseLog().slice(0, 6), 'member');
    render(<App />);
    expect(await screen.findByText(/Ansökningar kommer i paket från förbundschefen/)).toBeTruthy();
  });
});

describe('Ansökningar: the review page', () => {
  it('shows the structured application and the budget with its sums, and goes back to the list', async () => {
    install(baseLog(), 'member');
    render(<App />);
    await openApplication('Ökad hälsa för unga i Åhus');
    expect(screen.getByRole('heading', { level: 2, name: 'Bakgrund och problembeskrivning' })).toBeTruthy();
    expect(screen.getByTestId('budget-sum-2027').textContent).toContain('634 500 kr');
    expect(screen.getByTestId('budget-sum-2027').textContent).toContain('100 000 kr');
    expect(screen.getByTestId('budget-sum-2027').textContent).toContain('734 500 kr');
    expect(screen.getByTestId('budget-sum-total').textContent).toContain('1 234 500 kr');
    expect(screen.getByTestId('budget-sum-total').textContent).toContain('1 334 500 kr');
    // 1 000 000 − 634 500 left in 2027; 2028 does not fit.
    expect(screen.getByTestId('remaining-2027').textContent).toContain('365 500 kr');
    expect(screen.getByTestId('remaining-2028').textContent).toContain('räcker inte');

    fireEvent.click(screen.getByRole('button', { name: 'Tillbaka till listan' }));
    expect(await screen.findByRole('table', { name: 'Ansökningar' })).toBeTruthy();
  });

  it('lists what changed in a new version', async () => {
    const log = baseLog();
    const revised = fromDirector(10, 'application.revised', applicationInput({ version: 2, name: 'Ökad hälsa för unga i Åhus och Kristianstad' }), [log[6]!.id]);
    install([...log, revised], 'member');
    render(<App />);
    await openApplication('Ökad hälsa för unga i Åhus och Kristianstad');
    const changes = screen.getByRole('region', { name: 'Vad ändrades' });
    expect(changes.textContent).toContain('Insatsens namn');
    expect(changes.textContent).toContain('”Ökad hälsa för unga i Åhus”');
  });

  it('opens an attachment beside the application, or says it is not on this laptop', async () => {
    const log = baseLog();
    const withAttachment = fromDirector(7, 'application.registered', applicationInput({ attachments: [{ sha256: 'a'.repeat(64), fileName: 'budget.pdf', title: 'Budgetbilaga', confidential: false, oslReference: null }] }));
    const m = install([...log.slice(0, 6), withAttachment, ...log.slice(7)], 'member');
    // The main side answers as it does for a file that has not arrived in a package yet.
    const bridge = m.bridge as Record<string, (input: unknown) => Promise<unknown>>;
    (window as unknown as { styrelsebordet: unknown }).styrelsebordet = new Proxy(bridge, {
      get: (target, method: string) =>
        method === 'attachments.read'
          ? async () => ({ ok: false, error: { code: 'not_found', message: 'Bilagan finns inte på den här datorn.' } })
          : target[method],
    });
    render(<App />);
    await openApplication('Ökad hälsa för unga i Åhus');
    fireEvent.click(screen.getByRole('button', { name: 'Visa bilagan Budgetbilaga' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Bilaga: Budgetbilaga' })).toBeTruthy();
    expect(await screen.findByText('Bilagan finns inte på den här datorn')).toBeTruthy();
  });
});

describe('Ansökningar: a member reviews', () => {
  it('sends the stance with the right payload', async () => {
    const m = install(baseLog(), 'member');
    render(<App />);
    await openApplication('Ökad hälsa för unga i Åhus');
    fireEvent.click(screen.getByRole('radio', { name: 'Tillstyrker' }));
    fireEvent.click(screen.getByRole('button', { name: 'Spara ställningstagande' }));
    await waitFor(() => expect(appendCalls(m)).toHaveLength(1));
    expect(appendCalls(m)[0]).toEqual({ type: 'stance.set', payload: { applicationId: APP_A, stance: 'support', comment: null }, prev: [m.log[6]!.id] });
  });

  it('sends a question to the förbundschef and keeps private notes on this laptop', async () => {
    const m = install(baseLog(), 'member');
    render(<App />);
    await openApplication('Ökad hälsa för unga i Åhus');
    fireEvent.change(screen.getByLabelText('Ny fråga till förbundschefen'), { target: { value: 'Hur många deltagare har ni i dag?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Skicka fråga' }));
    await waitFor(() => expect(appendCalls(m)).toHaveLength(1));
    const sent = appendCalls(m)[0] as { type: string; payload: { id: string; applicationId: string; text: string }; prev: string[] };
    expect(sent.type).toBe('question.asked');
    expect(sent.payload).toMatchObject({ applicationId: APP_A, text: 'Hur många deltagare har ni i dag?' });
    expect(sent.payload.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await screen.findByTestId('my-question')).toBeTruthy();

    // Private notes are kept by the main side (sealed at rest with a PIN), never in an event until shared, never in Dexie.
    const notes = await screen.findByLabelText(/Mina anteckningar/);
    await waitFor(() => expect((notes as HTMLTextAreaElement).disabled).toBe(false));
    fireEvent.change(notes, { target: { value: 'Fråga om lokalerna.' } });
    await waitFor(() => expect(m.notes.get(APP_A)).toBe('Fråga om lokalerna.'));
    expect(await db.notes.count()).toBe(0);
    expect(Object.values({ ...localStorage })).not.toContain('Fråga om lokalerna.');
    expect(appendCalls(m)).toHaveLength(1);

    // Sharing it is a signed note.shared, confirmed first; the note stays here.
    fireEvent.click(screen.getByRole('button', { name: 'Dela anteckningen med förbundschefen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Dela anteckningen med förbundschefen?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Dela anteckningen' }));
    await waitFor(() => expect(appendCalls(m)).toHaveLength(2));
    expect(appendCalls(m)[1]).toEqual({ type: 'note.shared', payload: { applicationId: APP_A, text: 'Fråga om lokalerna.' }, prev: [] });
    expect((await screen.findByTestId('note-shared-at')).textContent).toMatch(/^Delad med förbundschefen \d{4}-\d{2}-\d{2}\.$/);
  });

  it('declares jäv through the dialog', async () => {
    const m = install(baseLog(), 'member');
    render(<App />);
    await openApplication('Ökad hälsa för unga i Åhus');
    fireEvent.click(screen.getByRole('button', { name: 'Anmäl jäv' }));
    const dialog = await screen.findByRole('dialog', { name: 'Anmäl jäv' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Anmäl jäv' }));
    expect(await within(dialog).findByText('Välj en grund för jäv.')).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('combobox', { name: /Grund för jäv/ }), { target: { value: 'delicacy' } });
    expect(within(dialog).getByText(/KL 6 kap. 28 § första stycket 5/)).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/Beskriv varför du är jävig/), { target: { value: 'Jag sitter i styrgruppen.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Anmäl jäv' }));
    await waitFor(() => expect(appendCalls(m)).toHaveLength(1));
    expect(appendCalls(m)[0]).toEqual({ type: 'jav.declared', payload: { applicationId: APP_A, ground: 'delicacy', text: 'Jag sitter i styrgruppen.' }, prev: [m.log[6]!.id] });
    expect(await screen.findByText('Du har anmält jäv')).toBeTruthy();
  });

  it('a member who declared jäv sees it and is not asked for a stance', async () => {
    install([...baseLog(), fromMember(10, 'jav.declared', { applicationId: APP_A, ground: 'delicacy', text: 'Jag sitter i styrgruppen.' }, [])], 'member');
    render(<App />);
    await openApplication('Ökad hälsa för unga i Åhus');
    expect(screen.getByText('Du har anmält jäv')).toBeTruthy();
    expect(screen.getByText(/Jag sitter i styrgruppen/)).toBeTruthy();
    expect(screen.queryByRole('radio', { name: 'Tillstyrker' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Spara ställningstagande' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Anmäl jäv' })).toBeNull();
  });
});

describe('Ansökningar: the förbundschef', () => {
  it('sees the stances counted and answers an open question', async () => {
    const log = baseLog();
    const m = install(
      [
        ...log,
        fromMember(10, 'stance.set', { applicationId: APP_A, stance: 'support', comment: null }, [log[6]!.id]),
        fromMember(11, 'question.asked', { id: QUESTION, applicationId: APP_A, text: 'Vem äger lokalerna?' }),
      ],
      'director',
    );
    render(<App />);
    // The list shows the director the stances, not a status of their own.
    const row = (await screen.findAllByTestId('application-row')).find((r) => r.textContent?.includes('Dnr 2026/14'))!;
    expect(row.textContent).toContain('Tillstyrker 1');
    await openApplication('Ökad hälsa för unga i Åhus');
    expect(screen.getByTestId('stance-count-Tillstyrker').textContent).toBe('1');
    expect(screen.getByTestId('stance-count-Avstyrker').textContent).toBe('0');
    expect(screen.getByTestId('stance-count-Ej tagit ställning').textContent).toBe('0');

    const question = screen.getByRole('article', { name: `Fråga från ${MEMBER.name}` });
    expect(question.textContent).toContain('Vem äger lokalerna?');
    fireEvent.change(within(question).getByLabelText(`Svar till ${MEMBER.name}`), { target: { value: 'Kommunen.' } });
    fireEvent.click(within(question).getByRole('button', { name: 'Svara' }));
    await waitFor(() => expect(appendCalls(m)).toHaveLength(1));
    expect(appendCalls(m)[0]).toEqual({ type: 'question.answered', payload: { questionId: QUESTION, text: 'Kommunen.' }, prev: [m.log[10]!.id] });
    expect(await screen.findByRole('heading', { name: 'Besvarade frågor (1)' })).toBeTruthy();
  });
});
