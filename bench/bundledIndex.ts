// The bundled index as the extension loads it on first use, step by step,
// until the first completion is answered: read, decode, merge into the index,
// ready the search, answer `@@http3 stenberg` in a FOSDEM 2024 recap. Two
// rows: the binary bundle that ships, and the JSON bundle it replaced
// (written from the same sessions to a temporary file, so its read counts
// too). Listing every session (the lint's catalog, index.get on an index that
// must be merged) comes after that and has its own column.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completeAt } from '../src/core/completion/completions';
import { binaryBundleFiles, readBundle } from '../src/core/index/binaryBundle';
import { decodeBundle, encodeBundle } from '../src/core/index/bundle';
import { loadIndexFile } from '../src/core/index/loadIndexFile';
import { SessionIndex, type IndexInput, type IndexSource } from '../src/core/index/sessionIndex';
import { bundledSources, fileSources } from '../src/core/index/sources';
import { parseRecap } from '../src/core/recap/parseRecap';
import { SessionSearch } from '../src/core/search/sessionSearch';
import { root } from './data';
import { heapMb, median, table, time } from './stats';

const RECAP = '---\nevent: fosdem-2024\ntalks: []\n---\n\nThe best talk was @@http3 stenberg';
const EXPECTED = 'fosdem-2020/http3';

interface Path {
  name: string;
  file: string;
  read(): unknown;
  decode(data: unknown): IndexInput[];
  /** Index files merged over it, as a workspace's .recap/ folder gives them. */
  workspace?: IndexSource[];
}

function firstCompletion(index: SessionIndex, search: SessionSearch): string | undefined {
  const list = completeAt(parseRecap('recaps/fosdem.md', RECAP), RECAP.length, { index, search, trigger: '@@' });
  return list.items[0]?.talk;
}

function measure(path: Path): string[] {
  const load = () => {
    const [data, readMs] = time(() => path.read());
    const [inputs, decodeMs] = time(() => path.decode(data));
    const [index, mergeMs] = time(() => new SessionIndex([...inputs, ...(path.workspace ?? [])]));
    const [search, searchMs] = time(() => new SessionSearch(index));
    const [first, completionMs] = time(() => firstCompletion(index, search));
    if (first !== EXPECTED) throw new Error(`${path.name}: the first completion is ${first}, not ${EXPECTED}`);
    const [, allMs] = time(() => index.stats() && index.sessions.length && index.get(EXPECTED));
    return { index, search, steps: [readMs, decodeMs, mergeMs, searchMs, completionMs, readMs + decodeMs + mergeMs + searchMs + completionMs, allMs] };
  };
  // Heap: one load held in full (every session listed) against a baseline taken before it.
  const before = heapMb();
  const held = load();
  const heap = heapMb() - before;
  if (held.search.vocabularySize === 0) throw new Error('the bundled index is empty');
  const runs: number[][] = [];
  for (let i = 0; i < 5; i++) runs.push(load().steps);
  const col = (c: number) => median(runs.map((r) => r[c]!)).toFixed(1);
  return [path.name, `${(statSync(path.file).size / 1024 / 1024).toFixed(2)} MB`, col(0), col(1), col(2), col(3), col(4), col(5), col(6), heap.toFixed(1)];
}

export function bundledIndexBench(): string {
  const binary = join(root, 'data', 'bundled', 'index.bin');
  const dir = mkdtempSync(join(tmpdir(), 'recap-bench-'));
  const json = join(dir, 'index.json');
  try {
    // The format before this one, from the same sessions: what loading cost until now.
    writeFileSync(json, JSON.stringify(encodeBundle(binaryBundleFiles(readFileSync(binary)), [])) + '\n');
    const rows = [
      measure({
        name: 'JSON bundle (before)',
        file: json,
        read: () => readFileSync(json, 'utf8'),
        decode: (text) => bundledSources(decodeBundle(JSON.parse(text as string)), json),
      }),
      measure({
        name: 'data/bundled/index.bin',
        file: binary,
        read: () => readFileSync(binary),
        decode: (bytes) => readBundle(bytes as Buffer, binary),
      }),
      // The e2e workspace's index files: one replaces a bundled talk, the other adds an event of two.
      measure({
        name: 'index.bin + .recap/ (1 replaced, 2 added)',
        file: binary,
        read: () => readFileSync(binary),
        decode: (bytes) => readBundle(bytes as Buffer, binary),
        workspace: ['kubecon-overrides.yaml', 'team-talks.yaml'].flatMap((f) =>
          fileSources(loadIndexFile(f, readFileSync(join(root, 'test', 'e2e', 'workspace', '.recap', f), 'utf8'))),
        ),
      }),
    ];
    return (
      table(
        [
          'bundle',
          'on disk',
          'read ms',
          'parse + decode ms',
          'merge ms',
          'search index ms',
          'first completion ms',
          'ready ms',
          'then every session ms',
          'heap MB (all listed)',
        ],
        rows,
      ) +
      '\n\n"ready" is read through first completion (`@@http3 stenberg` in a FOSDEM 2024 recap, items made). "then every session" is what comes' +
      ' after, once: the index listing all sessions and counting them (the lint and the status item ask for that), already part of "merge" for JSON.'
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
