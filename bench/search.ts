// Search benchmark: our word index + fuse.js ranking, side by side with
// plain fuse.js over the same sessions and queries.
import type { SessionIndex } from '../src/core/index/sessionIndex';
import { SessionSearch } from '../src/core/search/sessionSearch';
import { bundledFiles, bundledIndex, generatedFiles, indexOf, root } from './data';
import { labelledQueries, SEED_QUERIES, type LabelledQuery } from './queries';
import { accuracy, GOALS, loadQueryCases, oursRanker, percent, plainFuse, plainFuseRanker } from './searchQuality';
import { heapMb, median, percentile, table, time } from './stats';

interface Engine {
  name: string;
  buildMs: number;
  memoryMb: number;
  search(query: string): string[];
}

function ours(index: SessionIndex): Engine {
  const before = heapMb();
  const [search, buildMs] = time(() => new SessionSearch(index));
  const memoryMb = heapMb() - before;
  return { name: 'Recap Writer', buildMs, memoryMb, search: (q) => search.search(q, { limit: 5 }).map((r) => r.session.fullId) };
}

function plainFuseEngine(index: SessionIndex): Engine {
  const before = heapMb();
  const [fuse, buildMs] = time(() => plainFuse(index));
  const memoryMb = heapMb() - before;
  return { name: 'plain fuse.js', buildMs, memoryMb, search: (q) => fuse.search(q, { limit: 5 }).map((r) => r.item.id) };
}

function measure(engine: Engine, queries: LabelledQuery[], typing: string[]) {
  const latencies: number[] = [];
  let hits = 0;
  for (const q of queries) {
    const [ids, ms] = time(() => engine.search(q.query));
    latencies.push(ms);
    if (ids.includes(q.expected)) hits++;
  }
  const keystrokes: number[] = [];
  for (const q of typing) for (let i = 1; i <= q.length; i++) keystrokes.push(time(() => engine.search(q.slice(0, i)))[1]);
  return { latencies, keystrokes, recall: hits / queries.length };
}

const HEADER = [
  'index',
  'engine',
  'sessions',
  'load ms',
  'build ms',
  'heap MB',
  'query median ms',
  'query p95 ms',
  'keystroke median / p95 ms (n)',
  'top-5 recall',
];

function run(label: string, load: () => SessionIndex, queries: LabelledQuery[], typingCount: { ours: number; fuse: number }): string[][] {
  const [index, loadMs] = time(load);
  const rows: string[][] = [];
  for (const make of [ours, plainFuseEngine]) {
    const engine = make(index);
    engine.search('warm up');
    const n = engine.name === 'plain fuse.js' ? typingCount.fuse : typingCount.ours;
    const typing = queries.slice(0, n).map((q) => q.query);
    const m = measure(engine, queries, typing);
    rows.push([
      label,
      engine.name,
      String(index.sessions.length),
      loadMs.toFixed(0),
      engine.buildMs.toFixed(0),
      engine.memoryMb.toFixed(1),
      median(m.latencies).toFixed(2),
      percentile(m.latencies, 95).toFixed(2),
      `${median(m.keystrokes).toFixed(2)} / ${percentile(m.keystrokes, 95).toFixed(2)} (${m.keystrokes.length})`,
      `${(m.recall * 100).toFixed(0)}% of ${queries.length}`,
    ]);
    // Each row as soon as it is measured: plain fuse.js at 100,000 sessions takes minutes.
    process.stderr.write(`${rows[rows.length - 1]!.join(' | ')}\n`);
  }
  return rows;
}

/** Top-1 and top-3 on the hand-written queries from real recaps, ours beside plain fuse.js. */
function qualityTable(index: SessionIndex): string {
  const cases = loadQueryCases(root);
  const rows: string[][] = [];
  const misses: string[] = [];
  for (const [name, ranker] of [
    ['Recap Writer', oursRanker(index)],
    ['plain fuse.js', plainFuseRanker(index)],
  ] as const) {
    const a = accuracy(cases, ranker, index);
    rows.push([name, String(cases.length), percent(a.top1), percent(a.top3)]);
    if (name === 'Recap Writer')
      for (const m of a.misses)
        misses.push(
          `- "${m.case.query}" (${m.case.event}): ${m.rank > 0 ? `#${m.rank}` : 'not in the first 10'}, ${m.case.expected}; first ${m.first ?? 'nothing'}`,
        );
  }
  const goals = `Goals: top-1 ≥ ${percent(GOALS.top1)}, top-3 ≥ ${percent(GOALS.top3)}. Queries: bench/searchQueries.json (the recap's event preferred; plain fuse.js has no such context).`;
  return [table(['engine', 'queries', 'top-1', 'top-3'], rows), '', goals, ...(misses.length ? ['', 'Recap Writer not first:', ...misses] : [])].join('\n');
}

function withSessions(index: SessionIndex): SessionIndex {
  if (index.sessions.length === 0) throw new Error('the bundled index is empty');
  return index;
}

export function searchBench(): string {
  const base = bundledFiles();
  // As the extension loads it: the search comes prebuilt in the bundle (its results are a fresh build's).
  const fosdemIndex = bundledIndex();
  const quality = qualityTable(fosdemIndex);
  process.stderr.write(`${quality}\n`);
  const fosdemQueries = [...SEED_QUERIES, ...labelledQueries(fosdemIndex, 52, 7)];
  const big = generatedFiles(base, 100_000);
  const bigQueries = labelledQueries(indexOf(big), 50, 11);
  process.stderr.write(`${HEADER.join(' | ')}\n`);
  const rows = [
    // Plain fuse.js takes seconds a query at 100,000 sessions: it types fewer of the sequences.
    // Loaded with every session listed, so that neither engine's build time includes that.
    ...run('bundled (FOSDEM, KubeCon, EuroPython, pyvideo, seeds…)', () => withSessions(bundledIndex()), fosdemQueries, { ours: 20, fuse: 5 }),
    ...run('generated', () => indexOf(big), bigQueries, { ours: 20, fuse: 1 }),
  ];
  return `${table(HEADER, rows)}\n\n### Accuracy on queries from real recaps\n\n${quality}`;
}
