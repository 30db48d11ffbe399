/** JSON.parse that answers null instead of throwing: callers then validate with a schema and say what is wrong. */
export function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
