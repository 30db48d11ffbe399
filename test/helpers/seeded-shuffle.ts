/**
 * A deterministic shuffle (Fisher–Yates over a small LCG) for property tests:
 * fast-check gives the seed, so a failing case shrinks and replays exactly.
 */
export function seededShuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
