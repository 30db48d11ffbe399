import { describe, expect, it } from 'vitest';
import { fold } from '../../../../../shared/domain/events';
import type { VerifiedEvent } from '../../../../../shared/domain/log/signed-event';
import { carry, laptop, setUpForbund, type Laptop } from '../../../../helpers/federation-fixture';

async function stateOf(l: Laptop) {
  const session = await l['session.get']({});
  const { events } = await l['log.list']({ afterSeq: 0 });
  const verified: VerifiedEvent[] = events.map((e) => ({ id: e.id, body: JSON.parse(e.body), line: { body: e.body, sig: e.sig } }));
  return fold(verified, { genesisId: session.forbund!.genesisId });
}

describe('set-up, invitation, key registration and a round trip of packages', () => {
  it('works end to end between a förbundschef and a ledamot', async () => {
    const director = await laptop('director');
    const { lena } = await setUpForbund(director);
    const session = await director['session.get']({});
    expect(session.forbund?.name).toBe('Samordningsförbundet Östra Skaraborg');
    expect(session.device?.shortCode).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);

    // Invitation for Lena.
    const invitation = await director['invitations.export']({ personId: lena });
    expect(invitation.fileName).toBe('inbjudan-lena-ledamot-samordningsforbundet-ostra-skaraborg.sbpaket');
    const firstChanges = await director['packages.export']({ recipients: { mode: 'board' } });
    expect(firstChanges.fileName).toMatch(/^samordningsforbundet-ostra-skaraborg-\d{4}-\d{2}-\d{2}-dana-direktor\.sbpaket$/);

    const member = await laptop('lena');
    const first = await member['packages.preview']({ fileName: invitation.fileName, bytes: invitation.bytes });
    expect(first.kind).toBe('invitation');
    expect(first.sender.shortCode).toBe(session.device!.shortCode);
    expect(first.roster.map((r) => r.name)).toContain('Lena Ledamot');
    await member['packages.apply']({ previewId: first.previewId, asPerson: lena });
    const memberSession = await member['session.get']({});
    expect(memberSession.device?.personId).toBe(lena);
    expect(memberSession.sync.unsent).toBe(2); // the key registration and the request for a PDF-signing certificate (issue #12)

    // Lena's first return package registers her key: held until the förbundschef accepts it.
    const back = await member['packages.export']({ recipients: { mode: 'director' } });
    const { preview } = await carry(back, director);
    expect(preview.sender).toMatchObject({ name: 'Lena Ledamot', known: false, shortCode: memberSession.device!.shortCode });
    expect(preview.newEvents).toEqual([
      { type: 'key.registered', label: 'Datorns nyckel registrerades', count: 1 },
      { type: 'certificate.requested', label: 'Certifikat för PDF-signaturer begärdes', count: 1 },
      // Her X25519 key, so packages can be encrypted to her once the key is accepted (issue #14).
      { type: 'key.encryption.registered', label: 'Datorns krypteringsnyckel registrerades', count: 1 },
    ]);
    let state = await stateOf(director);
    expect(state.keys[memberSession.device!.fingerprint]?.status).toBe('pending');

    await director['log.append']({ type: 'key.accepted', payload: { fingerprint: memberSession.device!.fingerprint }, prev: [] });
    state = await stateOf(director);
    expect(state.keys[memberSession.device!.fingerprint]?.status).toBe('accepted');
    // Accepting the key issued her certificate for PDF signatures, from the förbund CA made at set-up.
    expect(state.pki.ca).not.toBeNull();
    expect(state.pki.certificates[memberSession.device!.fingerprint]?.personId).toBe(lena);

    // Importing the same package again changes nothing.
    const again = await carry(back, director);
    expect(again.applied.newEvents).toBe(0);
    expect(again.preview.alreadyKnown).toBeGreaterThan(0);

    // Back to Lena: she learns her key was accepted; later packages shrink.
    const toLena = await director['packages.export']({ recipients: { mode: 'person', personId: lena } });
    const applied = await carry(toLena, member);
    expect(applied.applied.newEvents).toBeGreaterThan(0);
    const lenaState = await stateOf(member);
    expect(lenaState.keys[memberSession.device!.fingerprint]?.status).toBe('accepted');
    expect(lenaState).toEqual(await stateOf(director));

    // The invitation carried everything; Lena's first package acknowledged it, so this one held only what was new.
    expect(toLena.events).toBe(2); // key.accepted and certificate.issued
    expect(toLena.events).toBeLessThan(invitation.events);
    // Once Lena acknowledges that too, there is nothing left to send her.
    await carry(await member['packages.export']({ recipients: { mode: 'director' } }), director);
    const nothingNew = await director['packages.export']({ recipients: { mode: 'person', personId: lena } });
    expect(nothingNew.events).toBe(0);
  });

  it('refuses a change the author has no authority for, with a Swedish reason, and stores nothing', async () => {
    const director = await laptop('director2');
    const { lena } = await setUpForbund(director);
    const member = await laptop('lena2');
    await carry(await director['invitations.export']({ personId: lena }), member, lena);
    const before = (await member['log.list']({ afterSeq: 0 })).events.length;
    await expect(
      member['log.append']({ type: 'organisation.added', payload: { id: crypto.randomUUID(), name: 'Falsk kommun', kind: 'municipality' }, prev: [] }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect((await member['log.list']({ afterSeq: 0 })).events.length).toBe(before);
  });

  it('refuses a first package that is not an invitation', async () => {
    const director = await laptop('director3');
    const { lena } = await setUpForbund(director);
    const other = await laptop('other');
    const pkg = await director['packages.export']({ recipients: { mode: 'person', personId: lena } });
    await expect(other['packages.preview']({ fileName: pkg.fileName, bytes: pkg.bytes })).rejects.toMatchObject({
      message: expect.stringMatching(/ingen inbjudan/),
    });
  });
});
