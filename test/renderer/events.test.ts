import { beforeEach, describe, expect, it } from 'vitest';
import type { Api, StoredEvent } from '../../shared/contract';
import { openDatabase, type StyrelsebordetDb } from '../../renderer/src/db/database';
import { deriveState, syncEvents, toVerified } from '../../renderer/src/db/events';
import { DIRECTOR, DIRECTOR_KEY, KOMMUN, MEMBER, MEMBER_KEY, genesis, kommunAdded, memberAdded, memberKeyRegistered, memberRenamesHimself, stored } from './fixtures';

/** A log.list that records what it was asked for. */
function fakeLog(log: StoredEvent[]) {
  const asked: number[] = [];
  const api: Pick<Api, 'log.list'> = {
    'log.list': async ({ afterSeq }) => {
      asked.push(afterSeq);
      return { events: log.filter((e) => e.seq > afterSeq), lastSeq: log.at(-1)?.seq ?? 0 };
    },
  };
  return { api, asked };
}

describe('toVerified', () => {
  it('parses the stored body into an EventBody and keeps the exact signed line', () => {
    const s = genesis();
    const v = toVerified(s);
    expect(v?.id).toBe(s.id);
    expect(v?.body.type).toBe('federation.created');
    expect(v?.body.author).toBe(DIRECTOR.id);
    expect(v?.line).toEqual({ body: s.body, sig: s.sig });
  });

  it('skips a line that is not JSON or not an event body instead of throwing', () => {
    expect(toVerified({ ...genesis(), body: '{not json' })).toBeNull();
    expect(toVerified({ ...genesis(), body: JSON.stringify({ v: 1, type: 'x' }) })).toBeNull();
  });
});

describe('syncEvents', () => {
  let db: StyrelsebordetDb;
  beforeEach(async () => {
    db = openDatabase(`events-${Math.random()}`);
    await db.open();
  });

  it('pulls everything the first time, then only what is new', async () => {
    const log = [genesis(1), kommunAdded(2)];
    const { api, asked } = fakeLog(log);
    expect(await syncEvents(db, api)).toBe(2);
    log.push(memberAdded(3), memberKeyRegistered(4));
    expect(await syncEvents(db, api)).toBe(2);
    expect(await syncEvents(db, api)).toBe(0);
    // First a full pull, then from the last seq it had (overlapping by one to check the log is the same).
    expect(asked).toEqual([0, 1, 3]);
    expect((await db.events.orderBy('seq').toArray()).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  it('starts over when the main side numbers its log differently (a new data folder)', async () => {
    await syncEvents(db, fakeLog([genesis(1), kommunAdded(2)]).api);
    const other = [genesis(1), memberAdded(2, 2)];
    const { api, asked } = fakeLog(other);
    await syncEvents(db, api);
    expect(asked).toEqual([1, 0]);
    expect((await db.events.toArray()).map((e) => e.id)).toEqual(other.map((e) => e.id));
  });

  it('empties the cache when the main side has no events any more', async () => {
    await syncEvents(db, fakeLog([genesis(1)]).api);
    expect(await syncEvents(db, fakeLog([]).api)).toBe(0);
    expect(await db.events.count()).toBe(0);
  });

  it('never stores the same event twice (the id is unique)', async () => {
    const g = genesis(1);
    await syncEvents(db, fakeLog([g]).api);
    await expect(db.events.add({ ...g, seq: 9 })).rejects.toThrow();
  });
});

describe('deriveState', () => {
  it('folds the stored lines into the förbund, its members and people', () => {
    const state = deriveState([genesis(1), kommunAdded(2), memberAdded(3)], genesis().id);
    expect(state.federation?.name).toBe('Samordningsförbundet Östra Skåne');
    expect(state.organisations[KOMMUN]?.contributions).toEqual({ '2026': 250000 });
    expect(state.persons[MEMBER.id]?.assignments).toHaveLength(1);
    expect(state.persons[DIRECTOR.id]?.staffRole).toBe('director');
  });

  it('holds events from a key that is not yet accepted, and judges them once it is', () => {
    const base = [genesis(1), kommunAdded(2), memberAdded(3), memberKeyRegistered(4), memberRenamesHimself(5)];
    const before = deriveState(base, genesis().id);
    expect(before.keys[MEMBER_KEY]?.status).toBe('pending');
    expect(before.held.map((h) => h.keyStatus)).toEqual(['pending']);
    expect(before.persons[MEMBER.id]?.name).toBe('Örjan Lind');

    const accept = stored(6, { author: DIRECTOR.id, key: DIRECTOR_KEY, lamport: 6, type: 'key.accepted', payload: { fingerprint: MEMBER_KEY }, prev: [] });
    const after = deriveState([...base, accept], genesis().id);
    expect(after.keys[MEMBER_KEY]?.status).toBe('accepted');
    expect(after.held).toEqual([]);
    // Accepted, the change is judged by the authority rules: only the förbundschef changes people.
    expect(after.refused.map((r) => r.reason)).toEqual([expect.stringMatching(/Örjan Lind är inte förbundschef/)]);
    expect(after.persons[MEMBER.id]?.name).toBe('Örjan Lind');
  });

  it('keeps an event without authority aside as refused, with a Swedish reason', () => {
    const accept = stored(5, { author: DIRECTOR.id, key: DIRECTOR_KEY, lamport: 5, type: 'key.accepted', payload: { fingerprint: MEMBER_KEY }, prev: [] });
    const memberAddsOrg = stored(6, {
      author: MEMBER.id,
      key: MEMBER_KEY,
      lamport: 6,
      type: 'organisation.added',
      payload: { id: '00000000-0000-4000-8000-000000000999', name: 'Ystads kommun', kind: 'municipality' },
      prev: [],
    });
    const state = deriveState([genesis(1), kommunAdded(2), memberAdded(3), memberKeyRegistered(4), accept, memberAddsOrg], genesis().id);
    expect(state.refused).toHaveLength(1);
    expect(state.refused[0]?.reason).toMatch(/är inte förbundschef/);
  });

  it('ignores unreadable lines and trusts only the pinned genesis', () => {
    const state = deriveState([genesis(1), { ...kommunAdded(2), body: 'trasig' }], 'f'.repeat(64));
    expect(state.federation).toBeNull();
    expect(state.organisations).toEqual({});
  });
});
