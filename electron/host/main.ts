/**
 * Entry of the browser host: `npm run web -- --data <folder> [--port <n>]`.
 * Serves the built renderer and the contract on loopback only. The FIRST line
 * on stdout is the address with its per-run token; tests and people read it.
 * Everything else goes to stderr. Never part of the packaged app.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServicesWithFiles } from '../services';
import { preloadPdfWorker } from '../services/pdf/sandbox';
import { packageVersion } from '../services/version';
import { LOOPBACK_HOSTS, startHost } from './server';

const USAGE = 'Användning: npm run web -- --data <mapp> [--port <nummer>] [--host 127.0.0.1]';

async function main(): Promise<number> {
  process.umask(0o077); // everything the host creates is its user's alone
  let values: { data?: string; port?: string; host?: string; root?: string };
  try {
    ({ values } = parseArgs({
      options: { data: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, root: { type: 'string' } },
      strict: true,
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.data) {
    console.error(`Ange en datamapp med --data.\n${USAGE}`);
    return 2;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Ogiltigt portnummer: ${values.port}\n${USAGE}`);
    return 2;
  }
  const host = values.host ?? '127.0.0.1';
  if (!(LOOPBACK_HOSTS as readonly string[]).includes(host)) {
    console.error(`Webbvärden lyssnar bara på loopback (127.0.0.1, ::1), inte på ${host}.`);
    return 2;
  }
  const { handlers, packageFiles } = await createServicesWithFiles({ dataDir: resolve(values.data), host: 'web', version: packageVersion() });
  const running = await startHost({
    handlers,
    packageFiles,
    host,
    port,
    rootDir: resolve(values.root ?? 'out/renderer'),
  });
  process.stdout.write(`${running.url}\n`);
  preloadPdfWorker();
  console.error(`Styrelsebordet (webbvärd) – datamapp ${resolve(values.data)}. Avsluta med Ctrl+C.`);
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return -1; // keep running
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    console.error(`Webbvärden kunde inte starta: ${(err as Error).message}`);
    process.exit(1);
  },
);
