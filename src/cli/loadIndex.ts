import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readBundle } from '../core/index/binaryBundle';
import { formatIndexProblem, type IndexProblem } from '../core/index/indexProblem';
import { loadIndexFile } from '../core/index/loadIndexFile';
import { mergeIndex, type IndexFile } from '../core/index/mergeIndex';
import type { IndexInput, SessionIndex } from '../core/index/sessionIndex';
import type { CliIo } from './io';
import { NodeWorkspace } from './nodeWorkspace';

/** The bundled index ships beside the bundle: data/bundled/index.bin, one level above dist/. */
export function bundledIndexPath(): string {
  return process.env.RECAP_BUNDLED_INDEX ?? join(__dirname, '..', 'data', 'bundled', 'index.bin');
}

/** The bundled index, read: the one place the CLI loads it. */
function loadBundled(path = bundledIndexPath()): IndexInput[] {
  return existsSync(path) ? readBundle(readFileSync(path), path) : [];
}

/**
 * The bundled index plus the user's --index files, merged as the extension
 * merges them (core's mergeIndex), later files overriding earlier ones.
 * Problems in those files go to stderr, each file's own as it is read, then
 * those of parent chains; the rest still loads. Synchronous, and without the
 * search the extension builds: most commands only look ids up.
 */
export function loadCliIndex(files: string[], io: CliIo, options: { bundled?: boolean } = {}): { index: SessionIndex; errors: number } {
  let errors = 0;
  const report = (problems: readonly IndexProblem[]) => {
    for (const p of problems) {
      io.err(formatIndexProblem(p));
      if (p.severity === 'error') errors++;
    }
  };
  const workspace = new NodeWorkspace(io.cwd);
  const loaded = files.map((file): IndexFile => {
    let text: string;
    try {
      text = workspace.readTextSync(resolve(io.cwd, file));
    } catch (err) {
      throw new Error(`${file}: cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });
    }
    const indexFile = { loaded: loadIndexFile(file, text), text, path: file };
    report(indexFile.loaded.problems);
    return indexFile;
  });
  const { index, parentProblems } = mergeIndex(options.bundled === false ? [] : loadBundled(), loaded);
  for (const problems of parentProblems) report(problems);
  return { index, errors };
}
