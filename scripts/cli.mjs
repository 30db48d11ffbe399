// `npm run --silent cli -- <command>`: build the CLI bundle if needed (esbuild,
// about a second), then run it in this process with plain node. Build chatter
// goes to stderr; stdout is the command's own.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildHostIfNeeded } from './build-if-needed.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await buildHostIfNeeded(root);
await import(pathToFileURL(join(root, 'out/cli/main.mjs')).href);
