import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../../../electron/services';
import { fold } from '../../../../../shared/domain/events';
import type { EventBody, VerifiedEvent } from '../../../../../shared/domain/log/signed-event';

/**
 * Migration (issue #11): a data folder written by the version before the
 * causal order (format-1 events, chosen clocks) opens; its history folds to
 * the same state with nothing refused; the next event is format 2 and names
 * the last legacy event as its past, with its clock derived from it.
 * (Fixture: a förbundschef's folder made by that version: set-up, a member's
 * key registered and accepted, a person changed.)
 */
const FIXTURE = join(__dirname, '..', '..', '..', '..', 'fixtures', 'legacy-v1-datadir');

describe('a format-1 log after the change', () => {
  it('opens, folds with nothing refused, and continues in format 2', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-legacy-'));
    cpSync(FIXTURE, dataDir, { recursive: true });
    const laptop = await createServices({ dataDir, host: 'web', version: 'test' });
    const { events } = await laptop['log.list']({ afterSeq: 0 });
    const legacy: VerifiedEvent[] = events.map((e) => ({ id: e.id, body: JSON.parse(e.body) as EventBody, line: { body: e.body, sig: e.sig } }));
    expect(legacy.length).toBeGreaterThanOrEqual(10);
    expect(legacy.every((e) => e.body.v === 1)).toBe(true);
    const session = await laptop['session.get']({});
    const before = fold(legacy, { genesisId: session.forbund!.genesisId });
    expect(before.refused).toEqual([]);
    expect(before.held).toEqual([]);
    expect(Object.values(before.keys).every((k) => k.status === 'accepted')).toBe(true);

    const orgId = Object.keys(before.organisations)[0]!;
    const next = await laptop['log.append']({ type: 'organisation.updated', payload: { id: orgId, name: 'Nytt namn' }, prev: before.organisations[orgId]!.heads });
    const body = JSON.parse(next.body) as EventBody;
    const last = legacy.reduce((a, b) => (b.body.lamport > a.body.lamport || (b.body.lamport === a.body.lamport && b.id > a.id) ? b : a));
    expect(body.v).toBe(2);
    expect(body.after).toEqual([last.id]);
    expect(body.lamport).toBe(last.body.lamport + 1);
    const after = fold([...legacy, { id: next.id, body, line: { body: next.body, sig: next.sig } }], { genesisId: session.forbund!.genesisId });
    expect(after.refused).toEqual([]);
    expect(after.organisations[orgId]?.name).toBe('Nytt namn');
  });
});
