/** Child process of the scale bench: a new laptop imports one invitation through the calls the app makes; prints times and its own peak RSS. */
import { readFileSync } from 'node:fs';
import { createServices } from '../../electron/services';

const [dataDir, packagePath] = process.argv.slice(2);
const t0 = performance.now();
const services = await createServices({ dataDir: dataDir!, host: 'web', version: 'bench' });
const t1 = performance.now();
const preview = await services['packages.preview']({ fileName: 'inbjudan.sbpaket', bytes: readFileSync(packagePath!) });
const t2 = performance.now();
const asPerson = preview.recipients[0]?.personId;
const result = await services['packages.apply']({ previewId: preview.previewId, ...(asPerson ? { asPerson } : {}) });
const t3 = performance.now();
const list = await services['log.list']({ afterSeq: 0 });
process.stdout.write(`${JSON.stringify({ openMs: t1 - t0, previewMs: t2 - t1, applyMs: t3 - t2, totalMs: t3 - t0, newEvents: result.newEvents, stored: list.events.length, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
