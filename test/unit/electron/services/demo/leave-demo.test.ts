// @vitest-environment node
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ORGNR, laptop } from '../../../../helpers/federation-fixture';

/** Issue #15 item 13: the demo is marked as such and can be left, back to the start screen, without deleting anything. */
describe('leaving the demo förbund', () => {
  it('marks the demo, and "Lämna demoförbundet" archives its files and starts afresh', async () => {
    const l = await laptop('demo-leave');
    const demo = await l['demo.load']({});
    expect(demo.demo).toBe(true);
    expect(demo.forbund).not.toBeNull();
    const after = await l['demo.leave']({});
    expect(after).toMatchObject({ demo: false, forbund: null, device: null });
    expect((await l['log.list']({ afterSeq: 0 })).events).toEqual([]);
    // Nothing deleted: the demo lies in an archive folder beside the fresh start.
    const archived = readdirSync(l.dataDir).filter((n) => n.startsWith('demo-arkiv-'));
    expect(archived).toHaveLength(1);
    expect(readdirSync(`${l.dataDir}/${archived[0]}`).length).toBeGreaterThan(2);
    // A real förbund can be set up on the same installation afterwards.
    const own = await l['forbund.create']({ name: 'Samordningsförbundet Mitt', orgNr: ORGNR, director: { name: 'Dana Direktör', email: 'dana@example.se' } });
    expect(own).toMatchObject({ demo: false, forbund: { name: 'Samordningsförbundet Mitt' } });
  }, 240_000);

  it('refuses to leave a förbund that is not the demo, and changes nothing', async () => {
    const l = await laptop('not-demo');
    await l['forbund.create']({ name: 'Samordningsförbundet Riktigt', orgNr: ORGNR, director: { name: 'Dana Direktör', email: 'dana@example.se' } });
    const before = (await l['log.list']({ afterSeq: 0 })).events.length;
    await expect(l['demo.leave']({})).rejects.toThrow('inget demoförbund');
    expect((await l['log.list']({ afterSeq: 0 })).events.length).toBe(before);
    expect((await l['session.get']({})).forbund?.name).toBe('Samordningsförbundet Riktigt');
  });
});
