import { describe, expect, it } from 'vitest';
import { fold } from '../../../../../shared/domain/events/fold';
import { conflictsOf, headsOf } from '../../../../../shared/domain/events/state';
import type { VerifiedEvent } from '../../../../../shared/domain/log/signed-event';
import { DIRECTOR, ERSATTARE, LEDAMOT, ORDF, ORG, actor, baseSetup, ev, registerKey } from '../../../../helpers/event-builder';

/** A second förbundschef with an accepted key, so two people can change the same thing concurrently. */
const SECOND = actor(10, 'Stina Ställföreträdare');

function twoDirectors() {
  const { events, e } = baseSetup();
  const added = ev(DIRECTOR, 'person.added', { id: SECOND.id, name: SECOND.name, email: SECOND.email, staffRole: 'director' }, 10);
  const key = registerKey(SECOND, 11);
  const accepted = ev(DIRECTOR, 'key.accepted', { fingerprint: SECOND.key }, 12, { prev: [key.id] });
  return { events: [...events, added, key, accepted], e };
}

const shuffled = <T>(xs: readonly T[], seed: number): T[] => {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

const later = (a: VerifiedEvent, b: VerifiedEvent) => (a.body.lamport - b.body.lamport || (a.id < b.id ? -1 : 1)) > 0 ? a : b;

describe('concurrent changes', () => {
  it('resolves two concurrent changes of the same field by (lamport, id), records the conflict, and merges the rest', () => {
    const { events, e } = twoDirectors();
    const byDana = ev(DIRECTOR, 'person.updated', { id: LEDAMOT.id, name: 'Lina Larsson', email: 'lina@kommun.se' }, 20, { prev: [e.ledamot.id] });
    const byStina = ev(SECOND, 'person.updated', { id: LEDAMOT.id, name: 'Lina Lind', organisationId: ORG.region }, 20, { prev: [e.ledamot.id] });
    const winner = later(byDana, byStina);
    const loser = winner === byDana ? byStina : byDana;
    const s = fold([...events, byDana, byStina]);
    const lina = s.persons[LEDAMOT.id];
    expect(lina?.name).toBe(winner.body.payload.name);
    // Fields changed by only one are merged.
    expect(lina?.email).toBe('lina@kommun.se');
    expect(lina?.organisationId).toBe(ORG.region);
    const winnerName = winner === byDana ? DIRECTOR.name : SECOND.name;
    const loserName = winner === byDana ? SECOND.name : DIRECTOR.name;
    expect(s.conflicts).toEqual([
      {
        subject: LEDAMOT.id,
        subjectKind: 'person',
        field: 'name',
        winner: winner.id,
        losers: [loser.id],
        explanation: `Två ändringar av namn gjordes samtidigt, utan att den ena hade sett den andra. Ändringen från ${winnerName} vann eftersom den kom sist i händelseordningen; ändringen från ${loserName} finns kvar i historiken.`,
      },
    ]);
    expect(conflictsOf(s, LEDAMOT.id)).toHaveLength(1);
    // Both versions are heads until someone changes the person having seen both.
    expect(headsOf(s, LEDAMOT.id)).toEqual([byDana.id, byStina.id].sort());
    // Every laptop, whatever order it got the events in, agrees.
    for (let seed = 1; seed < 6; seed++) expect(fold(shuffled([...events, byDana, byStina], seed))).toEqual(s);
  });

  it('does not report a conflict when the second change saw the first', () => {
    const { events, e } = twoDirectors();
    const first = ev(DIRECTOR, 'person.updated', { id: LEDAMOT.id, name: 'Lina Larsson' }, 20, { prev: [e.ledamot.id] });
    const second = ev(SECOND, 'person.updated', { id: LEDAMOT.id, name: 'Lina Lind' }, 21, { prev: [first.id] });
    const s = fold([...events, first, second]);
    expect(s.conflicts).toEqual([]);
    expect(s.persons[LEDAMOT.id]?.name).toBe('Lina Lind');
    expect(headsOf(s, LEDAMOT.id)).toEqual([second.id]);
  });

  it('does not report a conflict when concurrent changes agree', () => {
    const { events, e } = twoDirectors();
    const a = ev(DIRECTOR, 'person.updated', { id: LEDAMOT.id, name: 'Lina Larsson' }, 20, { prev: [e.ledamot.id] });
    const b = ev(SECOND, 'person.updated', { id: LEDAMOT.id, name: 'Lina Larsson' }, 20, { prev: [e.ledamot.id] });
    expect(fold([...events, a, b]).conflicts).toEqual([]);
  });

  it('makes one conflict entry for three concurrent changes', () => {
    const { events, e } = twoDirectors();
    const changes = [
      ev(DIRECTOR, 'organisation.updated', { id: ORG.kommun, name: 'A' }, 20, { prev: [e.kommun.id] }),
      ev(SECOND, 'organisation.updated', { id: ORG.kommun, name: 'B' }, 21, { prev: [e.kommun.id] }),
      ev(DIRECTOR, 'organisation.updated', { id: ORG.kommun, name: 'C' }, 22, { prev: [e.kommun.id] }),
    ];
    const s = fold([...events, ...changes]);
    expect(s.organisations[ORG.kommun]?.name).toBe('C');
    expect(s.conflicts).toEqual([expect.objectContaining({ field: 'name', winner: changes[2]?.id, losers: [changes[0]?.id, changes[1]?.id] })]);
    expect(s.conflicts[0]?.explanation).toMatch(/^3 ändringar av namn/);
  });

  it('merges contributions year by year', () => {
    const { events, e } = twoDirectors();
    const y26 = ev(DIRECTOR, 'organisation.updated', { id: ORG.kommun, contributions: { '2026': 900_000 } }, 20, { prev: [e.kommun.id] });
    const y27 = ev(SECOND, 'organisation.updated', { id: ORG.kommun, contributions: { '2027': 950_000 } }, 20, { prev: [e.kommun.id] });
    const s = fold([...events, y26, y27]);
    expect(s.organisations[ORG.kommun]?.contributions).toEqual({ '2026': 900_000, '2027': 950_000 });
    expect(s.conflicts).toEqual([]);
    const y26b = ev(SECOND, 'organisation.updated', { id: ORG.kommun, contributions: { '2026': 1_100_000 } }, 21, { prev: [e.kommun.id] });
    const s2 = fold([...events, y26, y27, y26b]);
    expect(s2.organisations[ORG.kommun]?.contributions['2026']).toBe(1_100_000);
    expect(s2.conflicts).toEqual([expect.objectContaining({ field: 'contributions.2026', winner: y26b.id, losers: [y26.id] })]);
    expect(s2.conflicts[0]?.explanation).toContain('ändringar av bidrag 2026');
  });

  it('lets the first of two concurrent key decisions stand and says so', () => {
    const { events } = twoDirectors();
    const ordfAdded = ev(DIRECTOR, 'person.added', { id: ORDF.id, name: ORDF.name, email: ORDF.email }, 13);
    const ordfKey = registerKey(ORDF, 14);
    const accept = ev(DIRECTOR, 'key.accepted', { fingerprint: ORDF.key }, 15, { prev: [ordfKey.id] });
    const reject = ev(SECOND, 'key.rejected', { fingerprint: ORDF.key }, 16, { prev: [ordfKey.id] });
    const s = fold([...events, ordfAdded, ordfKey, accept, reject]);
    expect(s.keys[ORDF.key]?.status).toBe('accepted');
    expect(s.refused).toEqual([]);
    expect(s.conflicts).toEqual([
      expect.objectContaining({ subject: ORDF.key, subjectKind: 'key', field: 'status', winner: accept.id, losers: [reject.id], explanation: expect.stringContaining('Det första beslutet i händelseordningen gäller; nyckeln är godkänd.') }),
    ]);
    // Having seen the acceptance, a rejection is a change of mind: refused (no revocation yet).
    const rejectLater = ev(SECOND, 'key.rejected', { fingerprint: ORDF.key }, 16, { prev: [accept.id] });
    const s2 = fold([...events, ordfAdded, ordfKey, accept, rejectLater]);
    expect(s2.refused[0]?.reason).toMatch(/redan godkänd/);
    expect(s2.conflicts).toEqual([]);
  });

  it('does not count an ersättare change as conflicting with the creation', () => {
    const { events } = twoDirectors();
    // prev left empty: the creation is still counted as seen.
    const s = fold([...events, ev(DIRECTOR, 'person.updated', { id: ERSATTARE.id, email: 'erik@kommun.se' }, 20)]);
    expect(s.conflicts).toEqual([]);
    expect(s.persons[ERSATTARE.id]?.email).toBe('erik@kommun.se');
  });
});
