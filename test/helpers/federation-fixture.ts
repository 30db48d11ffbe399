import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServicesWithFiles } from '../../electron/services';
import { withUsb, type Carried, type WithUsb } from '../../electron/services/demo/carry';

/** `backgroundSettled`: once the work an import left running in the background is done. */
export type Laptop = WithUsb & { dataDir: string; backgroundSettled(): Promise<void> };

export async function laptop(name: string): Promise<Laptop> {
  const dataDir = mkdtempSync(join(tmpdir(), `sb-${name}-`));
  const { handlers, packageFiles, backgroundSettled } = await createServicesWithFiles({ dataDir, host: 'web', version: 'test' });
  return Object.assign(withUsb(handlers, packageFiles), { dataDir, backgroundSettled });
}

/** A valid organisationsnummer (Luhn) for tests. */
export const ORGNR = '222000-0018';

/**
 * A förbund with the four kinds of member organisation and a small board, set
 * up through the same calls the renderer makes.
 */
export async function setUpForbund(director: Laptop) {
  await director['forbund.create']({ name: 'Samordningsförbundet Östra Skaraborg', orgNr: ORGNR, director: { name: 'Dana Direktör', email: 'dana@example.se' } });
  const org = async (name: string, kind: string, amount: number) => {
    const id = randomUUID();
    await director['log.append']({ type: 'organisation.added', payload: { id, name, kind, contributions: { '2027': amount } }, prev: [] });
    return id;
  };
  const fk = await org('Försäkringskassan', 'socialInsuranceAgency', 2_000_000);
  const af = await org('Arbetsförmedlingen', 'employmentService', 0);
  const region = await org('Västra Götalandsregionen', 'region', 1_000_000);
  const kommun = await org('Skövde kommun', 'municipality', 1_000_000);
  const term = { from: '2027-01-01', to: '2030-12-31' };
  const person = async (name: string, organisationId: string, role: string, callingOrder?: number) => {
    const id = randomUUID();
    const assignment = { role, organisationId, ...term, ...(callingOrder ? { callingOrder } : {}) };
    await director['log.append']({
      type: 'person.added',
      payload: { id, name, email: `${name.split(' ')[0]!.toLowerCase()}@example.se`, organisationId, staffRole: null, assignments: [assignment] },
      prev: [],
    });
    return id;
  };
  const lena = await person('Lena Ledamot', kommun, 'chair');
  const olle = await person('Olle Ledamot', region, 'member');
  return { fk, af, region, kommun, lena, olle };
}

/** Carries one exported package into another laptop: preview, then apply. */
export async function carry(from: Carried, to: Laptop, asPerson?: string) {
  const preview = await to['packages.preview'](from);
  const applied = await to['packages.apply']({ previewId: preview.previewId, ...(asPerson ? { asPerson } : {}) });
  return { preview, applied };
}

/**
 * A member joins with an invitation, sends the return package that registers the laptop's keys, and the
 * förbundschef accepts the key: from then on packages can be encrypted to that laptop (format 2).
 */
export async function joinAndAccept(director: Laptop, member: Laptop, personId: string): Promise<void> {
  await carry(await director['invitations.export']({ personId }), member, personId);
  const back = await carry(await member['packages.export']({ recipients: { mode: 'director' } }), director);
  await director['log.append']({ type: 'key.accepted', payload: { fingerprint: back.preview.sender.fingerprint }, prev: [] });
}
