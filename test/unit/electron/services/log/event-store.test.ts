import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signEvent } from '../../../../../electron/services/identity/events';
import { generateEphemeralIdentity } from '../../../../../electron/services/identity/keys';
import { openEventStore } from '../../../../../electron/services/log/event-store';
import { plainFiles, type SealedFiles } from '../../../../../electron/services/storage/sealed-file';
import type { VerifiedEvent } from '../../../../../shared/domain/log/signed-event';

const who = generateEphemeralIdentity({ person: randomUUID(), deviceName: 'test' });
const forbund = randomUUID();
const event = (lamport: number): VerifiedEvent => {
  const s = signEvent(who, { v: 1, forbund, author: who.person, key: who.fingerprint, lamport, at: new Date().toISOString(), type: 'federation.updated', payload: { name: `Namn ${lamport}` }, prev: [] });
  return { id: s.id, body: s.body, line: s.line };
};

describe('event store', () => {
  it('keeps events in the order learnt, drops duplicates and survives a reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-log-'));
    const store = await openEventStore(dir);
    const [a, b, c] = [event(1), event(2), event(3)];
    expect((await store.append([b!, a!])).map((e) => e.id)).toEqual([b!.id, a!.id]);
    expect(await store.append([a!, c!, c!])).toHaveLength(1);
    expect(store.list(0).map((e) => [e.seq, e.id])).toEqual([[1, b!.id], [2, a!.id], [3, c!.id]]);
    expect(store.list(2).map((e) => e.id)).toEqual([c!.id]);
    expect(store.get(a!.id)?.seq).toBe(2);
    expect(store.get('0'.repeat(64))).toBeNull();

    const again = await openEventStore(dir);
    expect(again.list(0)).toEqual(store.list(0));
  });

  it('merges segments when they pile up, without losing or reordering events', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-log-'));
    const store = await openEventStore(dir);
    for (let i = 1; i <= 80; i++) await store.append([event(i)]);
    expect(readdirSync(join(dir, 'log')).length).toBeLessThanOrEqual(64);
    const reopened = await openEventStore(dir);
    expect(reopened.list(0).map((e) => e.id)).toEqual(store.list(0).map((e) => e.id));
    expect(reopened.size).toBe(80);
  });

  it('a merge rewrites the newest segments, not the whole log (an action at ten years paid 56 ms every 64th time)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-log-'));
    let written = 0;
    const counting: SealedFiles = {
      ...plainFiles,
      writePieces: async (path: string, pieces: Iterable<string | Uint8Array>) => {
        const all = [...pieces];
        written += all.length;
        return plainFiles.writePieces(path, all);
      },
    };
    const store = await openEventStore(dir, counting);
    await store.append(Array.from({ length: 2000 }, (_, i) => event(i + 1))); // an invitation's years
    const [base] = readdirSync(join(dir, 'log'));
    written = 0;
    for (let i = 1; i <= 200; i++) await store.append([event(2000 + i)]); // then one action at a time
    expect(readdirSync(join(dir, 'log'))).toContain(base);
    expect(readdirSync(join(dir, 'log')).length).toBeLessThanOrEqual(64);
    expect(written).toBeLessThan(1000); // 200 new lines, each rewritten a few times; the 2 000 never
    const reopened = await openEventStore(dir);
    expect(reopened.list(0).map((e) => e.id)).toEqual(store.list(0).map((e) => e.id));
    expect(reopened.size).toBe(2200);
  });

  it('skips a damaged line instead of losing the whole log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-log-'));
    const store = await openEventStore(dir);
    await store.append([event(1), event(2)]);
    const [segment] = readdirSync(join(dir, 'log'));
    appendFileSync(join(dir, 'log', segment!), '{"body": "trasig\n');
    const reopened = await openEventStore(dir);
    expect(reopened.size).toBe(2);
  });
});
