// The bundled index as the extension loads it on first use: read, parse,
// decode, merge, and build the search over it.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBundle } from '../src/core/index/bundle';
import { SessionSearch } from '../src/core/search/sessionSearch';
import { indexOf, root } from './data';
import { heapMb, median, table, time } from './stats';

export function bundledIndexBench(): string {
  const path = join(root, 'data', 'bundled', 'index.json');
  // Heap: one load held in full against a baseline taken before it.
  const before = heapMb();
  const held = new SessionSearch(indexOf(decodeBundle(JSON.parse(readFileSync(path, 'utf8')))));
  const heap = heapMb() - before;
  if (held.vocabularySize === 0) throw new Error('the bundled index is empty');
  const runs: number[][] = [];
  for (let i = 0; i < 5; i++) {
    const [text, readMs] = time(() => readFileSync(path, 'utf8'));
    const [files, decodeMs] = time(() => decodeBundle(JSON.parse(text)));
    const [index, mergeMs] = time(() => indexOf(files));
    const [, searchMs] = time(() => new SessionSearch(index));
    runs.push([readMs, decodeMs, mergeMs, searchMs, readMs + decodeMs + mergeMs + searchMs]);
  }
  const col = (c: number) => median(runs.map((r) => r[c]!)).toFixed(1);
  return table(
    ['file', 'on disk', 'read ms', 'parse + decode ms', 'merge ms', 'search index ms', 'total ms', 'heap MB (index + search)'],
    [['data/bundled/index.json', `${(statSync(path).size / 1024 / 1024).toFixed(2)} MB`, col(0), col(1), col(2), col(3), col(4), heap.toFixed(1)]],
  );
}
