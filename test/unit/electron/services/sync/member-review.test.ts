import { describe, expect, it } from 'vitest';
import { runDemoScenario } from '../../../../../electron/services/demo/scenario';
import { fold } from '../../../../../shared/domain/events';
import type { VerifiedEvent } from '../../../../../shared/domain/log/signed-event';
import { laptop, type Laptop } from '../../../../helpers/federation-fixture';

async function stateOf(l: Laptop) {
  const session = await l['session.get']({});
  const { events } = await l['log.list']({ afterSeq: 0 });
  const verified: VerifiedEvent[] = events.map((e) => ({ id: e.id, body: JSON.parse(e.body), line: { body: e.body, sig: e.sig } }));
  return fold(verified, { genesisId: session.forbund!.genesisId });
}

/**
 * A new member reviews at once, before the förbundschef has accepted their
 * key: the review is held (waiting), travels in the return package and
 * applies everywhere once the key is accepted. The demo plays exactly that:
 * Olle Ström's laptop never hears of the acceptance (only the chair gets a
 * package back), so his review still waits there; the förbundschef imported
 * both returns and accepted both keys, so there it all applies.
 */
describe('reviews made while the key waits', () => {
  it('are held, travel, and apply once the förbundschef accepts the key', async () => {
    const director = await laptop('chef');
    const members: Laptop[] = [];
    const { files } = await runDemoScenario(director, async () => {
      const l = await laptop(`ledamot-${members.length}`);
      members.push(l);
      return l;
    });
    const olle = members[1]!;
    const own = await stateOf(olle);
    expect(own.held.map((h) => h.type).sort()).toEqual(['absence.reported', 'certificate.requested', 'jav.declared', 'key.encryption.registered', 'protokoll.attested', 'stance.set']);
    // It travelled in his return package, which the förbundschef imported.
    expect(files.map((f) => f.fileName)).toContain('retur-olle-strom.sbpaket');

    const state = await stateOf(director);
    const apps = Object.values(state.applications);
    const openRoads = apps.find((a) => a.versions[0]!.name === 'Öppna vägar' && a.versions[0]!.form === 'project')!;
    const healthier = apps.find((a) => a.versions[0]!.name.startsWith('Friskare'))!;
    expect(Object.values(openRoads.stances).map((s) => s.stance).sort()).toEqual(['discuss', 'support']);
    expect(Object.values(openRoads.questions)).toHaveLength(1);
    expect(Object.values(healthier.javDeclarations).map((j) => j.ground)).toEqual(['representative']);
    expect(state.held).toEqual([]);
    expect(state.refused).toEqual([]);
  }, 240_000);

  it('never lets a waiting key do what its owner may not do', async () => {
    const director = await laptop('chef2');
    const members: Laptop[] = [];
    await runDemoScenario(director, async () => {
      const l = await laptop(`m-${members.length}`);
      members.push(l);
      return l;
    });
    await expect(
      // Olle's key still waits on his own laptop (Lena's was accepted and came back to her).
      members[1]!['log.append']({ type: 'budget.set', payload: { amounts: { '2027': 1 } }, prev: [] }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  }, 240_000);
});
