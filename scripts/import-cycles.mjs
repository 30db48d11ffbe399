// Import cycles fail the build (issue #16). Both bundlers report the graph
// they actually built: esbuild's metafile for the host and CLI bundles, and
// rollup's module graph for the Electron main, preload and renderer. Type-only
// imports are erased by then, so what is checked is what runs. ESLint's
// import-x/no-cycle says the same in the editor; this makes `npm run build`
// (and so `npm test` in CI) refuse a cycle as well.

/**
 * The strongly connected components with more than one module (or a module
 * importing itself), by Tarjan's algorithm, iteratively so a deep graph cannot
 * overflow the stack. `graph` maps a module to the modules it imports.
 * @param {Map<string, string[]>} graph
 * @returns {string[][]}
 */
export function findCycles(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const cycles = [];
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const visit = (node) => {
      index.set(node, next);
      low.set(node, next);
      next++;
      stack.push(node);
      onStack.add(node);
    };
    const work = [[start, 0]];
    visit(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [node, i] = frame;
      const edges = graph.get(node) ?? [];
      if (i < edges.length) {
        frame[1] = i + 1;
        const to = edges[i];
        if (!graph.has(to)) continue;
        if (!index.has(to)) {
          visit(to);
          work.push([to, 0]);
        } else if (onStack.has(to)) low.set(node, Math.min(low.get(node), index.get(to)));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === index.get(node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        if (component.length > 1 || edges.includes(node)) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}

const own = (path) => !path.includes('node_modules') && !path.startsWith('\0');

/** The cycles among the project's own files in an esbuild metafile. */
export function cyclesInMetafile(metafile) {
  const graph = new Map();
  for (const [path, input] of Object.entries(metafile.inputs)) {
    if (!own(path)) continue;
    graph.set(path, input.imports.filter((i) => i.kind !== 'dynamic-import' && own(i.path)).map((i) => i.path));
  }
  return findCycles(graph);
}

export function describeCycles(cycles) {
  return `Importcykler i koden (issue #16: inga cykler):\n${cycles.map((c) => `  ${c.join(' ↔ ')}`).join('\n')}`;
}

/** A rollup/vite plugin that fails the build on a cycle among the project's own modules. */
export function noImportCycles() {
  return {
    name: 'no-import-cycles',
    buildEnd(error) {
      if (error) return;
      const graph = new Map();
      for (const id of this.getModuleIds()) {
        if (!own(id)) continue;
        const info = this.getModuleInfo(id);
        graph.set(id, (info?.importedIds ?? []).filter(own));
      }
      const cycles = findCycles(graph);
      if (cycles.length > 0) this.error(describeCycles(cycles));
    },
  };
}
