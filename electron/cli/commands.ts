import { packageVersion } from '../services/version';
import { EXIT, usageError, type CliIo, type Command, type ExitCode } from './commands-base';
import { demo, inspect } from './package-commands';
import { verify } from './protokoll-commands';

export { EXIT } from './commands-base';

const help: Command = {
  name: 'help',
  usage: 'help [kommando]',
  summary: 'Visar den här hjälpen, eller hjälp om ett kommando.',
  async run(args, io) {
    const [name, ...rest] = args;
    if (rest.length > 0) return usageError(io, 'help tar högst ett argument.');
    if (name) {
      const cmd = COMMANDS.find((c) => c.name === name);
      if (!cmd) return usageError(io, `Okänt kommando: ${name}`);
      io.out(`Användning: npm run --silent cli -- ${cmd.usage}`);
      io.out(cmd.summary);
      return EXIT.ok;
    }
    io.out('Styrelsebordet – kommandorad');
    io.out('');
    io.out('Användning: npm run --silent cli -- <kommando> [argument]');
    io.out('');
    io.out('Kommandon:');
    const width = Math.max(...COMMANDS.map((c) => c.usage.length));
    for (const c of COMMANDS) io.out(`  ${c.usage.padEnd(width)}  ${c.summary}`);
    io.out('');
    io.out('Slutkoder: 0 lyckades, 1 en kontroll misslyckades eller felaktig indata, 2 felaktig användning.');
    return EXIT.ok;
  },
};

const version: Command = {
  name: 'version',
  usage: 'version',
  summary: 'Skriver ut programmets version.',
  async run(args, io) {
    if (args.length > 0) return usageError(io, 'version tar inga argument.');
    io.out(`Styrelsebordet ${packageVersion()}`);
    return EXIT.ok;
  },
};

/** Every command. Later features add theirs here. */
export const COMMANDS: Command[] = [help, version, inspect, verify, demo];

export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    if (!name) {
      await help.run([], io);
      return EXIT.usage;
    }
    return help.run([], io);
  }
  if (name === '--version') return version.run([], io);
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) return usageError(io, `Okänt kommando: ${name}`);
  return cmd.run(args, io);
}
