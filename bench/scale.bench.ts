/**
 * Ten years on one laptop (issue #16): generated, valid histories of 1, 5
 * and 10 years (bench/scale/generate.ts, ≈1 000 events a year) and a
 * 100 000-event stress point. Rows, as medians with min–max:
 * - full fold of the history (the realistic mix of event kinds);
 * - open to state on the main side (event store + federation + state);
 * - append one stance on the main side (sign, check, store), and its ratio
 *   10 years : 1 year, which should stay near 1 (the cost must not grow);
 * - the state the renderer reads at opening (`state.get`, as JSON as the
 *   browser host sends it), and one stance up to the delta the renderer then
 *   reads (what changed since its revision): what a click costs before the
 *   screen can show it (the renderer no longer folds);
 * - import of the invitation on a new laptop (child process, the same calls
 *   the app makes: upload, preview, apply; bundled as the app runs), then the text
 *   extraction it leaves in the background; its peak RSS counts both.
 *
 * Run alone: `npx tsx bench/scale.bench.ts` (SB_SCALE_YEARS=1,5,10; the stress
 * point, about 100 000 events, unless SB_SCALE_STRESS=0). Histories are cached under
 * the temp folder (bench/scale/cache.ts).
 */
import { execFileSync } from 'node:child_process';
import { promises as fs, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fold } from '../shared/domain/events';
import { plainSecretBox } from '../electron/services/identity/keys';
import { openEventStore } from '../electron/services/log/event-store';
import { openFederation } from '../electron/services/sync/federation';
import { openLocalState } from '../electron/services/sync/local-state';
import { createStateView } from '../electron/services/sync/state-view';
import { scaleFixture, type ScaleFixture } from './scale/cache';
import { buildBundles } from '../scripts/build-host.mjs';

interface Range {
  median: number;
  min: number;
  max: number;
}

async function sample(runs: number, fn: (i: number) => Promise<unknown>): Promise<Range> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times.at(-1)! };
}

const fmt = (r: Range) => `${r.median.toFixed(0).padStart(7)} ms (${r.min.toFixed(0)}–${r.max.toFixed(0)})`;
const row = (label: string, r: Range, extra = '') => console.log(`  ${label.padEnd(40)} ${fmt(r)}${extra ? `  ${extra}` : ''}`);

async function copyOf(dir: string): Promise<string> {
  const to = mkdtempSync(join(tmpdir(), 'sb-scale-'));
  await fs.cp(dir, to, { recursive: true });
  return to;
}

async function openMain(dataDir: string) {
  const store = await openEventStore(dataDir);
  const local = await openLocalState(dataDir);
  const federation = await openFederation({ dataDir, box: plainSecretBox, store, local });
  return { store, local, federation };
}

