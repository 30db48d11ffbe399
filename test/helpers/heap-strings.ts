import { getHeapSnapshot } from 'node:v8';

/**
 * The strings alive in this thread's heap that contain `marker` (a heap
 * snapshot collects garbage first, so only what something still holds is
 * listed). For tests that assert a text is not kept in memory.
 */
export async function liveStringsContaining(marker: string): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of getHeapSnapshot()) chunks.push(chunk as Buffer);
  const snapshot = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const { node_fields: fields, node_types: [types] } = snapshot.snapshot.meta;
  const width = fields.length;
  const type = fields.indexOf('type');
  const name = fields.indexOf('name');
  const found: string[] = [];
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    if (types[snapshot.nodes[i + type]!] !== 'string') continue;
    const value = snapshot.strings[snapshot.nodes[i + name]!]!;
    if (value.includes(marker)) found.push(value);
  }
  return found;
}
