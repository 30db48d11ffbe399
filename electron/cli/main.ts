/** `npm run --silent cli -- <command> [args]`: the command line on the same services as the app. */
import { runCli } from './commands';

process.umask(0o077); // files and folders the CLI writes are its user's alone

runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`Oväntat fel: ${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
