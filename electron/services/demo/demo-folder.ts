import { join } from 'node:path';
import { slug } from '../packages/format';
import { openAppLock } from '../lock/app-lock';
import { openLocalState } from '../sync/local-state';
import { DEMO_DIRECTOR, DEMO_FORBUND, DEMO_MEMBERS, type DemoFile } from './scenario';

/** The förbundschef's data folder inside the folder `cli demo` writes. */
export const DIRECTOR_FOLDER = 'forbundschefens-dator';
/** A demo member's data folder (the chair's and the justerare's laptops). */
export const memberFolder = (name: string) => `dator-${slug(name)}`;

/**
 * Marks a data folder the demo wrote as the demonstration förbund, as
 * "Utforska ett demoförbund" does: no PIN asked (fictional data), the Demo
 * badge shown and "Lämna demoförbundet" offered. Call it once the services
 * on that folder are done writing.
 */
export async function markDemoFolder(dataDir: string): Promise<void> {
  await (await openAppLock(dataDir)).markDemo();
  const local = await openLocalState(dataDir);
  await local.update((s) => ({ ...s, demo: true }));
}

/**
 * The folder's LÄSMIG: which data folder is whose laptop and how to open it,
 * how to play a board member's round trip with the invitations and packages,
 * and what each file is. `out` is the folder's absolute path.
 */
export function demoReadme(out: string, files: DemoFile[]): string {
  const [chair, adjuster] = DEMO_MEMBERS;
  const open = (folder: string) => `npm run web -- --data ${join(out, folder)}`;
  const invitation = (name: string) => files.find((f) => f.fileName.startsWith(`inbjudan-${slug(name)}-`))?.fileName ?? `inbjudan-…-${slug(name)}.sbpaket`;
  const board = files.find((f) => f.fileName.startsWith(slug(DEMO_FORBUND.name)) && f.fileName.endsWith('.sbpaket'))?.fileName ?? 'paketet till hela styrelsen';
  const member = 'Anders Nyström';
  return [
    'Demoförbund för Styrelsebordet',
    '',
    `${DEMO_FORBUND.name} med styrelse, delegationsordning och delegationsbeslut, ansökningar om medel,`,
    'ett sammanträde som hölls för en vecka sedan med justerat protokoll, och nästa sammanträde med kallelse.',
    'Allt är påhittat: demodatorerna frågar inte efter någon PIN-kod.',
    '',
    'Vems dator är vilken mapp',
    '',
    `- ${DIRECTOR_FOLDER}/: förbundschefen ${DEMO_DIRECTOR.name}s dator. Alla paket i den här mappen hör till just det här förbundet,`,
    '  så returpaket som en demoledamot skapar importeras här (men inte i ett annat demoförbund med samma namn).',
    `  Öppna den med: ${open(DIRECTOR_FOLDER)}`,
    `  (skrivbordsappen: npm start -- --data ${join(out, DIRECTOR_FOLDER)})`,
    `- ${memberFolder(chair)}/: ordföranden ${chair}s dator. Öppna den med: ${open(memberFolder(chair))}`,
    `- ${memberFolder(adjuster)}/: justeraren ${adjuster}s dator. Öppna den med: ${open(memberFolder(adjuster))}`,
    '',
    'Så spelar du en ledamot hela vägen (till exempel ' + member + ')',
    '',
    `1. Öppna förbundschefens dator (se ovan) och läs av koden under Översikt › Den här datorns nyckel.`,
    `2. Starta en ny installation på en tom mapp, till exempel: npm run web -- --data ${join(out, 'ny-ledamot')}`,
    `3. Välj Importera en inbjudan och filen ${invitation(member)}. Jämför koden med förbundschefens och gå med.`,
    `4. Inbjudan har med allt. Granska en ansökan, ställ en fråga eller anmäl förhinder. (${board} är krypterat till de datorer`,
    '   vars nycklar förbundschefen hade godkänt; en ny installation kan inte öppna det: "Paketet är inte till dig".)',
    '5. Skapa ett paket till förbundschefen under Paket › Skicka ändringar.',
    '6. Importera paketet på förbundschefens dator och godkänn ledamotens nyckel under Översikt.',
    '7. Skapa ett paket till hela styrelsen där och importera det hos ledamoten: nu räknas ledamotens ändringar.',
    '',
    'Filerna i mappen:',
    ...files.map((f) => `- ${f.fileName}: ${f.description}`),
    '',
  ].join('\n');
}
