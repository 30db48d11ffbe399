import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredEvent } from '../../../../shared/contract';
import { App } from '../../../../renderer/src/App';
import { go, openMeeting } from '../../../../renderer/src/routes/router';
import { DIRECTOR, DIRECTOR_KEY, FK, KOMMUN, MEMBER, MEMBER_KEY, applicationInput, fakeMain, genesis, kommunAdded, memberKeyRegistered, stored, resetStores } from '../../fixtures';

vi.mock('../../../../renderer/src/components/pdf/PdfViewer', () => ({ PdfViewer: () => null }));

const SUB1 = '00000000-0000-4000-8000-000000000003';
const SUB2 = '00000000-0000-4000-8000-000000000004';
const FK_MEMBER = '00000000-0000-4000-8000-000000000005';
const APP = '00000000-0000-4000-8000-000000000a01';
const MEETING = '00000000-0000-4000-8000-000000000c01';
const TERM = { from: '2023-01-01', to: '2099-12-31' };
const RECEIVED = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);

const fromDirector = (seq: number, type: string, payload: Record<string, unknown>, prev: string[] = []) =>
  stored(seq, { author: DIRECTOR.id, key: DIRECTOR_KEY, lamport: seq, type, payload, prev });
const fromMember = (seq: number, type: string, payload: Record<string, unknown>, prev: string[] = []) =>
  stored(seq, { author: MEMBER.id, key: MEMBER_KEY, lamport: seq, type, payload, prev });

const person = (id: string, name: string, organisationId: string, role: string, callingOrder?: number) => ({
  id,
  name,
  email: `${id.slice(-4)}@example.se`,
  organisationId,
  staffRole: null,
  assignments: [{ role, organisationId, ...TERM, ...(callingOrder ? { callingOrder } : {}) }],
});

/** Simrishamn: a ledamot and two ersättare in calling order; Försäkringskassan: a ledamot without ersättare; one ansökan. */
function baseLog(): StoredEvent[] {
  return [
    genesis(1),
    kommunAdded(2),
    fromDirector(3, 'organisation.added', { id: FK, name: 'Försäkringskassan', kind: 'socialInsuranceAgency' }),
    fromDirector(4, 'person.added', person(MEMBER.id, MEMBER.name, KOMMUN, 'member')),
    fromDirector(5, 'person.added', person(SUB1, 'Åke Sjöberg', KOMMUN, 'substitute', 1)),
    fromDirector(6, 'person.added', person(SUB2, 'Märta Ödlund', KOMMUN, 'substitute', 2)),
    fromDirector(7, 'person.added', person(FK_MEMBER, 'Göran Fält', FK, 'member')),
    memberKeyRegistered(8, 8),
    fromDirector(9, 'key.accepted', { fingerprint: MEMBER_KEY }),
    fromDirector(10, 'application.registered', {
      // Received a month ago: a new meeting's draft proposes the ansökningar of the last year (meeting-draft.ts).
      ...applicationInput({ id: APP, receivedOn: RECEIVED, budget: [{ id: 'p', year: '2027', category: 'personnel', description: '', fte: 1, sought: 1_234_500, coFinancing: [], statedTotal: null }] }),
    }),
  ];
}

type Main = ReturnType<typeof fakeMain>;

function install(log: StoredEvent[]): Main {
  const m = fakeMain(log);
  m.handlers['log.append'] = (input: never) => {
    const { type, payload, prev } = input as { type: string; payload: Record<string, unknown>; prev: string[] };
    const e = fromDirector(m.log.length + 1, type, payload, prev);
    m.log.push(e);
    return e;
  };
  (window as unknown as { styrelsebordet: unknown }).styrelsebordet = m.bridge;
  return m;
}

const appended = (m: Main) => m.calls.filter((c) => c.method === 'log.append').map((c) => c.input as { type: string; payload: Record<string, unknown> });
/** Folding and rendering take a while on a busy machine. */
const SLOW = { timeout: 30_000 }; // waits on state; the ceiling a shared machine needs, not a timing goal
const field = (name: string | RegExp) => screen.getByRole('textbox', { name });

beforeEach(async () => {
  resetStores();
  notifications.clean();
  go('meetings');
});
afterEach(() => {
  delete (window as unknown as { styrelsebordet?: unknown }).styrelsebordet;
});

