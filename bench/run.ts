/** `npm run bench`: every benchmark, each reported as a ratio to a baseline from the same run. */
import { storageBench } from './storage.bench';
import { pdfBench } from './pdf.bench';
import { protokollBench } from './protokoll.bench';
import { packagesBench } from './packages.bench';
import { applyBench } from './apply.bench';
import { searchBench } from './search.bench';
import { viewerBench } from './viewer.bench';
import { hostileBench } from './hostile.bench';
import { scaleBench } from './scale.bench';
import { browserBench } from './browser.bench';
import { actionBench } from './action.bench';
import { encryptionBench } from './encryption.bench';

console.log(`Styrelsebordet benchmarks – Node ${process.version}, ${new Date().toISOString()}`);
await storageBench();
await pdfBench();
await protokollBench();
await applyBench();
await searchBench();
await packagesBench();
await viewerBench();
await hostileBench();
await scaleBench();
await actionBench();
await browserBench();
await encryptionBench();
