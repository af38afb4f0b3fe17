// Search benchmark: our word index + fuse.js ranking, side by side with
// plain fuse.js over the same sessions and queries.
import Fuse from 'fuse.js';
import type { EventFile } from '../src/core/index/model';
import type { SessionIndex } from '../src/core/index/sessionIndex';
import { SessionSearch } from '../src/core/search/sessionSearch';
import { bundledFiles, generatedFiles, indexOf } from './data';
import { labelledQueries, SEED_QUERIES, type LabelledQuery } from './queries';
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

function plainFuse(index: SessionIndex): Engine {
  const before = heapMb();
  const [fuse, buildMs] = time(() => {
    const docs = index.sessions.map((s) => ({
      id: s.fullId,
      title: s.title,
      speakers: s.speakers.map((sp) => sp.name).join(', '),
      affiliations: s.speakers.map((sp) => sp.affiliation ?? '').join(', '),
      event: index.events.get(s.eventId)?.name ?? s.eventId,
    }));
    return new Fuse(docs, { includeScore: true, ignoreLocation: true, keys: ['title', 'speakers', 'affiliations', 'event'] });
  });
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

const HEADER = ['index', 'engine', 'sessions', 'load ms', 'build ms', 'heap MB', 'query median ms', 'query p95 ms', 'keystroke median / p95 ms (n)', 'top-5 recall'];

function run(label: string, files: EventFile[], queries: LabelledQuery[], typingCount: { ours: number; fuse: number }): string[][] {
  const [index, loadMs] = time(() => indexOf(files));
  const rows: string[][] = [];
  for (const make of [ours, plainFuse]) {
    const engine = make(index);
    engine.search('warm up');
    const n = engine.name === 'plain fuse.js' ? typingCount.fuse : typingCount.ours;
    const typing = queries.slice(0, n).map((q) => q.query);
    const m = measure(engine, queries, typing);
    rows.push([
      label, engine.name, String(index.sessions.length), loadMs.toFixed(0), engine.buildMs.toFixed(0), engine.memoryMb.toFixed(1),
      median(m.latencies).toFixed(2), percentile(m.latencies, 95).toFixed(2),
      `${median(m.keystrokes).toFixed(2)} / ${percentile(m.keystrokes, 95).toFixed(2)} (${m.keystrokes.length})`,
      `${(m.recall * 100).toFixed(0)}% of ${queries.length}`,
    ]);
    // Each row as soon as it is measured: plain fuse.js at 100,000 sessions takes minutes.
    process.stderr.write(`${rows[rows.length - 1]!.join(' | ')}\n`);
  }
  return rows;
}

export function searchBench(): string {
  const base = bundledFiles();
  const fosdemIndex = indexOf(base);
  const fosdemQueries = [...SEED_QUERIES, ...labelledQueries(fosdemIndex, 52, 7)];
  const big = generatedFiles(base, 100_000);
  const bigQueries = labelledQueries(indexOf(big), 50, 11);
  process.stderr.write(`${HEADER.join(' | ')}\n`);
  const rows = [
    // Plain fuse.js takes seconds a query at 100,000 sessions: it types fewer of the sequences.
    ...run('bundled (FOSDEM 2007–2026 + seeds)', base, fosdemQueries, { ours: 20, fuse: 5 }),
    ...run('generated', big, bigQueries, { ours: 20, fuse: 1 }),
  ];
  return table(HEADER, rows);
}
