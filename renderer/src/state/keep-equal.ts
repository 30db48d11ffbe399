/**
 * Structural sharing: `next` with every part that deep-equals the same part
 * of `held` replaced by the held one, and `held` itself when all of it is
 * equal. An answer from the main side arrives as a fresh copy (IPC, JSON);
 * kept this way, what did not change stays the same object, so a component
 * that watches it (a selector compared with Object.is, React.memo) does not
 * render again (issue #16: one stance re-renders only what shows it).
 * The state is plain JSON; a derived value (useFederationDerived) may hold a
 * Set or a Map, which is kept only when it is the same object. The cost is
 * the size of `next`, which is what changed, not the state.
 */
export function keepEqual<T>(held: unknown, next: T): T {
  if (held === next) return next;
  // Only plain objects and arrays are compared; anything else (a Set, a Map, a Date) counts as changed unless it is the same.
  if (!plain(held) || !plain(next)) return next;
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

function plain(v: unknown): v is object {
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}
