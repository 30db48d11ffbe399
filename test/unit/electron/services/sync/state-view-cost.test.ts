import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { laptop, setUpForbund } from '../../../../helpers/federation-fixture';
import { application, budget } from '../../../shared/domain/applications/fixtures';

/**
 * Issue #16: the cost of an action does not grow with the history. The state
 * view compared every item of every section as JSON on each build (20–40 ms
 * at ten years for one stance). The materialised state knows which items an
 * event touched; the view compares only those.
 */
describe('the state view after one action', () => {
  afterEach(() => vi.restoreAllMocks());

  it('serialises only the items the action touched, however many there are', async () => {
    const director = await laptop('sv-cost');
    const { af, kommun, lena } = await setUpForbund(director);
    const apps: ReturnType<typeof application>[] = [];
    for (let i = 0; i < 40; i++) {
      const app = application({ id: randomUUID(), registrationNumber: `Dnr 2026/${i + 1}`, parties: [af, kommun], ownerId: af, contact: { name: 'Karin Rangin', role: 'Förbundssamordnare', organisationId: kommun }, attachments: [], budget: budget().map((l) => ({ ...l, coFinancing: [] })) });
      await director['log.append']({ type: 'application.registered', payload: app as unknown as Record<string, unknown>, prev: [] });
      apps.push(app);
    }
    let { revision } = await director['state.get']({ since: null });
    const target = apps[17]!;
    for (const [type, payload] of [
      ['person.updated', { id: lena, name: 'Lena Lind' }],
      ['application.revised', { ...target, version: 2, name: 'Ungdomslots, reviderad' }],
    ] as const) {
      await director['log.append']({ type, payload: payload as unknown as Record<string, unknown>, prev: [] });
      const stringify = vi.spyOn(JSON, 'stringify');
      const next = await director['state.get']({ since: revision });
      const calls = stringify.mock.calls.length;
      stringify.mockRestore();
      revision = next.revision;
      expect(next.view!.complete).toBe(false);
      // A handful (the touched item, the author's name it read, the small per-key counts), not one per application.
      expect(calls, type).toBeLessThan(10);
      // … and what changed is still sent.
      expect(JSON.stringify(next.view!.items)).toContain(type === 'person.updated' ? 'Lena Lind' : 'Ungdomslots, reviderad');
    }
  });
});
