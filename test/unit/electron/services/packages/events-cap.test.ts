import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackage } from '../../../../../electron/services/packages/read';
import { writePackage } from '../../../../../electron/services/packages/write';
import { event, FORBUND, FORBUND_NAME, keyRegistered, person, tmp } from './helpers';

/**
 * Issue #16: a new member's invitation can be made at any history size. At
 * 99 000 events events.jsonl passed the old 100 MB cap and no invitation
 * could be made at all; the writer and the reader both stream it.
 */
describe('events.jsonl over 100 MB', () => {
  it('is written into an invitation and read back, line by line', async () => {
    const chef = person('Dana Direktör');
    // ~110 events of ~960 KB each (random text: it must not look like a zip bomb when deflated).
    const events = [keyRegistered(chef, 1), ...Array.from({ length: 110 }, (_, i) => event(chef, 'note.added', i + 2, { text: randomBytes(720_000).toString('base64') }))];
    const dir = tmp();
    const written = await writePackage({
      outPath: join(dir, 'inbjudan.sbpaket'),
      identity: chef,
      forbund: { id: FORBUND, name: FORBUND_NAME },
      sender: { person: chef.person, name: chef.name },
      recipients: [],
      kind: 'invitation',
      eventLines: events.map((e) => e.text),
      attachments: [],
      acks: {},
    });
    const eventsBytes = events.reduce((n, e) => n + Buffer.byteLength(e.text) + 1, 0);
    expect(eventsBytes).toBeGreaterThan(100 * 1024 * 1024);
    expect(written.counts.events).toBe(events.length);
    const read = await readPackage(written.path, { trustedKeys: () => null, allowUnknownSender: true });
    expect(read.manifest.entries.find((e) => e.name === 'events.jsonl')!.size).toBe(eventsBytes);
    expect(new Set(read.events.map((e) => e.id))).toEqual(new Set(events.map((e) => e.id)));
  }, 120_000);
});
