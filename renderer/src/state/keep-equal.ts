/**
 * Structural sharing: `next` with every part that deep-equals the same part
 * of `held` replaced by the held one, and `held` itself when all of it is
 * equal. An answer from the main side arrives as a fresh copy (IPC, JSON);
 * kept this way, what did not change stays the same object, so a component
 * that watches it (a selector compared with Object.is, React.memo) does not
 * render again (issue #16: one stance re-renders only what shows it).
 * The state is plain JSON (no Map, Set, Date or class). The cost is the size
 * of `next`, which is what changed, not the state.
 */
export function keepEqual<T>(held: unknown, next: T): T {
  if (held === next) return next;
  if (typeof held !== 'object' || typeof next !== 'object' || held === null || next === null) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(held)) return next;
    let same = held.length === next.length;
    const out = next.map((v: unknown, i) => {
      const kept = keepEqual(held[i], v);
      if (kept !== held[i]) same = false;
      return kept;
    });
    return (same ? held : out) as T;
  }
  if (Array.isArray(held)) return next;
  const before = held as Record<string, unknown>;
  const keys = Object.keys(next);
  let same = keys.length === Object.keys(before).length;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const kept = keepEqual(before[k], (next as Record<string, unknown>)[k]);
    if (kept !== before[k] || !Object.hasOwn(before, k)) same = false;
    out[k] = kept;
  }
  return (same ? held : out) as T;
}
