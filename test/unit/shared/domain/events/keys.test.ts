import { describe, expect, it } from 'vitest';
import { fold } from '../../../../../shared/domain/events/fold';
import { DIRECTOR, LEDAMOT, ORDF, ORG, actor, baseSetup, deviceKey, ev, registerKey, uuid } from '../../../../helpers/event-builder';

/** A second förbundschef whose own changes need an accepted key. */
const SECOND = actor(10, 'Stina Ställföreträdare');

function withSecondDirector() {
  const { events, e } = baseSetup();
  const added = ev(DIRECTOR, 'person.added', { id: SECOND.id, name: SECOND.name, email: SECOND.email, staffRole: 'director' }, 10);
  const key = registerKey(SECOND, 11);
  return { events: [...events, added, key], e: { ...e, added, key } };
}

const newOrg = (by = SECOND, lamport = 12, n = 700) => ev(by, 'organisation.added', { id: uuid(n), name: `Kommun ${n}`, kind: 'municipality' }, lamport);

describe('device keys: held, accepted, rejected', () => {
  it('holds events from a key that is registered but not accepted, without applying or refusing them', () => {
    const { events } = withSecondDirector();
    const org = newOrg();
    const s = fold([...events, org]);
    expect(s.keys[SECOND.key]?.status).toBe('pending');
    expect(s.held).toEqual([{ eventId: org.id, type: 'organisation.added', author: SECOND.id, at: org.body.at, lamport: 12, fingerprint: SECOND.key, keyStatus: 'pending' }]);
    expect(s.refused).toEqual([]);
    expect(s.organisations[uuid(700)]).toBeUndefined();
  });

  it('applies held events once the key is accepted, wherever the acceptance sits in the order', () => {
    const { events, e } = withSecondDirector();
    const org = newOrg(SECOND, 20);
    const acceptLate = ev(DIRECTOR, 'key.accepted', { fingerprint: SECOND.key }, 40, { prev: [e.key.id] });
    const acceptEarly = ev(DIRECTOR, 'key.accepted', { fingerprint: SECOND.key }, 12, { prev: [e.key.id] });
    for (const accept of [acceptLate, acceptEarly]) {
      const s = fold([...events, org, accept]);
      expect(s.held).toEqual([]);
      expect(s.refused).toEqual([]);
      expect(s.organisations[uuid(700)]).toMatchObject({ name: 'Kommun 700' });
      // Applied at its own place: the history shows it at Lamport 20.
      expect(s.history[uuid(700)]?.[0]).toMatchObject({ eventId: org.id, lamport: 20, authorName: SECOND.name });
    }
  });

  it('holds events from a key nobody registered as "unknown"', () => {
    const { events } = baseSetup();
    const ghost = ev(DIRECTOR, 'organisation.updated', { id: ORG.fk, name: 'FK' }, 10, { key: deviceKey(DIRECTOR, 'okänd') });
    const s = fold([...events, ghost]);
    expect(s.held).toEqual([expect.objectContaining({ eventId: ghost.id, keyStatus: 'unknown', fingerprint: deviceKey(DIRECTOR, 'okänd') })]);
    expect(s.organisations[ORG.fk]?.name).toBe('Försäkringskassan');
  });

  it('refuses events from a rejected key, and events signed with someone else’s key', () => {
    const { events, e } = withSecondDirector();
    const reject = ev(DIRECTOR, 'key.rejected', { fingerprint: SECOND.key, reason: 'Fingeravtrycket stämde inte' }, 20, { prev: [e.key.id] });
    const org = newOrg();
    const impersonation = ev(LEDAMOT, 'organisation.updated', { id: ORG.fk, name: 'FK' }, 21, { author: DIRECTOR.id });
    const s = fold([...events, reject, org, impersonation]);
    expect(s.keys[SECOND.key]?.status).toBe('rejected');
    expect(s.held).toEqual([]);
    expect(s.refused.map((r) => [r.eventId, r.reason])).toEqual([
      [org.id, 'Nyckeln som signerade händelsen har avvisats av förbundschefen.'],
      [impersonation.id, 'Händelsen är signerad med en nyckel som tillhör en annan person.'],
    ]);
  });

  it('accepts keys in generations: a director whose key is accepted later can accept others earlier in the order', () => {
    const { events, e } = withSecondDirector();
    const ordfAdded = ev(DIRECTOR, 'person.added', { id: ORDF.id, name: ORDF.name, email: ORDF.email }, 12);
    const ordfKey = registerKey(ORDF, 13);
    // Stina, offline with a pending key, accepts Olle's key …
    const stinaAcceptsOlle = ev(SECOND, 'key.accepted', { fingerprint: ORDF.key }, 14, { prev: [ordfKey.id] });
    // … and only later is her own key accepted by Dana.
    const danaAcceptsStina = ev(DIRECTOR, 'key.accepted', { fingerprint: SECOND.key }, 30, { prev: [e.key.id] });
    const s = fold([...events, ordfAdded, ordfKey, stinaAcceptsOlle, danaAcceptsStina]);
    expect(s.keys[SECOND.key]?.status).toBe('accepted');
    expect(s.keys[ORDF.key]).toMatchObject({ status: 'accepted', decidedBy: stinaAcceptsOlle.id });
    expect(s.held).toEqual([]);
    expect(s.refused).toEqual([]);
  });

  it('falls back to strict order when a held event would undo its own key’s acceptance', () => {
    const { events, e } = withSecondDirector();
    // Stina (pending key) takes the director role from Dana at Lamport 12;
    // Dana accepts Stina's key at 13. Applying Stina's change would make Dana's
    // acceptance invalid, which would hold Stina's change again: no fixpoint.
    const demote = ev(SECOND, 'person.updated', { id: DIRECTOR.id, staffRole: null }, 12, { prev: [e.genesis.id] });
    const accept = ev(DIRECTOR, 'key.accepted', { fingerprint: SECOND.key }, 13, { prev: [e.key.id] });
    const s = fold([...events, demote, accept]);
    expect(s.persons[DIRECTOR.id]?.staffRole).toBe('director');
    expect(s.keys[SECOND.key]?.status).toBe('accepted');
    expect(s.held).toEqual([]);
    expect(s.refused).toEqual([expect.objectContaining({ eventId: demote.id, reason: expect.stringContaining('utan motsägelse') })]);
    // And it is still a function of the set.
    expect(fold([accept, demote, ...events.slice().reverse()])).toEqual(s);
  });

  it('the genesis key cannot be accepted or rejected again', () => {
    const { events } = baseSetup();
    const s = fold([...events, ev(DIRECTOR, 'key.rejected', { fingerprint: DIRECTOR.key }, 10)]);
    expect(s.refused[0]?.reason).toMatch(/första nyckel är godkänd/);
    expect(s.keys[DIRECTOR.key]?.status).toBe('accepted');
  });
});
