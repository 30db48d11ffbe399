// `npm run test:e2e:repeat [-- <times> [playwright args…]]`: the flake finder.
// Runs the whole end-to-end suite several times in a row (default 3), stops
// at the first failing run and prints each run's time. Playwright's own
// `--repeat-each` repeats one test at a time; a flake that depends on what
// ran before shows only when the suite runs again as a whole.
import { spawnSync } from 'node:child_process';

const [first, ...rest] = process.argv.slice(2);
const times = /^\d+$/.test(first ?? '') ? Number(first) : 3;
const args = /^\d+$/.test(first ?? '') ? rest : process.argv.slice(2);
const results = [];
for (let run = 1; run <= times; run++) {
  process.stdout.write(`\n=== e2e run ${run} of ${times} ===\n`);
  const started = Date.now();
  const result = spawnSync('npx', ['playwright', 'test', ...args], { stdio: 'inherit' });
  const seconds = Math.round((Date.now() - started) / 1000);
  results.push({ run, seconds, ok: result.status === 0 });
  if (result.status !== 0) break;
}
process.stdout.write('\n');
for (const r of results) process.stdout.write(`run ${r.run}: ${r.ok ? 'passed' : 'FAILED'} in ${Math.floor(r.seconds / 60)} min ${r.seconds % 60} s\n`);
const failed = results.some((r) => !r.ok);
process.stdout.write(failed ? `The suite failed in run ${results.length} of ${times}.\n` : `The suite passed ${times} times in a row.\n`);
process.exit(failed ? 1 : 0);
