import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServices } from '../services';
import { runDemoScenario } from '../services/demo/scenario';
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
    // The laptops of the demo live in a scratch folder; only their packages are written out.
    const scratch = await mkdtemp(join(tmpdir(), 'styrelsebordet-demo-'));
    try {
      let n = 0;
      const laptop = () => createServices({ dataDir: join(scratch, `dator-${++n}`), host: 'web', version: packageVersion() });
      const { files } = await runDemoScenario(await laptop(), laptop);
      const readme = [
        'Demoförbund för Styrelsebordet',
        '',
        'Samordningsförbundet Östra Skaraborg med styrelse, delegationsordning och delegationsbeslut, ansökningar om medel,',
        'ett sammanträde som hölls för en vecka sedan med justerat protokoll, och nästa sammanträde med kallelse.',
        '',
        'Filerna i mappen:',
        ...files.map((f) => `- ${f.fileName}: ${f.description}`),
        '',
      ];
      for (const f of files) await writeFileAtomic(join(out, f.fileName), f.bytes);
      await writeFileAtomic(join(out, 'LÄSMIG.txt'), readme.join('\n'));
      io.out(`Demoförbundet skrevs till ${out}:`);
      for (const f of files) io.out(`  ${f.fileName}`);
      return EXIT.ok;
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  },
};
