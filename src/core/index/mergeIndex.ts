import { eventParentProblems, locateParentProblems } from './eventParents';
import type { IndexProblem } from './indexProblem';
import type { LoadedIndexFile } from './loadIndexFile';
import { SessionIndex, type IndexInput, type IndexSource } from './sessionIndex';
import { fileSources } from './sources';

/** A user's index file, read and loaded. */
export interface IndexFile {
  loaded: LoadedIndexFile;
  /** Its text, to locate the problems of its event's `parent:`. */
  text: string;
  /** The path its entries' origin records (Go to Definition opens it). */
  path: string;
}

export interface MergedIndex {
  index: SessionIndex;
  /** The files' sources, in merge order. */
  fileSources: IndexSource[];
  /** Per file, parallel to the files given: the problems of its event's parent chain, located at its `parent:`. */
  parentProblems: IndexProblem[][];
}

/**
 * The one merge of the session index, for the extension and the CLI: the
 * bundled sources first, then the files in the order given, a later entry
 * overriding an earlier one with the same full id. Parent chains span files,
 * so they are checked on the merged index and each problem is located in the
 * file of its event.
 */
export function mergeIndex(bundled: readonly IndexInput[], files: readonly IndexFile[]): MergedIndex {
  const sources = files.flatMap((f) => fileSources(f.loaded, f.path));
  const index = new SessionIndex([...bundled, ...sources]);
  const parents = files.length ? eventParentProblems(index.events) : [];
  const parentProblems = files.map(({ loaded, text }) => (loaded.event ? locateParentProblems(parents, loaded.event.id, loaded.path, text) : []));
  return { index, fileSources: sources, parentProblems };
}
