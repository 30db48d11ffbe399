import type { KeyDirectory } from './keys';
import type { RunnerMemory } from './runner';
import type { Cutoff, FederationState } from './state';
import type { Track } from './kernel/history';
import { WORDS, type Working } from './working';

/**
 * A round of the fold (runner.ts) as plain JSON, so the main side can keep it
 * on disk as a checkpoint and continue it after a restart (issue #16): the
 * state, the bookkeeping of versions and conflicts (kernel/history.ts), what the
 * round remembers per event, and the key directory and cut-offs it judges by.
 * Maps become arrays; the conflict index points into state.conflicts by position.
 */
export interface RoundSnapshot {
  state: FederationState;
  tracks: Array<[string, { created: string; parents: Array<[string, string[]]>; writers: Array<[string, string]> }]>;
  conflictIndex: Array<[string, { entry: number; loserNames: string[] }]>;
  authorNames: Array<[string, string]>;
  unplaced: string[];
  recorded: Array<[string, string]>;
  legacyRecorded: string;
  directory: KeyDirectory;
  cutoffs: Cutoff[];
}

export function snapshotRound(w: Working, memory: RunnerMemory, directory: KeyDirectory, cutoffs: readonly Cutoff[]): RoundSnapshot {
  const conflictAt = new Map(w.state.conflicts.map((c, i) => [c, i]));
  return {
    state: w.state,
    // A track's `seq` is the order of its `parents` entries (both grow together), so it is not stored.
    tracks: [...w.tracks].map(([id, t]) => [id, { created: t.created, parents: [...t.parents], writers: [...t.writers] }]),
    conflictIndex: [...w.conflictIndex].map(([k, v]) => [k, { entry: conflictAt.get(v.entry) ?? -1, loserNames: [...v.loserNames] }]),
    authorNames: [...w.authorNames],
    unplaced: [...memory.unplaced],
    recorded: [...memory.recorded],
    legacyRecorded: memory.legacyRecorded,
    directory,
    cutoffs: [...cutoffs],
  };
}

export function restoreRound(s: RoundSnapshot): { working: Working; memory: RunnerMemory; directory: KeyDirectory; cutoffs: Cutoff[] } {
  const tracks = new Map<string, Track>(
    s.tracks.map(([id, t]) => [id, { created: t.created, parents: new Map(t.parents), seq: new Map(t.parents.map(([v], i) => [v, i])), writers: new Map(t.writers) }]),
  );
  const conflictIndex: Working['conflictIndex'] = new Map();
  for (const [k, v] of s.conflictIndex) {
    const entry = s.state.conflicts[v.entry];
    if (entry) conflictIndex.set(k, { entry, loserNames: new Set(v.loserNames) });
  }
  return {
    working: { state: s.state, words: WORDS, tracks, conflictIndex, authorNames: new Map(s.authorNames) },
    memory: { unplaced: new Set(s.unplaced), recorded: new Map(s.recorded), legacyRecorded: s.legacyRecorded },
    directory: s.directory,
    cutoffs: s.cutoffs,
  };
}
