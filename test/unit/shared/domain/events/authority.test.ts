import { describe, expect, it } from 'vitest';
import { fold } from '../../../../../shared/domain/events/fold';
import { isDirector } from '../../../../../shared/domain/events/state';
import { DIRECTOR, ERSATTARE, FORBUND, LEDAMOT, ORDF, ORG, actor, baseSetup, ev, genesis, personAdded, registerKey, uuid } from '../../../../helpers/event-builder';

const withoutRefused = <T extends { refused: unknown[] }>(s: T) => ({ ...s, refused: [] });

describe('authority', () => {
  it('applies the set-up made by the förbundschef', () => {
    const s = fold(baseSetup().events);
    expect(s.refused).toEqual([]);
    expect(s.held).toEqual([]);
    expect(s.federation).toMatchObject({ id: FORBUND, name: 'Samordningsförbundet Test', orgNr: '202100-5448' });
    expect(Object.keys(s.organisations)).toHaveLength(4);
    expect(isDirector(s, DIRECTOR.id)).toBe(true);
    expect(s.keys[DIRECTOR.key]).toMatchObject({ status: 'accepted', personId: DIRECTOR.id });
    expect(s.keys[LEDAMOT.key]).toMatchObject({ status: 'accepted', personId: LEDAMOT.id });
  });

  it('refuses a ledamot adding a person, with the reason, and leaves the roster unchanged', () => {
    const { events } = baseSetup();
    const attempt = personAdded(LEDAMOT, ORDF, 10);
    const s = fold([...events, attempt]);
    expect(s.refused).toEqual([
      {
        eventId: attempt.id,
        type: 'person.added',
        author: LEDAMOT.id,
        at: attempt.body.at,
        lamport: 10,
        reason: 'Person lades till: Lina Ledamot är inte förbundschef och får inte lägga till personer.',
      },
    ]);
    expect(s.persons[ORDF.id]).toBeUndefined();
    expect(withoutRefused(s)).toEqual(withoutRefused(fold(events)));
  });

  it('refuses roster and key decisions by anyone but the förbundschef', () => {
    const { events, e } = baseSetup();
    const renameOrg = ev(LEDAMOT, 'organisation.updated', { id: ORG.kommun, name: 'Min kommun' }, 10, { prev: [e.kommun.id] });
    const ersKey = registerKey(ERSATTARE, 11);
    const acceptOwnFriend = ev(LEDAMOT, 'key.accepted', { fingerprint: ERSATTARE.key }, 12, { prev: [ersKey.id] });
    const s = fold([...events, renameOrg, ersKey, acceptOwnFriend]);
    expect(s.refused.map((r) => r.reason)).toEqual([
      'Förbundsmedlem ändrades: Lina Ledamot är inte förbundschef och får inte ändra förbundsmedlemmar.',
      'Datorns nyckel godkändes: Lina Ledamot är inte förbundschef och får inte godkänna datorers nycklar.',
    ]);
    expect(s.organisations[ORG.kommun]?.name).toBe('Linköpings kommun');
    expect(s.keys[ERSATTARE.key]?.status).toBe('pending');
  });

  it('keeps exactly one genesis: the lowest in the order wins, or the pinned one', () => {
    const real = genesis(DIRECTOR, 1);
    const impostor = actor(66, 'Ivar Inkräktare');
    const forged = genesis(impostor, 1);
    const [first, second] = [real, forged].sort((a, b) => (a.id < b.id ? -1 : 1)) as [typeof real, typeof real];
    const s = fold([real, forged]);
    expect(s.federation?.genesisEvent).toBe(first.id);
    expect(s.refused).toEqual([expect.objectContaining({ eventId: second.id, reason: 'Förbundet har redan en första händelse; bara en kan gälla.' })]);
    // Pinning the trusted genesis defeats a forged one that sorts first.
    const pinned = fold([real, forged], { genesisId: real.id });
    expect(pinned.federation?.genesisEvent).toBe(real.id);
    expect(pinned.persons[impostor.id]).toBeUndefined();
    // A later second genesis is refused too.
    const late = genesis(DIRECTOR, 5, { at: '2026-02-01T00:00:00.000Z' });
    expect(fold([real, late]).refused.map((r) => r.eventId)).toEqual([late.id]);
  });

  it('refuses events of another förbund, events before the genesis and events with no genesis at all', () => {
    const other = ev(DIRECTOR, 'organisation.added', { id: uuid(999), name: 'X', kind: 'region' }, 5, { forbund: uuid(0xbad) });
    const early = makeEarly();
    const s = fold([genesis(DIRECTOR, 2), other, early]);
    expect(s.refused.map((r) => r.reason)).toEqual([
      'Händelsen ligger före förbundets första händelse i ordningen och kan inte tillämpas.',
      'Händelsen hör till ett annat förbund.',
    ]);
    expect(fold([other]).refused[0]?.reason).toMatch(/första händelse .* saknas/);
  });

  it('refuses bad content and unknown types with Swedish reasons', () => {
    const { events } = baseSetup();
    const bad = ev(DIRECTOR, 'organisation.added', { id: uuid(500), name: '', kind: 'county' }, 10);
    const unknown = ev(DIRECTOR, 'meeting.scheduled', {}, 11);
    const empty = ev(DIRECTOR, 'person.updated', { id: LEDAMOT.id }, 12);
    const s = fold([...events, bad, unknown, empty]);
    expect(s.refused.map((r) => r.reason)).toEqual([
      'Händelsens innehåll är ogiltigt: name, kind.',
      'Okänd händelsetyp ”meeting.scheduled” (den kan komma från en nyare version av appen).',
      'Händelsens innehåll är ogiltigt: (hela innehållet).',
    ]);
  });

  it('checks key registrations: own person, self-signed, in the roster, only once', () => {
    const { events } = baseSetup();
    const stranger = actor(77, 'Sara Främling');
    const notInRoster = registerKey(stranger, 10);
    const forOther = registerKey(ERSATTARE, 11, ERSATTARE.key, { author: LEDAMOT.id });
    const wrongSigner = registerKey(ERSATTARE, 12, ERSATTARE.key, { key: LEDAMOT.key });
    const again = registerKey(LEDAMOT, 13);
    const s = fold([...events, notInRoster, forOther, wrongSigner, again]);
    expect(s.refused.map((r) => r.reason.replace(/^Datorns nyckel registrerades: /, ''))).toEqual([
      'Personen som registrerar nyckeln finns inte i förbundets register.',
      'En nyckel kan bara registreras av personen själv.',
      'Registreringen måste vara signerad med den nyckel som registreras.',
      'Nyckeln är redan registrerad.',
    ]);
    expect(s.keys[stranger.key]).toBeUndefined();
  });

  it('never leaves the förbund without a förbundschef', () => {
    const { events, e } = baseSetup();
    const resign = ev(DIRECTOR, 'person.updated', { id: DIRECTOR.id, staffRole: 'secretary' }, 10, { prev: [e.genesis.id] });
    const s = fold([...events, resign]);
    expect(s.refused[0]?.reason).toMatch(/minst en förbundschef/);
    // With a successor appointed first, the same change is fine.
    const successor = personAdded(DIRECTOR, ORDF, 10, { staffRole: 'director' });
    const resign2 = ev(DIRECTOR, 'person.updated', { id: DIRECTOR.id, staffRole: 'secretary' }, 11, { prev: [e.genesis.id] });
    const s2 = fold([...events, successor, resign2]);
    expect(s2.refused).toEqual([]);
    expect(isDirector(s2, DIRECTOR.id)).toBe(false);
    expect(isDirector(s2, ORDF.id)).toBe(true);
    // The former director can no longer change the roster.
    const late = ev(DIRECTOR, 'organisation.updated', { id: ORG.fk, name: 'FK' }, 12);
    expect(fold([...events, successor, resign2, late]).refused[0]?.reason).toMatch(/Dana Direktör är inte förbundschef/);
  });
});

function makeEarly() {
  return ev(DIRECTOR, 'organisation.added', { id: uuid(998), name: 'Tidig', kind: 'region' }, 1);
}
