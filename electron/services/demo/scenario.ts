import { randomUUID } from 'node:crypto';
import type { WithUsb } from './carry';
import { slug } from '../packages/format';
import { registerDemoApplications, registerEarlierStudy, reviewAsMember } from './demo-applications';
import { demoCalendar } from './demo-calendar';
import { recordDemoDelegations } from './demo-delegations';
import { renderDemoDocument } from './demo-document';
import { attestOnLaptop, holdDemoMeeting, planNextMeeting, type DemoBoard } from './demo-meeting';
import { exportDemoPdfs } from './demo-pdfs';
import { stateOf } from './demo-state';

/**
 * The demonstration förbund, played through the same calls the app makes:
 * the förbundschef sets up the förbund and its board, shares a multi-page
 * document, records the delegationsordning and delegationsbeslut, registers
 * the ansökningar, keeps the minutes of last week's meeting (demo-meeting.ts)
 * and plans the next, and sends invitations and a package to the board. The
 * chair (Lena Åberg) and the justerare (Olle Ström) import theirs on their
 * own laptops, review, attest the protokoll and send return packages; the
 * förbundschef imports them and accepts their keys, so the protokoll is
 * justerat, and sends it back to the chair, whose laptop exports the signed
 * protokoll PDF. Dates are relative to today (demo-calendar.ts).
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

/** `postAnslag: false` leaves the held meeting's anslag unrecorded (for a test that records it later). */
export async function runDemoScenario(director: WithUsb, newMemberLaptop: (name: string) => Promise<WithUsb>, now: Date = new Date(), opts: { postAnslag?: boolean } = {}): Promise<{ files: DemoFile[] }> {
  const cal = demoCalendar(now);
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
  // The förbundsordning fixes one ledamot per member: quorum counts these five seats, whoever is registered.
  await director['log.append']({ type: 'federation.ordning.set', payload: { seats: ORGANISATIONS.length, ordningReference: 'Förbundsordningen 7 §' }, prev: [] });
  const secretaryId = randomUUID();
  await director['log.append']({
    type: 'person.added',
    payload: { id: secretaryId, name: 'Jonas Wik', email: email('Jonas Wik'), organisationId: null, staffRole: 'secretary', assignments: [] },
    prev: [],
  });

  const pdf = await renderDemoDocument(new Date());
  const meta = await director['attachments.add']({ fileName: 'Verksamhetsplan och budget 2027.pdf', bytes: pdf });
  await director['documents.share']({ sha256: meta.sha256, title: 'Verksamhetsplan och budget 2027', confidential: false });

  const directorId = Object.values((await stateOf(director)).persons).find((p) => p.staffRole === 'director')!.id;
  const board: DemoBoard = { person: (name) => people.get(name)!, directorId, secretaryId };
  const delegations = await recordDemoDelegations(director, directorId, cal);
  const apps = await registerDemoApplications(director, orgIds, cal);
  const study = await registerEarlierStudy(director, orgIds, cal);
  const held = await holdDemoMeeting(director, board, cal, { study, reportedDecisions: delegations.reportedAtHeld });
  const next = await planNextMeeting(director, board, cal, apps);

  const files: DemoFile[] = [];
  const invitations = new Map<string, DemoFile>();
  for (const p of BOARD) {
    const inv = await director['invitations.export']({ personId: people.get(p.name)! });
    const file = { fileName: inv.fileName, bytes: inv.bytes, description: `Inbjudan till ${p.name}: importera den först på en ny installation och välj ${p.name}.` };
    invitations.set(p.name, file);
    files.push(file);
  }
  const boardPackage = await director['packages.export']({ recipients: { mode: 'board' } });
  files.push({
    fileName: boardPackage.fileName,
    bytes: boardPackage.bytes,
    description: 'Paket från förbundschefen till hela styrelsen: verksamhetsplanen, ansökningarna om medel (PDF), delegationsordningen och delegationsbesluten, protokollet från senaste sammanträdet för justering och kallelsen till nästa. Krypterat till de datorer vars nycklar var godkända när det skapades (här bara förbundschefens): ett exempel på ett paket som en ny dator inte kan öppna.',
  });

  const laptops = new Map<string, WithUsb>();
  for (const name of DEMO_MEMBERS) {
    const member = await newMemberLaptop(name);
    laptops.set(name, member);
    const inv = invitations.get(name)!;
    const preview = await member['packages.preview']({ fileName: inv.fileName, bytes: inv.bytes });
    await member['packages.apply']({ previewId: preview.previewId, asPerson: people.get(name)! });
    await reviewAsMember(member, name, apps);
    // The chair and the justerare read the draft and attest it with their own keys.
    await attestOnLaptop(member, held.meetingId, name === 'Lena Åberg' ? 'chair' : 'adjuster');
    // Olle cannot come to the next meeting: Sara Ekström will serve for him.
    if (name === 'Olle Ström') await member['log.append']({ type: 'absence.reported', payload: { meetingId: next, reason: 'Kommunfullmäktige sammanträder samma dag.' }, prev: [] });
    const back = await member['packages.export']({ recipients: { mode: 'director' } });
    const file = {
      fileName: `retur-${slug(name)}.sbpaket`,
      bytes: back.bytes,
      description: `Returpaket från ${name} till förbundschefen: registrerar ${name}s nyckel och för med sig granskningen (ställningstagande, fråga eller jäv), justeringen av protokollet${name === 'Olle Ström' ? ' och förhinder till nästa sammanträde' : ''}.`,
    };
    files.push(file);
    // The förbundschef imports the return and accepts the key after comparing its code.
    const incoming = await director['packages.preview']({ fileName: file.fileName, bytes: file.bytes });
    await director['packages.apply']({ previewId: incoming.previewId });
    await director['log.append']({ type: 'key.accepted', payload: { fingerprint: incoming.sender.fingerprint }, prev: [] });
  }

  // Both have attested: the protokoll is justerat. The förbundschef posts the anslag the same day and records it;
  // the chair gets both back and exports the signed PDF with the ANSLAG/BEVIS block filled in from that record.
  if (opts.postAnslag !== false) await director['log.append']({ type: 'anslag.posted', payload: { meetingId: held.meetingId, postedOn: cal.today }, prev: [] });
  const chair = laptops.get('Lena Åberg')!;
  const toChair = await director['packages.export']({ recipients: { mode: 'person', personId: people.get('Lena Åberg')! } });
  files.push({ fileName: `till-ordforanden-${slug('Lena Åberg')}.sbpaket`, bytes: toChair.bytes, description: 'Paket från förbundschefen till ordföranden: justeringarna, de godkända nycklarna och anslaget, så att protokollet är justerat och anslaget registrerat även på ordförandens dator.' });
  const preview = await chair['packages.preview']({ fileName: 'till-ordforanden.sbpaket', bytes: toChair.bytes });
  await chair['packages.apply']({ previewId: preview.previewId });
  files.push(...(await exportDemoPdfs({ chair, director, held: held.meetingId, next })));
  return { files };
}
