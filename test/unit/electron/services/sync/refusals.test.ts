import { describe, expect, it } from 'vitest';
import { snapshotTree } from '../../../../helpers/tree';
import { carry, joinAndAccept, laptop, setUpForbund } from '../../../../helpers/federation-fixture';

/**
 * Every refused package, through the same calls the app makes: a Swedish
 * message naming the reason, and the data folder byte for byte as before.
 * (The ZIP-level cases — bombs, traversal names, links, bad hashes — are in
 * test/unit/packages/refusals.test.ts against the reader itself.)
 */
describe('refused packages change nothing', () => {
  it('refuses each bad package with its reason and leaves the data folder as it was', async () => {
    const director = await laptop('dir');
    const { lena, olle } = await setUpForbund(director);
    const lenaLaptop = await laptop('lena');
    await joinAndAccept(director, lenaLaptop, lena);
    const olleLaptop = await laptop('olle');
    await joinAndAccept(director, olleLaptop, olle);

    const otherDirector = await laptop('other');
    await setUpForbund(otherDirector);
    const foreign = await otherDirector['packages.export']({ recipients: { mode: 'board' } });
    // Olle's second package to the förbundschef no longer carries his key registration (she acknowledged it).
    await carry(await director['packages.export']({ recipients: { mode: 'person', personId: olle } }), olleLaptop);
    const fromOlle = await olleLaptop['packages.export']({ recipients: { mode: 'director' } });
    const good = await director['packages.export']({ recipients: { mode: 'board' } });
    const flipped = Uint8Array.from(good.bytes);
    const middle = Math.floor(flipped.length / 2);
    flipped[middle] = flipped[middle]! ^ 0xff;

    const cases: [string, Uint8Array, RegExp][] = [
      ['not a ZIP', new TextEncoder().encode('Det här är ett brev, inget paket.'), /Paketet kunde inte importeras/],
      ['truncated', good.bytes.subarray(0, good.bytes.length - 100), /Paketet kunde inte importeras/],
      ['changed bytes', flipped, /Paketet kunde inte importeras/],
      ['another förbund', foreign.bytes, /ett annat förbund med samma namn/],
      // Olle's package to the förbundschef is encrypted to her devices (and his): Lena's laptop cannot open it.
      ['for someone else', fromOlle.bytes, /^Paketet är inte till dig/],
    ];
    const before = snapshotTree(lenaLaptop.dataDir);
    for (const [label, bytes, message] of cases) {
      const error = await lenaLaptop['packages.preview']({ fileName: 'paket.sbpaket', bytes }).catch((e: unknown) => e);
      expect(error, label).toMatchObject({ code: 'invalid_file', message: expect.stringMatching(message) });
      expect(snapshotTree(lenaLaptop.dataDir), label).toEqual(before);
    }
  });
});
