import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { cyclesInMetafile, findCycles } from '../../../scripts/import-cycles.mjs';

describe('import cycles fail the build (issue #16)', () => {
  it('finds every cycle, including a module importing itself, and nothing in an acyclic graph', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c', 'x']],
      ['c', ['a']],
      ['d', ['d']],
      ['e', ['f']],
      ['f', []],
      ['x', []],
    ]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c'], ['d']]);
    expect(findCycles(new Map([['e', ['f']], ['f', []]]))).toEqual([]);
  });

  it('copes with a long chain without overflowing the stack', () => {
    const n = 50_000;
    const graph = new Map(Array.from({ length: n }, (_, i) => [`m${i}`, [`m${(i + 1) % n}`]]));
    expect(findCycles(graph)[0]).toHaveLength(n);
  });

  it('the host and the CLI, as bundled, have no cycle among their own modules', async () => {
    const result = await build({
      entryPoints: ['electron/host/main.ts', 'electron/cli/main.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      write: false,
      outdir: 'out/cycle-check',
      metafile: true,
      logLevel: 'silent',
    });
    expect(cyclesInMetafile(result.metafile)).toEqual([]);
  });
});
