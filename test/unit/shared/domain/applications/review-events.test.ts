import { describe, expect, it } from 'vitest';
import { sharedNotesOf, suggestJav, tiesOf } from '../../../../../shared/domain/applications';
import { fold } from '../../../../../shared/domain/events/fold';
import { emptyState, historyOf } from '../../../../../shared/domain/events';
import { DIRECTOR, LEDAMOT, ORG, baseSetup, ev, uuid } from '../../../../helpers/event-builder';
import { APP_ID, application } from './fixtures';

function registered() {
  const { events } = baseSetup();
  return [...events, ev(DIRECTOR, 'application.registered', application(), 10)];
}
const refusedReasons = (s: ReturnType<typeof fold>) => s.refused.map((r) => r.reason);

describe('review events: shared notes and declared ties', () => {
  it('starts empty', () => {
    expect(emptyState()).toMatchObject({ ties: {}, sharedNotes: {} });
  });

  it('a board member shares a note with the förbundschef; each share is kept with the version it was made on', () => {
    const events = registered();
    const n1 = ev(LEDAMOT, 'note.shared', { applicationId: APP_ID, text: '  Budgeten för lokaler verkar hög.  ' }, 11);
    const n2 = ev(LEDAMOT, 'note.shared', { applicationId: APP_ID, text: 'Fråga om implementeringen.' }, 12);
    const s = fold([...events, n1, n2]);
    expect(s.refused).toEqual([]);
    expect(sharedNotesOf(s, APP_ID).map((n) => [n.text, n.author, n.onVersion, n.eventId])).toEqual([
      ['Fråga om implementeringen.', LEDAMOT.id, 1, n2.id],
      ['Budgeten för lokaler verkar hög.', LEDAMOT.id, 1, n1.id],
    ]);
    expect(historyOf(s, APP_ID).at(-1)?.label).toBe('Anteckning delades med förbundschefen');
    expect(historyOf(s, APP_ID).at(-1)?.changes[0]?.label).toBe('delad anteckning (Lina Ledamot)');

    const bad = fold([
      ...events,
      ev(DIRECTOR, 'note.shared', { applicationId: APP_ID, text: 'Jag är inte ledamot.' }, 11),
      ev(LEDAMOT, 'note.shared', { applicationId: uuid(0xdead), text: 'Finns inte.' }, 12),
      ev(LEDAMOT, 'note.shared', { applicationId: APP_ID, text: '   ' }, 13),
    ]);
    expect(refusedReasons(bad)).toEqual([
      'Anteckning delades med förbundschefen: Dana Direktör har inget styrelseuppdrag och får inte dela anteckningar om ansökningar.',
      'Anteckning delades med förbundschefen: Ansökan finns inte.',
      'Händelsens innehåll är ogiltigt: text.',
    ]);
    expect(bad.sharedNotes).toEqual({});
  });

  it('a person declares their own ties; the whole list is replaced and feeds the jäv suggestion', () => {
    const events = registered();
    const t1 = ev(LEDAMOT, 'ties.declared', { ties: [{ kind: 'employer', organisationId: ORG.kommun, description: 'enhetschef', from: '2020-01-01' }] }, 11);
    const t2 = ev(LEDAMOT, 'ties.declared', { ties: [{ kind: 'steeringGroup', organisationName: 'Lomma kommun' }, { kind: 'board', organisationId: ORG.af, to: '2026-12-31' }] }, 12);
    const s1 = fold([...events, t1]);
    expect(tiesOf(s1, LEDAMOT.id)).toEqual([{ kind: 'employer', organisationId: ORG.kommun, organisationName: null, description: 'enhetschef', unit: null, from: '2020-01-01', to: null }]);
    const s = fold([...events, t1, t2]);
    expect(s.refused).toEqual([]);
    expect(tiesOf(s, LEDAMOT.id).map((t) => t.kind)).toEqual(['steeringGroup', 'board']);
    expect(tiesOf(s, DIRECTOR.id)).toEqual([]);
    // The history is the person's: what they declared before and after.
    const h = historyOf(s, LEDAMOT.id).filter((x) => x.type === 'ties.declared');
    expect(h.map((x) => x.label)).toEqual(['Kopplingar (jävsprofil) angavs', 'Kopplingar (jävsprofil) angavs']);
    expect((h[1]?.changes[0]?.from as unknown[]).length).toBe(1);
    const names = (id: string) => (id === ORG.af ? 'Arbetsförmedlingen' : 'Linköpings kommun');
    // A seat in an applying member organisation alone is no jäv suggestion (every ledamot represents one).
    expect(suggestJav(tiesOf(s, LEDAMOT.id), [ORG.af, ORG.kommun], names, '2026-03-01')).toEqual([]);

    // An empty list clears the profile.
    expect(tiesOf(fold([...events, t1, ev(LEDAMOT, 'ties.declared', { ties: [] }, 13)]), LEDAMOT.id)).toEqual([]);
  });

  it('refuses ties without an organisation, with an unknown member organisation, with dates the wrong way round, or from a stranger', () => {
    const events = registered();
    const stranger = { ...LEDAMOT, id: uuid(0x999) };
    const s = fold([
      ...events,
      ev(LEDAMOT, 'ties.declared', { ties: [{ kind: 'employer' }] }, 11),
      ev(LEDAMOT, 'ties.declared', { ties: [{ kind: 'employer', organisationId: uuid(0xbad) }] }, 12),
      ev(LEDAMOT, 'ties.declared', { ties: [{ kind: 'employer', organisationId: ORG.af, from: '2026-05-01', to: '2026-04-01' }] }, 13),
      ev(stranger, 'ties.declared', { ties: [] }, 14, { author: stranger.id }),
    ]);
    const reasons = refusedReasons(s);
    expect(reasons[0]).toBe('Händelsens innehåll är ogiltigt: ties.0.organisationName.');
    expect(reasons[1]).toBe('Kopplingar (jävsprofil) angavs: En koppling gäller en organisation som inte finns bland förbundsmedlemmarna; skriv namnet som fritext i stället.');
    expect(reasons[2]).toBe('Händelsens innehåll är ogiltigt: ties.0.to.');
    expect(s.ties).toEqual({});
  });
});

describe('module order', () => {
  it('the catalogue knows the review events whichever module is loaded first', async () => {
    const { CATALOGUE } = await import('../../../../../shared/domain/events/catalogue');
    expect(Object.keys(CATALOGUE)).toEqual(expect.arrayContaining(['note.shared', 'ties.declared']));
  });
});
