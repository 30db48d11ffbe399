import { describe, expect, it } from 'vitest';
import { carry, laptop, setUpForbund } from '../../../../helpers/federation-fixture';

/**
 * Issue #15 items 3 and 12: an invitation names its person and only that
 * person can join with it; every preview says whom the package is for.
 */
describe('packages know whom they are for', () => {
  it('an invitation offers only its own person and refuses joining as anyone else', async () => {
    const director = await laptop('director');
    const { lena, olle } = await setUpForbund(director);
    const invitation = await director['invitations.export']({ personId: olle });
    const member = await laptop('olle');
    const preview = await member['packages.preview']({ fileName: invitation.fileName, bytes: invitation.bytes });
    expect(preview.recipients).toEqual([{ personId: olle, name: 'Olle Ledamot' }]);
    expect(preview.roster.map((r) => r.personId)).toEqual([olle]);
    await expect(member['packages.apply']({ previewId: preview.previewId, asPerson: lena })).rejects.toThrow('Inbjudan gäller Olle Ledamot');
    // Nothing was joined: the laptop still belongs to no förbund.
    expect((await member['session.get']({})).forbund).toBeNull();
    const again = await member['packages.preview']({ fileName: invitation.fileName, bytes: invitation.bytes });
    await member['packages.apply']({ previewId: again.previewId, asPerson: olle });
    expect((await member['session.get']({})).device?.personId).toBe(olle);
  });

  it('a changes package says whom it is for: named people, or the whole board', async () => {
    const director = await laptop('director');
    const { lena, olle } = await setUpForbund(director);
    const member = await laptop('lena');
    await carry(await director['invitations.export']({ personId: lena }), member, lena);
    const back = await carry(await member['packages.export']({ recipients: { mode: 'director' } }), director);
    await director['log.append']({ type: 'key.accepted', payload: { fingerprint: back.preview.sender.fingerprint }, prev: [] });
    const toLena = await director['packages.export']({ recipients: { mode: 'person', personId: lena } });
    const p1 = await member['packages.preview']({ fileName: toLena.fileName, bytes: toLena.bytes });
    expect(p1.recipients).toEqual([{ personId: lena, name: 'Lena Ledamot' }]);
    // A package for Olle is encrypted to Olle's devices: refused here (encrypted-packages.test.ts).
    const toOlle = await director['packages.export']({ recipients: { mode: 'person', personId: olle } });
    await expect(member['packages.preview']({ fileName: toOlle.fileName, bytes: toOlle.bytes })).rejects.toThrow(/^Paketet är inte till dig/);
    const toBoard = await director['packages.export']({ recipients: { mode: 'board' } });
    const p2 = await member['packages.preview']({ fileName: toBoard.fileName, bytes: toBoard.bytes });
    expect(p2.recipients).toEqual([]);
  });

  it('a refusal of my own change says why in plain Swedish, without repeating what the change was', async () => {
    const director = await laptop('director');
    const { olle } = await setUpForbund(director);
    const member = await laptop('olle');
    await carry(await director['invitations.export']({ personId: olle }), member, olle);
    const attempt = member['log.append']({ type: 'organisation.added', payload: { id: '7d9a7e0c-2f0a-4c8e-9a51-3f1f2a0b9c11', name: 'Falköpings kommun', kind: 'municipality' }, prev: [] });
    await expect(attempt).rejects.toThrow(/^Olle Ledamot är inte förbundschef/);
  });

  it('a package that was only created is not "sent": my changes count as confirmed once the recipient’s package acknowledges them', async () => {
    const director = await laptop('director');
    const { lena } = await setUpForbund(director);
    const member = await laptop('lena');
    await carry(await director['invitations.export']({ personId: lena }), member, lena);
    // Two own changes: the key registration and the request for a PDF-signing certificate.
    expect((await member['session.get']({})).sync).toMatchObject({ unsent: 2, unconfirmed: 0 });
    const back = await member['packages.export']({ recipients: { mode: 'director' } });
    // …and the encryption key, announced with the first package.
    expect((await member['session.get']({})).sync).toMatchObject({ unsent: 0, unconfirmed: 3 });
    await carry(back, director);
    await director['log.append']({ type: 'key.accepted', payload: { fingerprint: (await member['session.get']({})).device!.fingerprint }, prev: [] });
    const answer = await director['packages.export']({ recipients: { mode: 'person', personId: lena } });
    await carry(answer, member);
    expect((await member['session.get']({})).sync).toMatchObject({ unsent: 0, unconfirmed: 0 });
  });

  it('a package from another förbund with the same name is refused with words that say so', async () => {
    const mine = await laptop('mine');
    await setUpForbund(mine);
    const other = await laptop('other');
    await setUpForbund(other);
    const pkg = await other['packages.export']({ recipients: { mode: 'board' } });
    const before = (await mine['log.list']({ afterSeq: 0 })).events.length;
    await expect(mine['packages.preview']({ fileName: pkg.fileName, bytes: pkg.bytes })).rejects.toThrow('ett annat förbund med samma namn');
    expect((await mine['log.list']({ afterSeq: 0 })).events.length).toBe(before);
  });
});
