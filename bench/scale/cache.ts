import { randomUUID } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServicesWithFiles } from '../../electron/services';
import { exportedBytes } from '../../electron/services/demo/carry';
import { createDeviceIdentity, plainSecretBox } from '../../electron/services/identity/keys';
import { generateHistory } from './generate';

/**
 * Generated histories as ready data folders, made once and kept under the
 * temp folder (`$TMPDIR/styrelsebordet-scale-v1/<years>y/`): `member/` is a
 * board member's laptop (the chair, whose stances the bench makes), `director/`
 * the förbundschef's, `invitation.sbpaket` the invitation the förbundschef
 * made for a new member at the end of the history. Delete the folder to make
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
  const fixture: ScaleFixture = { root, memberDir: join(root, 'member'), directorDir: join(root, 'director'), invitation: join(root, 'invitation.sbpaket'), ...meta };
  if (opts.invitation && !existsSync(fixture.invitation)) await makeInvitation(fixture);
  return fixture;
}

/** The förbundschef adds a new member and exports the invitation, through the same calls the app makes (on a copy of the folder). */
async function makeInvitation(f: ScaleFixture): Promise<void> {
  const work = `${f.directorDir}-work`;
  await fs.rm(work, { recursive: true, force: true });
  await fs.cp(f.directorDir, work, { recursive: true });
  const { handlers: chef, packageFiles } = await createServicesWithFiles({ dataDir: work, host: 'web', version: 'bench' });
  const state = await chef['log.list']({ afterSeq: 0 });
  const org = state.events.map((e) => JSON.parse(e.body) as { type: string; payload: { id: string } }).find((b) => b.type === 'organisation.added')!.payload.id;
  const personId = '11111111-1111-4111-8111-111111111111';
  await chef['log.append']({ type: 'person.added', payload: { id: personId, name: 'Nya Ledamoten', email: 'ny@example.se', organisationId: org, staffRole: null, assignments: [] }, prev: [] });
  const inv = await chef['invitations.export']({ personId });
  // Streamed from the outgoing folder as the browser host's download does (the export answers a name, not bytes).
  await fs.writeFile(f.invitation, await exportedBytes(packageFiles, inv.fileName));
  await fs.rm(work, { recursive: true, force: true });
}
