import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AgendaEditor } from '../../../../renderer/src/features/meetings/AgendaEditor';
import { MAX_AGENDA_ITEMS } from '../../../../shared/domain/meetings';
import { newDraft, newItem, openApplications, validateDraft } from '../../../../renderer/src/features/meetings/meeting-draft';
import { DIRECTOR, DIRECTOR_KEY, FK, applicationInput, genesis, kommunAdded, session, stored, viewOf } from '../../fixtures';

/**
 * Session 14, found by timing a förbundschef's actions on ten years of
 * generated history: "Nytt sammanträde" proposed every ansökan that had never
 * been decided, 250 of them. The form took 1.2 s to open and could not be
 * saved ("Händelsens innehåll är ogiltigt: agenda.": a föredragningslista
 * holds at most 200 points). An ansökan received more than a year before the
 * meeting without a decision is no longer proposed, only offered; and a list
 * over the cap is refused in the form, in Swedish, before anything is signed.
 */
const app = (n: number, receivedOn: string) =>
  stored(10 + n, {
    author: DIRECTOR.id,
    key: DIRECTOR_KEY,
    lamport: 10 + n,
    type: 'application.registered',
    payload: { ...applicationInput({ id: `00000000-0000-4000-8000-0000000a${String(n).padStart(4, '0')}`, registrationNumber: `Dnr ${receivedOn.slice(0, 4)}/${n}`, receivedOn, name: `Insats ${n}` }) },
    prev: [],
  });

function stateWith(...apps: ReturnType<typeof app>[]) {
  return viewOf([genesis(1), kommunAdded(2), stored(3, { author: DIRECTOR.id, key: DIRECTOR_KEY, lamport: 3, type: 'organisation.added', payload: { id: FK, name: 'Försäkringskassan', kind: 'socialInsuranceAgency' }, prev: [] }), ...apps], session()).state;
}

describe('the föredragningslista a new meeting proposes', () => {
  it('holds the ansökningar received within a year without a decision; older ones are offered, not proposed', () => {
    const state = stateWith(app(1, '2024-05-02'), app(2, '2026-02-01'), app(3, '2026-10-15'));
    const draft = newDraft(state, '2026-12-06', DIRECTOR.id); // the meeting: 2026-12-21
    expect(draft.agenda.filter((i) => i.applicationId).map((i) => i.title)).toEqual(['Ansökan om medel: Insats 2', 'Ansökan om medel: Insats 3']);
    // The older one is still there to add by hand.
    expect(openApplications(state).map((a) => a.name)).toEqual(['Insats 1', 'Insats 2', 'Insats 3']);
  });

  it('is never longer than a meeting holds, even with years of undecided ansökningar', () => {
    const state = stateWith(...Array.from({ length: 240 }, (_, i) => app(i + 1, `20${String(17 + Math.floor(i / 24)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`)));
    const draft = newDraft(state, '2026-12-06', DIRECTOR.id);
    expect(draft.agenda.length).toBeLessThanOrEqual(MAX_AGENDA_ITEMS);
    expect(draft.agenda.filter((i) => i.applicationId).length).toBe(24); // the last year's
  });

  it('a list over the cap is refused in the form, in Swedish, before anything is signed', () => {
    const state = stateWith(app(1, '2026-10-15'));
    const draft = { ...newDraft(state, '2026-12-06', DIRECTOR.id), place: 'Kansliet' };
    expect(validateDraft(state, draft).agenda).toBeUndefined();
    const long = { ...draft, agenda: [...draft.agenda, ...Array.from({ length: MAX_AGENDA_ITEMS }, () => newItem('information'))] };
    expect(validateDraft(state, long).agenda).toBe(`Föredragningslistan har ${long.agenda.length} punkter. Ett sammanträde rymmer högst 200: ta bort några och ta upp dem vid ett annat sammanträde.`);
  });

  it('the form offers the older ones on request only, under Ansökningar utan beslut', () => {
    const state = stateWith(app(1, '2024-05-02'), app(2, '2026-02-01'), app(3, '2026-10-15'));
    const draft = newDraft(state, '2026-12-06', DIRECTOR.id);
    const agenda = draft.agenda.filter((i) => i.title !== 'Ansökan om medel: Insats 3'); // taken off by hand
    render(<MantineProvider><AgendaEditor state={state} meetingId={null} date={draft.date} agenda={agenda} errors={null} onChange={() => undefined} /></MantineProvider>);
    const offered = screen.getByRole('region', { name: 'Ansökningar utan beslut' });
    expect(within(offered).getAllByRole('button', { name: /som beslutsärende$/ }).map((b) => b.getAttribute('aria-label'))).toEqual(['Lägg till Insats 3 som beslutsärende']);
    fireEvent.click(within(offered).getByRole('button', { name: 'Visa även äldre ansökningar utan beslut (1)' }));
    expect(within(offered).getAllByRole('button', { name: /som beslutsärende$/ }).map((b) => b.getAttribute('aria-label'))).toEqual(['Lägg till Insats 1 som beslutsärende', 'Lägg till Insats 3 som beslutsärende']);
    expect(within(offered).getByRole('button', { name: 'Visa bara ansökningar från det senaste året' }).getAttribute('aria-expanded')).toBe('true');
  });
});
