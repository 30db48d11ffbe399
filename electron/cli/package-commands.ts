import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createServicesWithFiles } from '../services';
import { withUsb } from '../services/demo/carry';
import { demoReadme, DIRECTOR_FOLDER, markDemoFolder, memberFolder } from '../services/demo/demo-folder';
import { DEMO_MEMBERS, runDemoScenario } from '../services/demo/scenario';
import { inspectPackage } from '../services/packages/inspect';
import { writeFileAtomic } from '../services/storage/atomic';
import { packageVersion } from '../services/version';
import { EXIT, usageError, type Command } from './commands-base';

export const inspect: Command = {
  name: 'inspect',
  usage: 'inspect <fil.sbpaket>',
  summary: 'Visar avsändare, mottagare och innehåll i ett paket och om signatur och kontrollsummor stämmer.',
  async run(args, io) {
    if (args.length !== 1) return usageError(io, 'inspect tar exakt en fil.');
    const path = resolve(args[0]!);
    if (!existsSync(path) || !statSync(path).isFile()) {
      io.err(`Filen finns inte: ${path}`);
      return EXIT.failed;
    }
    const result = await inspectPackage(path);
    for (const line of result.lines) (result.ok ? io.out : io.err)(line);
    return result.ok ? EXIT.ok : EXIT.failed;
  },
};

export const demo: Command = {
  name: 'demo',
  usage: 'demo <mapp>',
  summary: 'Skriver ett komplett demoförbund i mappen: inbjudningar, paket från förbundschefen, returpaket från ordföranden och en justerare, det signerade protokollet från senaste sammanträdet och kallelsen till nästa.',
  async run(args, io) {
    if (args.length !== 1) return usageError(io, 'demo tar exakt en mapp.');
    const out = resolve(args[0]!);
    if (existsSync(out) && (!statSync(out).isDirectory() || readdirSync(out).length > 0)) {
      io.err(`Mappen ${out} finns redan och är inte tom. Välj en ny eller tom mapp.`);
      return EXIT.failed;
    }
    mkdirSync(out, { recursive: true });
    // The förbundschef's laptop and the chair's and the justerare's are written into the folder (LÄSMIG says which is
    // whose), so a return package a new user makes from the folder's files imports on the demo förbundschef's laptop.
    const laptop = async (folder: string) => {
      const opened = await createServicesWithFiles({ dataDir: join(out, folder), host: 'web', version: packageVersion() });
      return withUsb(opened.handlers, opened.packageFiles);
    };
    const { files } = await runDemoScenario(await laptop(DIRECTOR_FOLDER), (name) => laptop(memberFolder(name)));
    for (const folder of [DIRECTOR_FOLDER, ...DEMO_MEMBERS.map(memberFolder)]) await markDemoFolder(join(out, folder));
    for (const f of files) await writeFileAtomic(join(out, f.fileName), f.bytes);
    await writeFileAtomic(join(out, 'LÄSMIG.txt'), demoReadme(out, files));
    io.out(`Demoförbundet skrevs till ${out}:`);
    for (const f of files) io.out(`  ${f.fileName}`);
    io.out(`  ${DIRECTOR_FOLDER}/ (förbundschefens dator; öppna den med npm run web -- --data ${join(out, DIRECTOR_FOLDER)})`);
    for (const name of DEMO_MEMBERS) io.out(`  ${memberFolder(name)}/ (${name}s dator)`);
    return EXIT.ok;
  },
};