async function scaleRows(label: string, f: ScaleFixture, opts: { foldRuns: number; appendRuns: number; importRuns: number }): Promise<{ append: Range }> {
  console.log(`${label}: ${f.events} events`);
  const dir = await copyOf(f.memberDir);
  try {
    const events = (await openEventStore(dir)).all();
    row('full fold', await sample(opts.foldRuns, async () => fold(events, { genesisId: f.genesisId })));
    const first = await sample(1, async () => {
      const m = await openMain(dir);
      m.federation.state();
      await m.federation.materialised.flush();
    });
    row('open to state, no checkpoint (folds)', first);
    row('open to state, from checkpoint', await sample(opts.foldRuns, async () => (await openMain(dir)).federation.state()));
    const main = await openMain(dir);
    main.federation.state();
    const append = await sample(opts.appendRuns, (i) => main.federation.append('stance.set', { applicationId: f.openApplication, stance: i % 2 ? 'support' : 'discuss', comment: `Bench ${i}` }, []));
    row('append one stance (main side)', append);
    // What the renderer reads: the kept state by revision, sent as JSON by the browser host (Electron's IPC clones it).
    const view = createStateView({ federation: main.federation, store: main.store, genesisId: () => f.genesisId });
    let bytes = 0;
    row('state for the renderer (state.get, JSON)', await sample(opts.appendRuns, async () => (bytes = JSON.stringify(view.get(null)).length)), `${(bytes / 1e6).toFixed(1)} MB`);
    // A click as the renderer sees it: the stance, then only what changed since the revision it holds (as JSON).
    let since = view.get(null).revision;
    let delta = 0;
    const click = await sample(opts.appendRuns, async (i) => {
      await main.federation.append('stance.set', { applicationId: f.openApplication, stance: i % 2 ? 'support' : 'discuss', comment: `Klick ${i}` }, []);
      const answer = view.get(since);
      since = answer.revision;
      delta = JSON.stringify(answer.view).length;
    });
    row('stance to the renderer’s delta', click, `${(delta / 1000).toFixed(1)} kB`);
    if (opts.importRuns > 0) {
      const inv = await scaleFixture(Number(f.root.match(/(\d+)y$/)?.[1]), { invitation: true });
      // The child runs bundled, as the app ships (out/bench beside out/host, the PDF worker beside it): run from
      // TypeScript sources through tsx, pdf.js alone took some 450 MB more (tsx's compiled copies of it).
      const root = fileURLToPath(new URL('..', import.meta.url));
      await buildBundles(root, [
        { entry: 'bench/scale/import-child.ts', out: 'out/bench/import-child.mjs' },
        { entry: 'electron/services/pdf/pdf-worker.ts', out: 'out/bench/pdf-worker.js' },
      ]);
      const child = join(root, 'out/bench/import-child.mjs');
      const size = (await fs.stat(inv.invitation)).size / 1024 / 1024;
      type Run = { totalMs: number; uploadMs: number; previewMs: number; applyMs: number; textMs: number; applyRssMb: number; maxRssMb: number; stored: number };
      const runs: Run[] = [];
      for (let i = 0; i < opts.importRuns; i++) {
        // A fresh process per run: its peak RSS is the import's own.
        const target = mkdtempSync(join(tmpdir(), 'sb-scale-import-'));
        const out = execFileSync(process.execPath, [child, target, inv.invitation], { encoding: 'utf8', maxBuffer: 1 << 20 });
        runs.push(JSON.parse(out.trim().split('\n').at(-1)!) as Run);
        await fs.rm(target, { recursive: true, force: true });
      }
      const range = (pick: (r: Run) => number): Range => {
        const v = runs.map(pick).sort((a, b) => a - b);
        return { median: v[Math.floor(v.length / 2)]!, min: v[0]!, max: v.at(-1)! };
      };
      const ms = (r: Range) => `${r.median.toFixed(0)} ms (${r.min.toFixed(0)}–${r.max.toFixed(0)})`;
      const rss = range((r) => r.maxRssMb);
      const mb = (r: Range) => `${r.median.toFixed(0)} MB (${r.min.toFixed(0)}–${r.max.toFixed(0)})`;
      row(
        'import invitation, new laptop (upload → preview → apply)',
        range((r) => r.totalMs),
        `upload ${ms(range((r) => r.uploadMs))}, preview ${ms(range((r) => r.previewMs))}, apply ${ms(range((r) => r.applyMs))}; then the documents' text in the background ${ms(range((r) => r.textMs))}; peak RSS ${mb(rss)} with the text (${mb(range((r) => r.applyRssMb))} up to apply), ${size.toFixed(1)} MB package, ${runs[0]!.stored} events stored; goal ≤ 15 s and < 300 MB`,
      );
    }
    return { append };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export async function scaleBench(): Promise<void> {
  const years = (process.env['SB_SCALE_YEARS'] ?? '1,5,10').split(',').map(Number).filter((n) => n > 0);
  const appends: Record<number, Range> = {};
  for (const y of years) {
    const f = await scaleFixture(y);
    appends[y] = (await scaleRows(`scale ${y} year${y === 1 ? '' : 's'}`, f, { foldRuns: 3, appendRuns: 5, importRuns: y === Math.max(...years) ? 3 : 0 })).append;
  }
  const lo = appends[Math.min(...years)];
  const hi = appends[Math.max(...years)];
  if (lo && hi && years.length > 1) console.log(`  append ratio ${Math.max(...years)} : ${Math.min(...years)} years: ${(hi.median / lo.median).toFixed(2)}× (goal ≈ 1: the cost of an action does not grow with the history)`);
  // The stress point: about 100 000 events (105 years of the mix). Its folders and invitation are made once
  // (some minutes) and cached; SB_SCALE_STRESS=0 leaves it out, SB_SCALE_STRESS_IMPORT=0 leaves out its import.
  if (process.env['SB_SCALE_STRESS'] !== '0') {
    const f = await scaleFixture(105);
    await scaleRows('stress point', f, { foldRuns: 1, appendRuns: 3, importRuns: process.env['SB_SCALE_STRESS_IMPORT'] === '0' ? 0 : 1 });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await scaleBench();
