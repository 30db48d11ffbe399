/** Child process for the interrupted-import test: imports one package into a data folder, then says so. */
import { readFileSync } from 'node:fs';
import { createServices } from '../../electron/services';

const [dataDir, packagePath] = process.argv.slice(2);
const services = await createServices({ dataDir: dataDir!, host: 'web', version: 'test' });
process.stdout.write('ready\n');
const preview = await services['packages.preview']({ fileName: 'paket.sbpaket', bytes: readFileSync(packagePath!) });
const result = await services['packages.apply']({ previewId: preview.previewId });
process.stdout.write(`done ${result.newEvents}\n`);
