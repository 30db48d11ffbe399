/** Child process for the interrupted-import test: imports one package into a data folder, then says so. */
import { createReadStream, statSync } from 'node:fs';
import { createServicesWithFiles } from '../../electron/services';

const [dataDir, packagePath] = process.argv.slice(2);
const { handlers: services, packageFiles } = await createServicesWithFiles({ dataDir: dataDir!, host: 'web', version: 'test' });
process.stdout.write('ready\n');
// As the browser host's upload: the file streams into a sealed incoming file, previewed by id.
const { fileId } = await packageFiles.receive(createReadStream(packagePath!), 'paket.sbpaket', statSync(packagePath!).size);
const preview = await services['packages.preview']({ fileId });
const result = await services['packages.apply']({ previewId: preview.previewId });
process.stdout.write(`done ${result.newEvents}\n`);
