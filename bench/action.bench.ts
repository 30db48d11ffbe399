/**
 * The cost of one action does not grow with the history (issue #16): one
 * stance on the main side at 1 and at 10 years (SB_SCALE_YEARS), measured in
 * the same run and shown side by side with their ratio, which should stay
 * near 1. Rows, as medians with min–max, wall clock and CPU (the CPU figures
 * are the steadier ones when other work shares the machine):
 * - append: sign, check and store the stance (the kept state applies it);
 * - delta for the renderer: `state.get` since the revision the renderer holds,
 *   as JSON as the browser host sends it (what changed: the ansökan, the
 *   counts), and how many characters it is;
 * - the two together: what the main side spends between click and answer.
 * The in-page side (click to frame) is browser.bench.ts's ratio row.
 *
 * Run alone: `npx tsx bench/action.bench.ts` (histories cached by bench/scale/cache.ts).
 */
import { promises as fs, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plainSecretBox } from '../electron/services/identity/keys';
import { openEventStore } from '../electron/services/log/event-store';
import { openFederation } from '../electron/services/sync/federation';
import { openLocalState } from '../electron/services/sync/local-state';
import { createStateView } from '../electron/services/sync/state-view';
import { scaleFixture } from './scale/cache';

interface Range {
  median: number;
  min: number;
  max: number;
}

const range = (values: number[]): Range => {
  const v = [...values].sort((a, b) => a - b);
  return { median: v[Math.floor(v.length / 2)]!, min: v[0]!, max: v.at(-1)! };
};
const ms = (r: Range) => `${r.median.toFixed(2).padStart(7)} ms (${r.min.toFixed(2)}–${r.max.toFixed(2)})`;
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface ActionCost {
  events: number;
  append: Range;
  appendCpu: Range;
  delta: Range;
  deltaCpu: Range;
  both: Range;
  chars: number;
}

async function stanceCost(years: number, runs: number): Promise<ActionCost> {
  const f = await scaleFixture(years);
  const dir = mkdtempSync(join(tmpdir(), 'sb-action-'));
  await fs.cp(f.memberDir, dir, { recursive: true });
  try {
    const store = await openEventStore(dir);
    const local = await openLocalState(dir);
    const federation = await openFederation({ dataDir: dir, box: plainSecretBox, store, local });
    federation.state();
    const view = createStateView({ federation, store, genesisId: () => f.genesisId });
    // The renderer holds the whole state once, as after unlocking.
    let revision = view.get(null).revision;
    const t = { append: [] as number[], appendCpu: [] as number[], delta: [] as number[], deltaCpu: [] as number[], both: [] as number[] };
    let chars = 0;
    // Two warm-up stances, then the measured ones; each the opposite of the last, as a member changing their mind.
    for (let i = -2; i < runs; i++) {
      const c0 = cpuMs();
      const t0 = performance.now();
      await federation.append('stance.set', { applicationId: f.openApplication, stance: i % 2 ? 'support' : 'discuss', comment: `Åtgärd ${i}` }, []);
      const t1 = performance.now();
      const c1 = cpuMs();
      const answer = view.get(revision);
      chars = JSON.stringify(answer).length;
      const t2 = performance.now();
      const c2 = cpuMs();
      revision = answer.revision;
      if (answer.view?.complete !== false) throw new Error('state.get answered with everything after one stance');
      if (i < 0) continue;
      t.append.push(t1 - t0);
      t.appendCpu.push(c1 - c0);
      t.delta.push(t2 - t1);
      t.deltaCpu.push(c2 - c1);
      t.both.push(t2 - t0);
    }
    await federation.materialised.flush();
    return { events: store.size, append: range(t.append), appendCpu: range(t.appendCpu), delta: range(t.delta), deltaCpu: range(t.deltaCpu), both: range(t.both), chars };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export async function actionBench(): Promise<void> {
  const years = (process.env['SB_SCALE_YEARS'] ?? '1,10').split(',').map(Number).filter((n) => n > 0);
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  if (lo === hi) return console.log('action cost rows skipped: give two history sizes in SB_SCALE_YEARS (e.g. 1,10).');
  const runs = Math.max(5, Number(process.env['SB_ACTION_RUNS'] ?? 15) || 15);
  const a = await stanceCost(lo, runs);
  const b = await stanceCost(hi, runs);
  console.log(`one stance, main side: ${lo} year${lo === 1 ? '' : 's'} (${a.events} events) | ${hi} years (${b.events} events) | ratio ${hi} : ${lo} (goal ≈ 1)`);
  const row = (label: string, x: Range, y: Range) => console.log(`  ${label.padEnd(34)} ${ms(x)} | ${ms(y)} | ${(y.median / x.median).toFixed(2)}×`);
  row('append (wall)', a.append, b.append);
  row('append (CPU)', a.appendCpu, b.appendCpu);
  row('delta for the renderer (wall)', a.delta, b.delta);
  row('delta for the renderer (CPU)', a.deltaCpu, b.deltaCpu);
  row('append + delta (wall)', a.both, b.both);
  console.log(`  ${'delta as JSON'.padEnd(34)} ${String(a.chars).padStart(7)} chars | ${String(b.chars).padStart(7)} chars | ${(b.chars / a.chars).toFixed(2)}×`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await actionBench();