describe('Nytt sammanträde: the form', () => {
  it('checks the fields in Swedish, stores nothing until they are right, then creates the meeting with the ansökan on the agenda', async () => {
    const m = install(baseLog());
    openMeeting(null, 'new');
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Nytt sammanträde' }, SLOW)).toBeTruthy();
    // The open ansökan is a beslutsärende from the start.
    expect(await screen.findByDisplayValue('Ansökan om medel: Ökad hälsa för unga i Åhus', {}, SLOW)).toBeTruthy();
    const items = screen.getAllByTestId('agenda-item');

    fireEvent.change(field(/^Datum/), { target: { value: '2027-13-45' } });
    fireEvent.change(field(/^Starttid/), { target: { value: 'nio' } });
    fireEvent.change(field(/^Justeringens datum/), { target: { value: '2027-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara sammanträdet' }));
    expect(await screen.findByText('Datumet 2027-13-45 finns inte: månaden ska vara 01–12.', {}, SLOW)).toBeTruthy();
    expect(screen.getByText('Skriv tiden som TT.MM, till exempel 09.00 eller 13.30.')).toBeTruthy();
    expect(screen.getByText('Ange var sammanträdet hålls.')).toBeTruthy();
    expect(screen.getByText('Ange var justeringen sker, eller lämna både datum och plats tomma.')).toBeTruthy();
    expect(appended(m)).toEqual([]);

    fireEvent.change(field(/^Datum/), { target: { value: '2027-03-14' } });
    fireEvent.change(field(/^Starttid/), { target: { value: '9.30' } });
    fireEvent.change(field(/^Plats/), { target: { value: 'Kommunhuset, Simrishamn' } });
    fireEvent.change(field(/^Justeringens plats/), { target: { value: 'Kansliet' } });
    // Justering before the meeting is refused.
    fireEvent.click(screen.getByRole('button', { name: 'Spara sammanträdet' }));
    expect(await screen.findByText('Justeringen kan inte vara före sammanträdet.', {}, SLOW)).toBeTruthy();
    fireEvent.change(field(/^Justeringens datum/), { target: { value: '2027-03-16' } });
    // Leave the second ersättare out; empty a beslutsärende's proposal: that is an error too.
    fireEvent.click(within(screen.getByRole('group', { name: 'Simrishamns kommun' })).getByLabelText('Märta Ödlund, ersättare (2)'));
    const n = items.findIndex((i) => within(i).queryByDisplayValue('Ansökan om medel: Ökad hälsa för unga i Åhus')) + 1;
    fireEvent.click(screen.getByRole('button', { name: `Visa detaljer för punkt ${n}` }));
    const proposal = screen.getByRole('textbox', { name: new RegExp(`^Förslag till beslut, punkt ${n}`) }) as HTMLTextAreaElement;
    expect(proposal.value).toBe('Styrelsen beslutar att bevilja 1 234 500 kr till insatsen Ökad hälsa för unga i Åhus för perioden 2027-01-01 – 2028-12-31.');
    fireEvent.change(proposal, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara sammanträdet' }));
    expect(await screen.findByText('Skriv förslag till beslut för beslutsärendet.', {}, SLOW)).toBeTruthy();
    expect(appended(m)).toEqual([]);
    fireEvent.change(proposal, { target: { value: 'Styrelsen beslutar att bevilja 1 000 000 kr.' } });
    // Reorder with the keyboard-reachable buttons: the ansökan moves above "Föregående protokoll".
    fireEvent.click(screen.getByRole('button', { name: `Flytta upp punkt ${n}` }));

    fireEvent.click(screen.getByRole('button', { name: 'Spara sammanträdet' }));
    await waitFor(() => expect(appended(m)).toHaveLength(1), SLOW);
    const [call] = appended(m);
    expect(call!.type).toBe('meeting.created');
    const p = call!.payload as { date: string; startTime: string; place: string; called: string[]; justering: unknown; agenda: { title: string; applicationId: string | null; proposal: string | null }[] };
    expect(p).toMatchObject({ date: '2027-03-14', startTime: '09:30', place: 'Kommunhuset, Simrishamn', justering: { date: '2027-03-16', place: 'Kansliet' } });
    expect(p.called).toEqual([MEMBER.id, SUB1, FK_MEMBER].sort());
    const at = p.agenda.findIndex((i) => i.applicationId === APP);
    expect(p.agenda[at]!.proposal).toBe('Styrelsen beslutar att bevilja 1 000 000 kr.');
    expect(p.agenda[at + 1]!.title).toBe('Föregående protokoll');
    // Saved: the meeting's page opens.
    expect(await screen.findByRole('heading', { level: 1, name: 'Styrelsens sammanträde 2027-03-14' }, SLOW)).toBeTruthy();
  });

  it('shows the main side’s Swedish refusal and keeps the form', async () => {
    const m = install(baseLog());
    m.handlers['log.append'] = () => {
      throw new Error('Åsa Ek-Ström är varken förbundschef, sekreterare eller styrelsens ordförande och får inte planera sammanträden.');
    };
    openMeeting(null, 'new');
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Nytt sammanträde' }, SLOW);
    fireEvent.change(field(/^Plats/), { target: { value: 'Kommunhuset' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara sammanträdet' }));
    expect(await screen.findByText(/får inte planera sammanträden/, {}, SLOW)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Nytt sammanträde' })).toBeTruthy();
  });
});

const created = (seq: number, called: string[] | null) =>
  fromDirector(seq, 'meeting.created', { id: MEETING, date: '2027-03-14', startTime: '09:00', place: 'Kommunhuset', called, agenda: [] });

async function openForecast(log: StoredEvent[]) {
  install(log);
  openMeeting(MEETING);
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: 'Styrelsens sammanträde 2027-03-14' }, SLOW);
  return screen.findByRole('region', { name: 'Vilka tjänstgör' }, SLOW);
}

describe('Vilka tjänstgör: the forecast', () => {
  it('calls in the first ersättare of the same organisation for a ledamot with förhinder', async () => {
    const log = baseLog();
    const c = created(11, null);
    const forecast = await openForecast([...log, c, fromMember(12, 'absence.reported', { meetingId: MEETING, reason: 'Sjuk' }, [c.id])]);
    const kommun = within(forecast).getByRole('region', { name: 'Tjänstgöring: Simrishamns kommun' });
    expect(kommun.textContent).toContain('Örjan Lind');
    expect(kommun.textContent).toContain('förhinder (Sjuk)');
    const subs = within(kommun).getAllByTestId('forecast-ersattare');
    expect(subs[0]!.textContent).toContain('Åke Sjöberg');
    expect(subs[0]!.textContent).toContain('tjänstgör för Örjan Lind');
    expect(subs[1]!.textContent).toContain('Märta Ödlund');
    expect(subs[1]!.textContent).not.toContain('tjänstgör för');
    // Försäkringskassan's ledamot comes: no warning, beslutför.
    expect(within(forecast).queryByText(/inte beslutför/)).toBeNull();
    expect(within(forecast).queryByText(/Ingen ersättare från/)).toBeNull();
  });

  it('skips an ersättare who is not called and warns when an organisation has nobody left and quorum fails', async () => {
    const log = baseLog();
    // Åke is not called; Göran (Försäkringskassan, no ersättare) is not called either.
    const c = created(11, [MEMBER.id, SUB2]);
    const forecast = await openForecast([...log, c, fromMember(12, 'absence.reported', { meetingId: MEETING, reason: null }, [c.id])]);
    const kommun = within(forecast).getByRole('region', { name: 'Tjänstgöring: Simrishamns kommun' });
    const subs = within(kommun).getAllByTestId('forecast-ersattare');
    expect(subs[0]!.textContent).toContain('inte kallad');
    expect(subs[1]!.textContent).toContain('tjänstgör för Örjan Lind');
    const fk = within(forecast).getByRole('region', { name: 'Tjänstgöring: Försäkringskassan' });
    expect(fk.textContent).toContain('Ingen ersättare från Försäkringskassan kan tjänstgöra för Göran Fält.');
    // 1 of 2 seats filled: not more than half.
    expect(within(forecast).getByText(/1 av 2 ledamöter tjänstgör/)).toBeTruthy();
  });
});
