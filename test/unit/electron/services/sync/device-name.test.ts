import { describe, expect, it } from 'vitest';
import { carry, laptop, setUpForbund } from '../../../../helpers/federation-fixture';

/**
 * Issue #15 item 17: a laptop's key is shown to the förbundschef by the
 * device's name. It was the host name ("vm"), which says nothing to a
 * person; now it is the name chosen at set-up, or the owner's: "Lena
 * Ledamots dator".
 */
describe('the device gets a name a person recognises', () => {
  it('at set-up: the name chosen, else the owner’s; at joining: the member’s', async () => {
    const director = await laptop('chef');
    const ids = await setUpForbund(director);
    expect((await director['session.get']({})).device?.deviceName).toBe('Dana Direktörs dator');

    const named = await laptop('named');
    await named['forbund.create']({ name: 'Samordningsförbundet Norr', orgNr: '222000-0018', director: { name: 'Lars Berg', email: 'lars@example.se' }, deviceName: 'Kansliets bärbara' });
    expect((await named['session.get']({})).device?.deviceName).toBe('Kansliets bärbara');

    const member = await laptop('lena');
    await carry(await director['invitations.export']({ personId: ids.lena }), member, ids.lena);
    expect((await member['session.get']({})).device?.deviceName).toBe('Lena Ledamots dator');
  });
});
