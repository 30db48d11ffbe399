import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../../shared/contract';
import { slug } from '../packages/format';
import { registerDemoApplications, reviewAsMember } from './demo-applications';
import { renderDemoDocument } from './demo-document';

/**
 * The demonstration förbund, played through the same calls the app makes:
 * the förbundschef sets up the förbund and its board, shares a multi-page
 * document and sends invitations and a package to the board; two members
 * import theirs and send return packages that register their keys.
 * Used by `cli demo <folder>` and by "Utforska ett demoförbund".
 */
export const DEMO_FORBUND = { name: 'Samordningsförbundet Östra Skaraborg', orgNr: '222000-0018' };
export const DEMO_DIRECTOR = { name: 'Birgitta Holmgren', email: 'birgitta.holmgren@ostraskaraborg.example' };

/** The current mandate period and the next: the demo's board members were re-elected. */
const TERMS = [
  { from: '2023-01-01', to: '2026-12-31' },
  { from: '2027-01-01', to: '2030-12-31' },
];

const ORGANISATIONS = [
  { key: 'fk', name: 'Försäkringskassan', kind: 'socialInsuranceAgency', contribution: 2_000_000 },
  { key: 'af', name: 'Arbetsförmedlingen', kind: 'employmentService', contribution: 0 },
  { key: 'vgr', name: 'Västra Götalandsregionen', kind: 'region', contribution: 1_000_000 },
  { key: 'skovde', name: 'Skövde kommun', kind: 'municipality', contribution: 600_000 },
  { key: 'falkoping', name: 'Falköpings kommun', kind: 'municipality', contribution: 400_000 },
] as const;

const BOARD = [
  { name: 'Lena Åberg', org: 'skovde', role: 'chair' },
  { name: 'Mats Öberg', org: 'skovde', role: 'substitute', callingOrder: 1 },
  { name: 'Karin Lindqvist', org: 'fk', role: 'viceChair' },
  { name: 'Johan Ek', org: 'fk', role: 'substitute', callingOrder: 1 },
  { name: 'Maria Sandberg', org: 'af', role: 'member' },
  { name: 'Per Holm', org: 'af', role: 'substitute', callingOrder: 1 },
  { name: 'Anders Nyström', org: 'vgr', role: 'member' },
  { name: 'Elin Berg', org: 'vgr', role: 'substitute', callingOrder: 1 },
  { name: 'Olle Ström', org: 'falkoping', role: 'member' },
  { name: 'Sara Ekström', org: 'falkoping', role: 'substitute', callingOrder: 1 },
] as const;

/** The two members whose return packages the demo contains. */
export const DEMO_MEMBERS = ['Lena Åberg', 'Olle Ström'] as const;

export interface DemoFile {
  fileName: string;
  bytes: Uint8Array;
  /** Swedish description for the folder's LÄSMIG. */
  description: string;
}

const email = (name: string) =>
  `${name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, '.')}@ostraskaraborg.example`;

export async function runDemoScenario(director: Handlers, newMemberLaptop: () => Promise<Handlers>): Promise<{ files: DemoFile[]; memberReturns: DemoFile[] }> {
  await director['forbund.create']({ ...DEMO_FORBUND, director: DEMO_DIRECTOR, deviceName: 'Förbundschefens dator' });
  const orgIds = new Map<string, string>();
  for (const o of ORGANISATIONS) {
    const id = randomUUID();
    orgIds.set(o.key, id);
    await director['log.append']({ type: 'organisation.added', payload: { id, name: o.name, kind: o.kind, contributions: { '2027': o.contribution } }, prev: [] });
  }
  const people = new Map<string, string>();
  for (const p of BOARD) {
    const id = randomUUID();
    people.set(p.name, id);
    const organisationId = orgIds.get(p.org)!;
    const assignments = TERMS.map((term) => ({ role: p.role, organisationId, ...term, ...('callingOrder' in p ? { callingOrder: p.callingOrder } : {}) }));
    await director['log.append']({ type: 'person.added', payload: { id, name: p.name, email: email(p.name), organisationId, staffRole: null, assignments }, prev: [] });
  }
  await director['log.append']({
    type: 'person.added',
    payload: { id: randomUUID(), name: 'Jonas Wik', email: email('Jonas Wik'), organisationId: null, staffRole: 'secretary', assignments: [] },
    prev: [],
  });

  const pdf = await renderDemoDocument(new Date());
  const meta = await director['attachments.add']({ fileName: 'Verksamhetsplan och budget 2027.pdf', bytes: pdf });
  await director['documents.share']({ sha256: meta.sha256, title: 'Verksamhetsplan och budget 2027', confidential: false });

  const apps = await registerDemoApplications(director, orgIds);

  const files: DemoFile[] = [];
  const invitations = new Map<string, DemoFile>();
  for (const p of BOARD) {
    const inv = await director['invitations.export']({ personId: people.get(p.name)! });
    const file = { fileName: inv.fileName, bytes: inv.bytes, description: `Inbjudan till ${p.name}: importera den först på en ny installation och välj ${p.name}.` };
    invitations.set(p.name, file);
    files.push(file);
  }
  const board = await director['packages.export']({ recipients: { mode: 'board' } });
  files.push({ fileName: board.fileName, bytes: board.bytes, description: 'Paket från förbundschefen till hela styrelsen, med verksamhetsplanen och två ansökningar om medel (PDF).' });

  const memberReturns: DemoFile[] = [];
  for (const name of DEMO_MEMBERS) {
    const member = await newMemberLaptop();
    const inv = invitations.get(name)!;
    const preview = await member['packages.preview']({ fileName: inv.fileName, bytes: inv.bytes });
    await member['packages.apply']({ previewId: preview.previewId, asPerson: people.get(name)! });
    await reviewAsMember(member, name, apps);
    const back = await member['packages.export']({ recipients: { mode: 'director' } });
    const file = { fileName: `retur-${slug(name)}.sbpaket`, bytes: back.bytes, description: `Returpaket från ${name} till förbundschefen: registrerar ${name}s nyckel och för med sig granskningen (ställningstagande, fråga eller jäv).` };
    memberReturns.push(file);
    files.push(file);
  }
  return { files, memberReturns };
}
