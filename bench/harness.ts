/**
 * A small benchmark harness. Every result is reported next to a baseline
 * measured in the same run on the same machine, as a ratio: absolute times
 * differ between laptops, ratios much less.
 */
export interface Sample {
  median: number;
  p95: number;
  runs: number;
}

export async function measure(runs: number, fn: () => Promise<unknown>): Promise<Sample> {
  await fn(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { median: at(0.5), p95: at(0.95), runs };
}

export function report(name: string, subject: Sample, baseline: Sample, extra = ''): void {
  const ratio = subject.median / baseline.median;
  console.log(
    `${name.padEnd(44)} median ${subject.median.toFixed(1).padStart(8)} ms  p95 ${subject.p95.toFixed(1).padStart(8)} ms  ` +
      `baseline ${baseline.median.toFixed(1).padStart(7)} ms  ratio ${ratio.toFixed(2).padStart(6)}×${extra ? `  ${extra}` : ''}`,
  );
}
