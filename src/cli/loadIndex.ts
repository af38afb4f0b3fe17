import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeBundle } from '../core/index/bundle';
import { formatIndexProblem } from '../core/index/indexProblem';
import { eventParentProblems, locateParentProblems } from '../core/index/eventParents';
import { loadIndexFile, type LoadedIndexFile } from '../core/index/loadIndexFile';
import { bundledSources, fileSources } from '../core/index/sources';
import { SessionIndex, type IndexSource } from '../core/index/sessionIndex';
import type { CliIo } from './io';

/** The bundled index ships beside the bundle: data/bundled/index.json, one level above dist/. */
export function bundledIndexPath(): string {
  return process.env.RECAP_BUNDLED_INDEX ?? join(__dirname, '..', 'data', 'bundled', 'index.json');
}

function readBundledSources(path = bundledIndexPath()): IndexSource[] {
  return existsSync(path) ? bundledSources(decodeBundle(JSON.parse(readFileSync(path, 'utf8'))), path) : [];
}

/**
 * The bundled index plus the user's --index files, later files overriding
 * earlier ones. Problems in those files go to stderr; the rest still loads.
 */
export function loadCliIndex(files: string[], io: CliIo, options: { bundled?: boolean } = {}): { index: SessionIndex; errors: number } {
  const sources: IndexSource[] = options.bundled === false ? [] : readBundledSources();
  let errors = 0;
  const loadedFiles: { loaded: LoadedIndexFile; text: string }[] = [];
  for (const file of files) {
    const path = resolve(io.cwd, file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new Error(`${file}: cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });
    }
    const loaded = loadIndexFile(file, text);
    for (const p of loaded.problems) {
      io.err(formatIndexProblem(p));
      if (p.severity === 'error') errors++;
    }
    sources.push(...fileSources(loaded));
    loadedFiles.push({ loaded, text });
  }
  const index = new SessionIndex(sources);
  // Parent chains span files: checked on the merged index, each problem reported in the file of its event.
  const parents = loadedFiles.length ? eventParentProblems(index.events) : [];
  for (const { loaded, text } of loadedFiles) {
    if (!loaded.event) continue;
    for (const p of locateParentProblems(parents, loaded.event.id, loaded.path, text)) {
      io.err(formatIndexProblem(p));
      if (p.severity === 'error') errors++;
    }
  }
  return { index, errors };
}
