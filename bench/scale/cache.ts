import { randomUUID } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServicesWithFiles } from '../../electron/services';
import { exportedBytes } from '../../electron/services/demo/carry';
import { createDeviceIdentity, plainSecretBox } from '../../electron/services/identity/keys';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { generateHistory } from './generate';

/**
 * Generated histories as ready data folders, made once and kept under the
 * temp folder (`$TMPDIR/styrelsebordet-scale-v1/<years>y/`): `member/` is a
 * board member's laptop (the chair, whose stances the bench makes), `director/`
 * the förbundschef's, `invitation-with-documents.sbpaket` the invitation the
 * förbundschef made for a new member at the end of the history, carrying the
 * board's documents too (about 72 PDFs a year of some 600 kB each, as a real
 * förbund's ten years held 716 PDFs in 453 MB: the import's memory and time
 * depend on them). Delete the folder to make
 * them again (the generator is deterministic apart from keys and signatures).
 */
export interface ScaleFixture {
  root: string;
  memberDir: string;
  directorDir: string;
  invitation: string;
  events: number;
  genesisId: string;
  openApplication: string;
}

const VERSION = 'v1';

export async function scaleFixture(years: number, opts: { invitation?: boolean } = {}): Promise<ScaleFixture> {
  const root = join(process.env['SB_SCALE_DIR'] ?? join(tmpdir(), `styrelsebordet-scale-${VERSION}`), `${years}y`);
  const metaPath = join(root, 'meta.json');
  if (!existsSync(metaPath)) {
    await fs.rm(root, { recursive: true, force: true });
    const memberDir = join(root, 'member');
    const directorDir = join(root, 'director');
    await fs.mkdir(memberDir, { recursive: true });
    await fs.mkdir(directorDir, { recursive: true });
    const member0 = await createDeviceIdentity(memberDir, plainSecretBox, { person: randomUUID(), deviceName: 'Ordförandens dator' });
    const director = await createDeviceIdentity(directorDir, plainSecretBox, { person: randomUUID(), deviceName: 'Kansliet' });
    const h = generateHistory(years, { director, member0 });
    const log = `${h.lines.join('\n')}\n`;
    const chair = member0.person;
    const forbund = { id: h.forbund.id, name: h.forbund.name, genesisId: h.genesisId };
    for (const [dir, personId] of [[memberDir, chair], [directorDir, h.director.person]] as const) {
      await fs.mkdir(join(dir, 'log'), { recursive: true });
      await fs.writeFile(join(dir, 'log', '00000001.jsonl'), log);
      await fs.writeFile(join(dir, 'local.json'), JSON.stringify({ format: 1, forbund, personId }));
    }
    await fs.writeFile(metaPath, JSON.stringify({ events: h.events.length, genesisId: h.genesisId, openApplication: h.openApplication }));
  }
  const meta = JSON.parse(await fs.readFile(metaPath, 'utf8')) as { events: number; genesisId: string; openApplication: string };
  const fixture: ScaleFixture = { root, memberDir: join(root, 'member'), directorDir: join(root, 'director'), invitation: join(root, 'invitation-with-documents.sbpaket'), ...meta };
  if (opts.invitation && !existsSync(fixture.invitation)) await makeInvitation(fixture, years);
  return fixture;
}

/** The förbundschef adds a new member and exports the invitation, through the same calls the app makes (on a copy of the folder). */
async function makeInvitation(f: ScaleFixture, years: number): Promise<void> {
  const work = `${f.directorDir}-work`;
  await fs.rm(work, { recursive: true, force: true });
  await fs.cp(f.directorDir, work, { recursive: true });
  const { handlers: chef, packageFiles } = await createServicesWithFiles({ dataDir: work, host: 'web', version: 'bench' });
  const state = await chef['log.list']({ afterSeq: 0 });
  const org = state.events.map((e) => JSON.parse(e.body) as { type: string; payload: { id: string } }).find((b) => b.type === 'organisation.added')!.payload.id;
  // The board's documents, shared by the förbundschef as the years went (only their number and size matter here).
  // The stress point carries ten years' documents: it stresses the number of events, and a package holds at most 1 GiB.
  const documents = Math.round(DOCUMENTS_PER_YEAR * Math.min(years, 10));
  for (let i = 0; i < documents; i++) {
    const meta = await chef['attachments.add']({ fileName: `handling-${i + 1}.pdf`, bytes: await boardDocument(i) });
    await chef['documents.share']({ sha256: meta.sha256, title: `Handling ${i + 1}`, confidential: false });
  }
  const personId = '11111111-1111-4111-8111-111111111111';
  await chef['log.append']({ type: 'person.added', payload: { id: personId, name: 'Nya Ledamoten', email: 'ny@example.se', organisationId: org, staffRole: null, assignments: [] }, prev: [] });
  const inv = await chef['invitations.export']({ personId });
  // Streamed from the outgoing folder as the browser host's download does (the export answers a name, not bytes).
  await fs.writeFile(f.invitation, await exportedBytes(packageFiles, inv.fileName));
  await fs.rm(work, { recursive: true, force: true });
}

/** A real förbund's ten years: 716 PDFs in 453 MB. */
const DOCUMENTS_PER_YEAR = 71.6;
const DOCUMENT_BYTES = 600_000;

/**
 * A distinct board document of about 600 kB: four pages of text and, like the
 * scanned pages and images of real ones, a stream of data that does not
 * compress (deterministic per index, so the fixture is the same each time).
 */
async function boardDocument(i: number): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Handling ${i + 1}`);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= 4; n++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`Handling ${i + 1}, sida ${n}`, { x: 60, y: 770, size: 14, font });
    page.drawText('Styrelsen föreslås besluta att godkänna ansökan om medel för insatsen.', { x: 60, y: 740, size: 11, font });
  }
  const noise = new Uint8Array(DOCUMENT_BYTES);
  let x = (i + 1) * 2654435761;
  for (let k = 0; k < noise.length; k++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    noise[k] = x & 0xff;
  }
  doc.context.register(doc.context.stream(noise));
  return new Uint8Array(await doc.save({ useObjectStreams: false }));
}
