import { describe, expect, it } from 'vitest';
import { fold } from '../../../../../shared/domain/events/fold';
import { headsOf, historyOf, rosterOf } from '../../../../../shared/domain/events/state';
import { checkBoard } from '../../../../../shared/domain/forbund/board-rules';
import { DIRECTOR, LEDAMOT, ORG, TERM, baseSetup, ev } from '../../../../helpers/event-builder';

describe('audit trail', () => {
  it('keeps every version of a person with author, time, event id and what changed', () => {
    const { events, e } = baseSetup();
    const rename = ev(DIRECTOR, 'person.updated', { id: LEDAMOT.id, name: 'Lina Larsson' }, 10, { prev: [e.ledamot.id] });
    const newTerm = [
      { role: 'member', organisationId: ORG.kommun, ...TERM },
      { role: 'member', organisationId: ORG.kommun, from: '2027-01-01', to: '2030-12-31' },
    ];
    const extend = ev(DIRECTOR, 'person.updated', { id: LEDAMOT.id, assignments: newTerm }, 11, { prev: headsOf(fold([...events, rename]), LEDAMOT.id) });
    const s = fold([...events, rename, extend]);
    const h = historyOf(s, LEDAMOT.id);
    expect(h.map((x) => [x.eventId, x.type, x.label, x.authorName, x.lamport])).toEqual([
      [e.ledamot.id, 'person.added', 'Person lades till', DIRECTOR.name, 6],
      [rename.id, 'person.updated', 'Person ändrades', DIRECTOR.name, 10],
      [extend.id, 'person.updated', 'Person ändrades', DIRECTOR.name, 11],
    ]);
    expect(h[0]?.changes.map((c) => c.field)).toEqual(['name', 'email', 'organisationId', 'staffRole', 'assignments']);
    expect(h[1]?.changes).toEqual([{ field: 'name', label: 'namn', from: 'Lina Ledamot', to: 'Lina Larsson' }]);
    expect(h[1]?.at).toBe(rename.body.at);
    expect(h[2]?.changes[0]).toMatchObject({ field: 'assignments', label: 'styrelseuppdrag', to: newTerm });
    // An entry holds what changed, not a copy of the whole item (issue #16: copies were 85 % of a
    // ten-year state): the term's entry does not repeat the name. Every version stays whole in
    // the signed log: folding up to an entry's event gives the item as it was then.
    expect(JSON.stringify(h[2])).not.toContain('Lina Larsson');
    expect(fold(events).persons[LEDAMOT.id]).toMatchObject({ name: 'Lina Ledamot' });
    expect(fold([...events, rename]).persons[LEDAMOT.id]).toMatchObject({ name: 'Lina Larsson', assignments: [{ role: 'member', organisationId: ORG.kommun, ...TERM }] });
    expect(headsOf(s, LEDAMOT.id)).toEqual([extend.id]);
    // The current roster uses the latest version: in 2028 Lina still sits for the kommun.
    expect(checkBoard(rosterOf(s), '2028-06-01').some((f) => f.code === 'no-member' && f.subject.id === ORG.kommun)).toBe(false);
  });

  it('records the förbund, organisations and keys too', () => {
    const { events, e } = baseSetup();
    const s = fold(events);
    expect(historyOf(s, s.federation?.id ?? '').map((x) => x.eventId)).toEqual([e.genesis.id]);
    expect(historyOf(s, ORG.fk)[0]?.changes).toContainEqual({ field: 'contributions', label: 'bidrag', from: null, to: { '2026': 2_000_000 } });
    expect(historyOf(s, LEDAMOT.key).map((x) => [x.label, x.changes.map((c) => `${c.field}:${String(c.from)}→${String(c.to)}`).join()])).toEqual([
      ['Datorns nyckel registrerades', expect.stringContaining('status:null→pending')],
      ['Datorns nyckel godkändes', 'status:pending→accepted'],
    ]);
    expect(historyOf(s, 'finns-inte')).toEqual([]);
  });
});
