import type { Plugin } from 'vite';
export function findCycles(graph: Map<string, string[]>): string[][];
export function cyclesInMetafile(metafile: { inputs: Record<string, { imports: { path: string; kind: string }[] }> }): string[][];
export function describeCycles(cycles: string[][]): string;
export function noImportCycles(): Plugin;
