// @vitest-environment node
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackage } from '../../../../../electron/services/packages/read';
import { openEventStore, type EventStore } from '../../../../../electron/services/log/event-store';
import { liveStringsContaining } from '../../../../helpers/heap-strings';
import { event, FORBUND, keyRegistered, person, tmp, writeChanges } from './helpers';

/**
 * Issue #16: a ten-year invitation's events are in memory while it is
 * imported, and the log's for as long as the app runs. Each event was held
 * twice: its parsed body and the JSON text of that body (a quarter of the
 * log in memory). Once its signature is checked an event is kept without the
 * text, which is made again (and checked against the id) when a line is
 * written or sent. Found by a heap snapshot of a ten-year import: the text
 * was also held by the package reader's `dispose`, through a closure context
 * shared with the map of parsed lines.
 */
const chef = person('Åsa Ek-Ström');
const member = person('Örjan Lind');

/** Events whose payload holds `marker`: the body's text then contains it too, inside `"note":"…"`. */
function markedEvents(marker: string) {
  return [keyRegistered(chef, 1), ...Array.from({ length: 20 }, (_, i) => event(chef, 'meeting.created', i + 2, { title: `Möte ${i}`, note: `${marker}-${i}` }))];
}

async function appendMarked(store: EventStore, marker: string): Promise<void> {
  await store.append(markedEvents(marker));
}

/** What is alive of the body texts: strings holding the marker and more than the payload's own value. */
async function bodyTextsAlive(marker: string): Promise<string[]> {
  return (await liveStringsContaining(marker)).filter((s) => s.includes('"payload"'));
}

describe('events kept in memory', () => {
  it('after a package is read, its events hold no JSON text of their bodies, and their lines are made again exactly', async () => {
    const marker = `mark${randomUUID().replaceAll('-', '')}`;
    const events = markedEvents(marker);
    const dir = tmp();
    const written = await writeChanges(join(dir, 'out'), chef, member, events, { now: new Date(2026, 2, 14, 10, 0) });
    const lines = new Set(events.map((e) => e.text));
    events.length = 0; // only the package holds them now
    const read = await readPackage(written.path, { trustedKeys: (fp) => (fp === chef.fingerprint ? chef.publicKeyPem : null), expectedForbund: FORBUND, tempDir: join(dir, 'tmp') });
    lines.clear();
    expect(read.events).toHaveLength(21);
    expect(await bodyTextsAlive(marker)).toEqual([]);
    // Made again on demand, byte for byte the signed text (the id is its hash).
    const again = read.events.map((e) => JSON.stringify(e.line));
    expect(again.every((l) => l.includes('"sig"'))).toBe(true);
    expect(again.filter((l) => l.includes(marker))).toHaveLength(20);
    await read.dispose();
  }, 60_000);

  it('the event store holds no JSON text of the bodies it keeps, after an append and after it is opened again', async () => {
    const marker = `mark${randomUUID().replaceAll('-', '')}`;
    const dir = tmp();
    let store = await openEventStore(dir);
    await appendMarked(store, marker); // in a frame of its own, so the signed events are garbage once it returns
    expect(await bodyTextsAlive(marker)).toEqual([]);
    store = await openEventStore(dir);
    expect(store.size).toBe(21);
    expect(await bodyTextsAlive(marker)).toEqual([]);
    // What the contract lists is still the signed text.
    expect(store.list(0).filter((e) => e.body.includes(marker))).toHaveLength(20);
  }, 60_000);

  it('a body changed in memory is never written under the signature made for the old one', async () => {
    const dir = tmp();
    const store = await openEventStore(dir);
    const [first] = await store.append([keyRegistered(chef, 1)]);
    (first!.body.payload as Record<string, unknown>)['deviceName'] = 'Någon annans dator';
    expect(() => store.list(0)).toThrow(/changed in memory/);
  });
});
