import { describe, expect, it } from 'vitest';
import { snapshotTree } from '../../../../helpers/tree';
import { carry, laptop, setUpForbund } from '../../../../helpers/federation-fixture';

/**
 * A lost laptop (issue #11), with real laptops and packages: the förbundschef
 * revokes its key; a package that laptop makes afterwards is refused in the
 * preview with the reason and changes nothing; the member joins again with a
 * new laptop and a new key.
 */
describe('revoking a lost laptop’s key', () => {
  it('refuses the lost laptop’s later package and lets the member join again', async () => {
    const director = await laptop('dir');
    const { olle } = await setUpForbund(director);
    const lost = await laptop('olle-lost');
    await carry(await director['invitations.export']({ personId: olle }), lost, olle);
    const lostKey = (await lost['session.get']({})).device!.fingerprint;
    await carry(await lost['packages.export']({ recipients: { mode: 'director' } }), director);
    await director['log.append']({ type: 'key.accepted', payload: { fingerprint: lostKey }, prev: [] });
    // Olle's laptop has learnt its key was accepted and has sent a change (its events so far are kept).
    await carry(await director['packages.export']({ recipients: { mode: 'person', personId: olle } }), lost);

    await director['log.append']({ type: 'key.revoked', payload: { fingerprint: lostKey, reason: 'Datorn är borttappad.' }, prev: [] });

    // Whoever has the laptop now makes a package from it.
    const fromLost = await lost['packages.export']({ recipients: { mode: 'director' } });
    const before = snapshotTree(director.dataDir);
    const error = await director['packages.preview']({ fileName: fromLost.fileName, bytes: fromLost.bytes }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_file', message: expect.stringMatching(/spärrats.*borttappad/s) });
    expect(snapshotTree(director.dataDir)).toEqual(before);

    // Olle's new laptop: a new invitation, a new key, accepted.
    const fresh = await laptop('olle-new');
    await carry(await director['invitations.export']({ personId: olle }), fresh, olle);
    const newKey = (await fresh['session.get']({})).device!.fingerprint;
    expect(newKey).not.toBe(lostKey);
    await carry(await fresh['packages.export']({ recipients: { mode: 'director' } }), director);
    await director['log.append']({ type: 'key.accepted', payload: { fingerprint: newKey }, prev: [] });
    await carry(await director['packages.export']({ recipients: { mode: 'person', personId: olle } }), fresh);
    const back = await fresh['packages.export']({ recipients: { mode: 'director' } });
    const { preview } = await carry(back, director);
    expect(preview.sender.name).toBe('Olle Ledamot');
  });
});
