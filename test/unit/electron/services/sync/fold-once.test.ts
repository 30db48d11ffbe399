import { describe, expect, it, vi } from 'vitest';
import type * as FoldModule from '../../../../../shared/domain/events/fold';
import { carry, joinAndAccept, laptop, setUpForbund } from '../../../../helpers/federation-fixture';

/**
 * Issue #16: an imported package was folded several times (the preview, then
 * the kept state again after apply, and again when the laptop bound itself to
 * its person). The preview's fold is kept: importing folds the whole history
 * once for a package of changes, and an invitation's own key registration on
 * top is applied by the kept state rather than another full fold of the log.
 */
const counts = vi.hoisted(() => ({ folds: 0 }));
/**
 * Counts the folds an import makes. Two other callers fold on their own account and are left out: the
 * authority check of this laptop's own next event while its key waits (the PKI's certificate request
 * after a first import), and the state view of a laptop's held changes while its key waits.
 */
const count = () => {
  if (!/checkWouldApply|state-view/.test(new Error().stack ?? '')) counts.folds++;
};
vi.mock('../../../../../shared/domain/events/fold', async (importOriginal) => {
  const real = await importOriginal<typeof FoldModule>();
  return {
    ...real,
    fold: (...args: Parameters<typeof real.fold>) => (count(), real.fold(...args)),
    foldDetailed: (...args: Parameters<typeof real.foldDetailed>) => (count(), real.foldDetailed(...args)),
  };
});

/** Full folds (fold or foldDetailed of the whole log) while `work` runs. */
async function foldsDuring(work: () => Promise<unknown>): Promise<number> {
  counts.folds = 0;
  await work();
  return counts.folds;
}

describe('an import folds the history once', () => {
  it('a package of changes: preview and apply together fold once', async () => {
    const director = await laptop('fold-chef');
    const member = await laptop('fold-member');
    const { lena } = await setUpForbund(director);
    await joinAndAccept(director, member, lena);
    await carry(await director['packages.export']({ recipients: { mode: 'board' } }), member);
    await member['state.get']({ since: null });
    for (let i = 0; i < 5; i++) await director['log.append']({ type: 'organisation.added', payload: { id: crypto.randomUUID(), name: `Org ${i}`, kind: 'municipality', contributions: {} }, prev: [] });
    const board = await director['packages.export']({ recipients: { mode: 'board' } });
    const folds = await foldsDuring(async () => {
      await carry(board, member);
      await member['state.get']({ since: null });
    });
    expect(folds).toBe(1);
  });

  it('an invitation on a new laptop: at most two folds (the preview, and the history with the new key)', async () => {
    const director = await laptop('fold-chef2');
    const member = await laptop('fold-new');
    const { olle } = await setUpForbund(director);
    const invitation = await director['invitations.export']({ personId: olle });
    const folds = await foldsDuring(async () => {
      await carry(invitation, member, olle);
      await member['state.get']({ since: null });
    });
    expect(folds).toBeLessThanOrEqual(2);
  });
});
