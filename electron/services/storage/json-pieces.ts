/**
 * JSON.stringify's text, in pieces: the containers near the root are walked
 * here and everything below `depth` is stringified whole. Joined, the pieces
 * are exactly `JSON.stringify(value)`; written one by one
 * (`SealedFiles.writePieces`), a large document such as a checkpoint of the
 * state never exists as one string (at ten years that string was 25 MB, and
 * its bytes 30 MB more, in the middle of an import).
 */
export function* jsonPieces(value: unknown, depth = 3): Generator<string> {
  if (depth <= 0 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    // undefined, a function or a symbol at the root has no JSON text: JSON.stringify answers undefined, and so does "".
    const text = JSON.stringify(value) as string | undefined;
    if (text !== undefined) yield text;
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      const item: unknown = value[i];
      // As JSON.stringify: an element without a JSON text is null.
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
      else yield* jsonPieces(item, depth - 1);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    // As JSON.stringify: a member without a JSON text is left out.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonPieces(item, depth - 1);
  }
  yield '}';
}

/** Pieces at least this large are allocated outside the heap arenas (mmap), so they go back to the system when freed. */
const PACK_BYTES = 256 * 1024;

/**
 * The UTF-8 bytes of `jsonPieces(value)`, made now and packed into buffers of
 * about 256 KiB: for a value that changes in place after this call (the
 * state of a fold) and is written later. About the size of the text once, and
 * never one string of it.
 */
export function jsonBytes(value: unknown, depth = 3): Buffer[] {
  const out: Buffer[] = [];
  let batch: string[] = [];
  let length = 0;
  const pack = (): void => {
    if (batch.length > 0) out.push(Buffer.from(batch.join(''), 'utf8'));
    batch = [];
    length = 0;
  };
  for (const piece of jsonPieces(value, depth)) {
    batch.push(piece);
    length += piece.length;
    if (length >= PACK_BYTES) pack();
  }
  pack();
  return out;
}
