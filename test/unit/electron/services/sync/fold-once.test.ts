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
const counts = vi.hoisted(() => ({ folds: 0, active: false }));
/**
 * Counts every full fold while an import runs, whoever asks: the preview, the kept state, the
 * authority check of this laptop's own events while its key waits, and the state view.
 */
const count = () => {
  if (!counts.active) return;
  counts.folds++;
  if (process.env['SB_FOLD_TRACE']) console.log(new Error().stack?.split('\n').slice(2, 6).join('\n'));
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
  counts.active = true;
  try {
    await work();
  } finally {
    counts.active = false;
  }
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

  // The preview's fold is kept; the new key's registration and the check of the laptop's next events
  // continue it. The second fold is the view a waiting key gets of its own held changes (state-view.ts).
  it('an invitation on a new laptop: at most two folds (the preview, and the view of the waiting key’s held changes)', async () => {
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
