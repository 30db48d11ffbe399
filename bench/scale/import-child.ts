/**
 * Child process of the scale bench: a new laptop imports one invitation through the calls the app makes
 * (issue #16: the browser host's upload into a sealed incoming file, then `packages.preview` by id and
 * `packages.apply`); prints times and its own peak RSS. The scale bench runs it bundled, as the app runs.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServicesWithFiles } from '../../electron/services';
import { preloadPdfWorker } from '../../electron/services/pdf/sandbox';

const [dataDir, packagePath] = process.argv.slice(2);
const t0 = performance.now();
const { handlers: services, packageFiles, backgroundSettled } = await createServicesWithFiles({ dataDir: dataDir!, host: 'web', version: 'bench' });
preloadPdfWorker(); // as the browser host does at start (electron/host/main.ts)
const t1 = performance.now();
// As the browser host's upload: the file streams into a sealed incoming file, previewed by id.
const { fileId } = await packageFiles.receive(createReadStream(packagePath!), 'inbjudan.sbpaket', statSync(packagePath!).size);
const tUp = performance.now();
const preview = await services['packages.preview']({ fileId });
const t2 = performance.now();
const previewRssMb = process.resourceUsage().maxRSS / 1024;
const asPerson = preview.recipients[0]?.personId;
const result = await services['packages.apply']({ previewId: preview.previewId, ...(asPerson ? { asPerson } : {}) });
const t3 = performance.now();
const applyRssMb = process.resourceUsage().maxRSS / 1024;
// The text of the documents is extracted in the background after apply (for the search): the import's peak counts it.
await backgroundSettled();
const t4 = performance.now();
const maxRssMb = process.resourceUsage().maxRSS / 1024;
const list = await services['log.list']({ afterSeq: 0 });
process.stdout.write(
  `${JSON.stringify({ openMs: t1 - t0, uploadMs: tUp - t1, previewMs: t2 - tUp, applyMs: t3 - t2, textMs: t4 - t3, totalMs: t3 - t0, newEvents: result.newEvents, stored: list.events.length, previewRssMb, applyRssMb, maxRssMb })}\n`,
);
process.exit(0);
