import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as folding from '../../../../../shared/domain/events/fold';
import { plainSecretBox } from '../../../../../electron/services/identity/keys';
import { openEventStore } from '../../../../../electron/services/log/event-store';
import { openFederation } from '../../../../../electron/services/sync/federation';
import { openLocalState } from '../../../../../electron/services/sync/local-state';
import { createStateView } from '../../../../../electron/services/sync/state-view';

vi.mock('../../../../../shared/domain/events/fold', async (importOriginal) => {
  const m = await importOriginal<typeof folding>();
  return { ...m, fold: vi.fn(m.fold), ...('foldDetailed' in m ? { foldDetailed: vi.fn(m.foldDetailed) } : {}) };
});

const folds = (): number => vi.mocked(folding.fold).mock.calls.length + ('foldDetailed' in folding ? vi.mocked(folding.foldDetailed).mock.calls.length : 0);

/**
 * Issue #16: an action must not cost a fold of the whole history. The main
 * side judged every new event by folding the whole log again (and the state
 * once more after it was stored), so saving a stance took seconds after a few
 * years. Now the kept state judges it and applies it alone.
 */
describe('an action on the main side', () => {
  it('is judged and applied without folding the log again, and a refusal still gives the rule’s reason', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-append-cost-'));
    const store = await openEventStore(dataDir);
    const local = await openLocalState(dataDir);
    const federation = await openFederation({ dataDir, box: plainSecretBox, store, local });
    await federation.create({ name: 'Samordningsförbundet Test', orgNr: '222000-0018', director: { name: 'Dana Direktör', email: 'dana@example.se' } });
    const org = randomUUID();
    await federation.append('organisation.added', { id: org, name: 'Kommunen', kind: 'municipality' }, []);
    expect(federation.state().organisations[org]?.name).toBe('Kommunen');

    const before = folds();
    const added: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = randomUUID();
      added.push(id);
      await federation.append('person.added', { id, name: `Person ${i}`, email: `p${i}@example.se`, organisationId: org }, []);
      expect(federation.state().persons[id]?.name).toBe(`Person ${i}`);
    }
    await expect(federation.append('organisation.updated', { id: randomUUID(), name: 'Finns inte' }, [])).rejects.toThrow('Förbundsmedlemmen finns inte.');
    expect(folds() - before).toBe(0);
    expect(Object.keys(federation.state().persons)).toEqual(expect.arrayContaining(added));
    expect(store.size).toBe(7);
  });

  it('reads neither the whole log for the session nor for the state view: its own events and the counts per key are kept', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-append-cost-'));
    const store = await openEventStore(dataDir);
    const local = await openLocalState(dataDir);
    const federation = await openFederation({ dataDir, box: plainSecretBox, store, local });
    const view = createStateView({ federation, store, genesisId: () => local.get().forbund?.genesisId });
    await federation.create({ name: 'Samordningsförbundet Test', orgNr: '222000-0018', director: { name: 'Dana Direktör', email: 'dana@example.se' } });
    const org = randomUUID();
    await federation.append('organisation.added', { id: org, name: 'Kommunen', kind: 'municipality' }, []);
    const first = view.get(null);

    const all = vi.spyOn(store, 'all');
    await federation.append('person.added', { id: randomUUID(), name: 'Olle Ordförande', email: 'olle@example.se', organisationId: org }, []);
    const session = federation.session();
    const next = view.get(first.revision);
    expect(all).not.toHaveBeenCalled();
    // … and what they say is still the whole log's.
    const mine = federation.identity()!.fingerprint;
    expect(session.sync.unsent).toBe(store.size);
    expect(next.view!.eventsByKey).toEqual({ [mine]: store.size });
    expect(next.view!.eventCount).toBe(store.size);
    const reopened = await openEventStore(dataDir);
    expect(reopened.ofKey(mine).map((e) => e.id)).toEqual(store.all().map((e) => e.id));
    expect(reopened.countsByKey()).toEqual({ [mine]: store.size });
  });
});
