import { describe, expect, it } from 'vitest';
import { keyAcceptedNotice, whoseDevice } from '../../../renderer/src/lib/words';

/** Issue #15 item 17: "Anders Nyströms ändringar från Anders Nyströms dator" – a device named after its person is named once. */
describe('a device and its person, in one phrase', () => {
  it('names the person once when the device is named after them', () => {
    expect(whoseDevice('Anders Nyström', 'Anders Nyströms dator')).toBe('Anders Nyströms dator');
    expect(keyAcceptedNotice('Anders Nyström', 'Anders Nyströms dator')).toBe('Ändringar från Anders Nyströms dator gäller nu. Skicka ett paket till styrelsen så att alla får veta.');
    expect(keyAcceptedNotice('Anders Nyström', 'Anders Nyströms dator')).not.toMatch(/Anders Nyström.*Anders Nyström/);
  });

  it('says whose it is when the device has a name of its own', () => {
    expect(whoseDevice('Anders Nyström', 'vm')).toBe('Anders Nyströms dator ”vm”');
    expect(whoseDevice('Lars Fritz', 'Kontoret')).toBe('Lars Fritz dator ”Kontoret”');
    expect(keyAcceptedNotice('Lena Åberg', 'Kontoret')).toBe('Ändringar från Lena Åbergs dator ”Kontoret” gäller nu. Skicka ett paket till styrelsen så att alla får veta.');
  });
});
