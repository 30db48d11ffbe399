import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateHistory } from '../../../../../bench/scale/generate';
import { openEventStore } from '../../../../../electron/services/log/event-store';
import type { FederationService } from '../../../../../electron/services/sync/federation';
import { openMaterialised } from '../../../../../electron/services/sync/materialised';
import { createStateView } from '../../../../../electron/services/sync/state-view';
import { useFederationStore } from '../../../../../renderer/src/state/federation-store';

/**
 * Issue #16: the state view sends only what the steps of the materialised
 * state touched. Every feature's reducers must reach what they change through
 * the state (kernel/touched.ts), or the renderer keeps a stale item. A year of
 * the bench's realistic history (meetings with every § recorded, protokoll
 * drafted, justerat and posted, ansökningar with questions, answers, stances
 * and shared notes, delegationsbeslut, jävsprofiler), arriving in batches as
 * a laptop learns it: after each, what the renderer holds equals what a view
 * comparing everything serves.
 */
describe('the state view over a realistic year', () => {
  it('serves by change sets what a full compare serves, for every kind of event the bench makes', async () => {
    const h = generateHistory(1, { seed: 'state-view-history' });
    const store = await openEventStore(mkdtempSync(join(tmpdir(), 'sb-view-history-')));
    const kept = await openMaterialised({ store, genesisId: () => h.genesisId });
    const federation = { state: () => kept.state(), identity: () => null, materialised: kept } as unknown as FederationService;
    const view = createStateView({ federation, store, genesisId: () => h.genesisId });
    const api = { 'state.get': async ({ since }: { since: string | null }) => JSON.parse(JSON.stringify(view.get(since))) as ReturnType<typeof view.get> };
    useFederationStore.getState().forget();
    let partial = 0;
    let at = 0;
    for (let batch = 1; at < h.events.length; batch = (batch % 17) + 1) {
      await store.append(h.events.slice(at, at + batch));
      at += batch;
      const answer = view.get(useFederationStore.getState().revision);
      if (answer.view?.complete === false) partial++;
      await useFederationStore.getState().pull(api);
      if (batch % 5 === 0 || at >= h.events.length) {
        const full = JSON.parse(JSON.stringify(createStateView({ federation, store, genesisId: () => h.genesisId }).get(null).view!.state)) as unknown;
        expect(useFederationStore.getState().state, `after ${at} events`).toEqual(full);
      }
    }
    // Not always-green: nearly every answer was a change set after steps, not a fold.
    expect(partial).toBeGreaterThan(100);
    expect(kept.stats.folds).toBeLessThan(5);
    expect(kept.stats.stepped).toBeGreaterThan(h.events.length / 2);
  }, 120_000);
});
